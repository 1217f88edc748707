import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { type PackedChunk, unpackChunk } from './packedChunk.js';
import { type ParsedFile, parseChunk } from './parseChunk.js';

/** What a helper is given once it runs: the files to share out, and how many threads share them. */
export type HelperRequest = { files: string[]; threads: number };
export type HelperReply =
  | {
      type: 'parsed';
      /** Index of the chunk's first file in the request's list. */
      index: number;
      chunk: PackedChunk;
    }
  | { type: 'done'; error?: string };

/** Chunk sizes in files: large enough that a chunk's hand-off is a small part of it. */
const MOST_FILES = 200;
const FEWEST_FILES = 25;

/**
 * Claim the next chunk of `total` files from the shared counter: [start, end), or undefined when
 * none is left. Guided: a quarter of each thread's share of what is left (at most 200 files), so
 * chunks shrink towards the end and no thread is left finishing a large one after the others.
 */
export function claimChunk(counters: Int32Array, total: number, threads: number): [number, number] | undefined {
  const left = total - Atomics.load(counters, NEXT_CHUNK);
  if (left <= 0) return undefined;
  const size = Math.max(FEWEST_FILES, Math.min(MOST_FILES, Math.ceil(left / (threads * 4))));
  // Another thread may claim between the load and the add: the add alone decides where this chunk starts.
  const start = Atomics.add(counters, NEXT_CHUNK, size);
  return start < total ? [start, Math.min(total, start + size)] : undefined;
}

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
    // Chunks by their first file's index; chunks come back in any order and of any size.
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
    const parseHere = (start: number, end: number) => {
      keep(start, parseChunk(this.#root, files.slice(start, end), this.#fingerprint));
      this.shares.main++;
    };
    // Held while this parse waits on them: waiting on the counter alone would let the event loop
    // run empty, and Node ends the process with exit code 13 (a top-level await never settled).
    for (const worker of this.#workers) worker.ref();
    const request: HelperRequest = { files, threads };
    for (const port of this.#ports) port.postMessage(request);
    const counters = this.#counters;
    for (let chunk = claimChunk(counters, files.length, threads); chunk; chunk = claimChunk(counters, files.length, threads)) {
      parseHere(chunk[0], chunk[1]);
      drain();
      onProgress?.(parsedFiles, files.length);
    }
    // Every file is claimed: wait for the helpers' last replies (a helper that exited counts as done).
    const helpers = this.#workers.length;
    while (parsedFiles < files.length && this.#finished.size < helpers) {
      const seen = Atomics.load(counters, REPLIES);
      drain();
      if (parsedFiles >= files.length || this.#finished.size >= helpers) break;
      const waiting = waitAsync(counters, REPLIES, seen, STALL_MS);
      if (waiting.async && (await waiting.value) === 'timed-out') break;
    }
    drain();
    this.close();
    // Files a helper claimed but never sent back (it failed, exited or stalled) are parsed here.
    const out: ParsedFile[] = [];
    const starts = [...results.keys()].sort((a, b) => a - b);
    for (let at = 0, next = 0; at < files.length; ) {
      while ((starts[next] as number) < at) next++;
      const start = starts[next];
      if (start !== at) parseHere(at, start ?? files.length);
      const chunk = results.get(at) as ParsedFile[];
      for (const file of chunk) out.push(file);
      at += chunk.length;
    }
    onProgress?.(parsedFiles, files.length);
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
