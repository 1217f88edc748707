import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { type PackedChunk, unpackChunk } from './packedChunk.js';
import { type ParsedFile, parseChunk } from './parseChunk.js';

/** What a helper is given once it runs: the files to share out, and how many make a chunk. */
export type HelperRequest = { files: string[]; chunkSize: number };
export type HelperReply =
  | {
      type: 'parsed';
      /** Index of the chunk's first file. */
      index: number;
      chunk: PackedChunk;
    }
  | { type: 'done'; error?: string };

/** Slots of the shared counters. */
export const NEXT_CHUNK = 0;
export const REPLIES = 1;

export interface HelperData {
  root: string;
  fingerprint: boolean;
  port: MessagePort;
  /** Int32 counters (NEXT_CHUNK, REPLIES) shared by every thread of one parse. */
  counters: SharedArrayBuffer;
}

/** `Atomics.waitAsync`: in Node since 16, typed only from lib ES2024 (this repo's is ES2023, Node 20's level). */
const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;
type WaitAsync = (
  array: Int32Array,
  index: number,
  value: number,
  timeout: number,
) => { async: false; value: 'not-equal' | 'timed-out' } | { async: true; value: Promise<'ok' | 'timed-out'> };

/** A helper that makes no progress for this long is given up on and its chunks parsed here. */
const STALL_MS = 20_000;

/**
 * Parse threads started before the files are known, so their start-up (an isolate, the parse
 * modules, the scanner's wasm: ~50-80 ms) overlaps with loading the workspace and listing files
 * instead of delaying the parse. Files are then shared out in chunks that each thread, this one
 * included, claims from one shared counter: no thread waits on a message to get work, and a
 * helper that starts late or runs slow simply claims fewer. Use `parse` once, or `close`.
 */
export class ParseHelpers {
  readonly #workers: Worker[] = [];
  readonly #ports: MessagePort[] = [];
  readonly #counters = new Int32Array(new SharedArrayBuffer(8));
  readonly #root: string;
  readonly #fingerprint: boolean;
  /** Helpers that said they are done or exited, by index. */
  readonly #finished = new Set<number>();
  /** Chunks parsed by this thread and by the helpers in the last `parse`: what a test or a profile wants to see. */
  shares = { main: 0, helpers: 0 };

  constructor(options: { root: string; fingerprint: boolean; helpers: number; workerFile: string }) {
    this.#root = options.root;
    this.#fingerprint = options.fingerprint;
    for (let i = 0; i < options.helpers; i++) {
      const { port1, port2 } = new MessageChannel();
      const workerData: HelperData = {
        root: options.root,
        fingerprint: options.fingerprint,
        port: port2,
        counters: this.#counters.buffer as SharedArrayBuffer,
      };
      const worker = new Worker(options.workerFile, { workerData, transferList: [port2] });
      // An idle helper never keeps the process alive (`parse` holds them while it waits on them).
      worker.unref();
      worker.on('error', () => {});
      worker.once('exit', () => {
        this.#finished.add(i);
        // Wake `parse` if it is waiting for this helper's replies.
        Atomics.add(this.#counters, REPLIES, 1);
        Atomics.notify(this.#counters, REPLIES);
      });
      this.#workers.push(worker);
      this.#ports.push(port1);
    }
  }

  get size(): number {
    return this.#workers.length;
  }

  /**
   * Parse `files` on this thread and the helpers. This thread polls the helpers' replies between
   * its own chunks (no event loop turn), then waits on the shared counter for the last ones. Any
   * chunk a helper claimed but did not return (it failed, exited or stalled) is parsed here.
   */
  async parse(files: string[], onProgress?: (done: number, total: number) => void): Promise<ParsedFile[]> {
    const threads = this.#workers.length + 1;
    const chunkSize = Math.max(25, Math.min(200, Math.ceil(files.length / (threads * 12))));
    const chunks = Math.ceil(files.length / chunkSize);
    const results = new Map<number, ParsedFile[]>();
    let parsedFiles = 0;
    const keep = (index: number, chunk: ParsedFile[]) => {
      results.set(index, chunk);
      parsedFiles += chunk.length;
    };
    const drain = () => {
      for (const [helper, port] of this.#ports.entries()) {
        for (let message = receiveMessageOnPort(port); message; message = receiveMessageOnPort(port)) {
          const reply = message.message as HelperReply;
          if (reply.type === 'parsed') {
            keep(reply.index, unpackChunk(reply.chunk));
            this.shares.helpers++;
          } else this.#finished.add(helper);
        }
      }
    };
    // Held while this parse waits on them: waiting on the counter alone would let the event loop
    // run empty, and Node ends the process with exit code 13 (a top-level await never settled).
    for (const worker of this.#workers) worker.ref();
    const request: HelperRequest = { files, chunkSize };
    for (const port of this.#ports) port.postMessage(request);
    const counters = this.#counters;
    for (;;) {
      const index = Atomics.add(counters, NEXT_CHUNK, chunkSize);
      if (index >= files.length) break;
      keep(index, parseChunk(this.#root, files.slice(index, index + chunkSize), this.#fingerprint));
      this.shares.main++;
      drain();
      onProgress?.(parsedFiles, files.length);
    }
    // Every chunk is claimed: wait for the helpers' last replies (a helper that exited counts as done).
    const helpers = this.#workers.length;
    while (results.size < chunks && this.#finished.size < helpers) {
      const seen = Atomics.load(counters, REPLIES);
      drain();
      if (results.size >= chunks || this.#finished.size >= helpers) break;
      const waiting = waitAsync(counters, REPLIES, seen, STALL_MS);
      if (waiting.async && (await waiting.value) === 'timed-out') break;
    }
    drain();
    this.close();
    for (let index = 0; index < files.length; index += chunkSize) {
      if (results.has(index)) continue;
      keep(index, parseChunk(this.#root, files.slice(index, index + chunkSize), this.#fingerprint));
      this.shares.main++;
    }
    onProgress?.(parsedFiles, files.length);
    const out: ParsedFile[] = [];
    for (let index = 0; index < files.length; index += chunkSize) for (const file of results.get(index) ?? []) out.push(file);
    return out;
  }

  /** Stop the helpers (idempotent). */
  close(): void {
    for (const worker of this.#workers) void worker.terminate();
    for (const port of this.#ports) port.close();
    this.#workers.length = 0;
    this.#ports.length = 0;
  }
}
