import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';

/**
 * Files read ahead on another thread, their bytes handed over through shared memory, so this
 * thread only parses. On this repo's 2-core machines a file's open/read/close costs ~12 µs of
 * system calls, a third of its whole parse: here they run beside the parse instead of before it
 * (bench tree: parse 330-420 -> 235-250 ms). No text crosses threads: bytes go into a ring of
 * shared memory, then straight into the scanner's input area.
 *
 * Either thread may take a file: the reader claims each before reading it, and this thread claims
 * any file the reader has not reached (it started late, fell behind or died) and reads it itself.
 * Files come out in list order, as a one-thread parse reads them.
 */

/** What the reader is sent once the file list is known. */
export interface ReadAheadRequest {
  /** Absolute paths, in the order they are taken. */
  files: string[];
  /** Int32 control slots (below), then per file its state, ring position and length. */
  control: SharedArrayBuffer;
}

export interface ReadAheadData {
  port: MessagePort;
  /** The ring of file bytes (RING_BYTES). */
  ring: SharedArrayBuffer;
}

/** Bytes of the ring: a power of two, so a position modulo 2^32 maps onto it. */
export const RING_BYTES = 1 << 23;
/** Most bytes read for one file: a larger file (rare) is read by the parsing thread itself. */
export const MOST_BYTES = 1 << 18;

// Control slots.
/** Ring position (mod 2^32) up to which the parsing thread has copied the bytes out. */
export const HEAD = 0;
/** Set to 1 when the reader should stop. */
export const STOP = 1;
/** The file the parsing thread is at: a late reader starts a little ahead of it. */
export const TAKER_AT = 2;
export const CONTROL_SLOTS = 4;

// A file's state.
export const FREE = 0;
export const READING = 1;
/** The parsing thread took it (reads it itself). */
export const TAKEN = 2;
export const READY = 3;
/** The reader could not read it into the ring (an error, or too large): the parsing thread reads it. */
export const SKIPPED = 4;

/** Slots of file `i`: state, ring position (mod 2^32), byte length. */
export const stateSlot = (i: number) => CONTROL_SLOTS + i * 3;

/** A stalled reader (no file done for this long) is given up on; its files are read here. */
const STALL_MS = 2000;

export class ReadAhead {
  readonly #worker: Worker;
  readonly #port: MessagePort;
  readonly #ring: Uint8Array;
  #control: Int32Array<ArrayBufferLike> = new Int32Array(CONTROL_SLOTS);
  #files = 0;
  #closed = false;
  /** Files this thread took from the reader, and the ones it read itself: what a test wants to see. */
  readonly shares = { reader: 0, here: 0 };

  constructor(workerFile: string) {
    const ring = new SharedArrayBuffer(RING_BYTES);
    this.#ring = new Uint8Array(ring);
    const { port1, port2 } = new MessageChannel();
    this.#port = port1;
    // The control area depends on the file count: it is made and sent by `start`.
    const data: ReadAheadData = { port: port2, ring };
    this.#worker = new Worker(workerFile, { workerData: data, transferList: [port2] });
    this.#worker.unref();
    this.#worker.on('error', () => {});
  }

  /** Start reading `files` (absolute paths). */
  start(files: string[]): void {
    this.#files = files.length;
    const control = new SharedArrayBuffer((CONTROL_SLOTS + files.length * 3) * 4);
    this.#control = new Int32Array(control);
    const request: ReadAheadRequest = { files, control };
    this.#port.postMessage(request);
  }

  /**
   * Copies file `i`'s bytes into `area` (which must hold MOST_BYTES) and returns their count, or
   * returns -1: read the file yourself. Files are to be taken in order, each once.
   */
  take(i: number, area: Uint8Array): number {
    const control = this.#control;
    const slot = stateSlot(i);
    Atomics.store(control, TAKER_AT, i);
    if (this.#closed || i >= this.#files) return this.#here();
    let state = Atomics.compareExchange(control, slot, FREE, TAKEN);
    if (state === FREE) return this.#here();
    while (state === READING) {
      if (Atomics.wait(control, slot, READING, STALL_MS) === 'timed-out') {
        this.close();
        return this.#here();
      }
      state = Atomics.load(control, slot);
    }
    if (state !== READY) return this.#here();
    const length = control[slot + 2] as number;
    const at = (control[slot + 1] as number) & (RING_BYTES - 1);
    area.set(this.#ring.subarray(at, at + length));
    Atomics.store(control, HEAD, ((control[slot + 1] as number) + length) | 0);
    Atomics.notify(control, HEAD);
    this.shares.reader++;
    return length;
  }

  #here(): number {
    this.shares.here++;
    return -1;
  }

  /** Stop the reader (idempotent). */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    Atomics.store(this.#control, STOP, 1);
    Atomics.notify(this.#control, HEAD);
    void this.#worker.terminate();
    this.#port.close();
  }
}
