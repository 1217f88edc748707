import { Worker } from 'node:worker_threads';
import type { ModuleFingerprint } from '@monorefactor/core';
import { type ParsedFile, parseChunk } from './parseFiles.js';

export type WorkerRequest = { type: 'parse'; index: number; files: string[] };
export type WorkerReply = {
  type: 'parsed';
  index: number;
  /** The chunk's files without fingerprints, as JSON text. */
  json: string;
  /** Per fingerprinted file [index in the chunk, tokens, hash, shingle count]; the shingles back to back. */
  fingerprints: [number, number, string, number][];
  shingles: Uint32Array;
};

interface WorkerPlan {
  root: string;
  files: string[];
  /** Parsing threads, this one included: `workers - 1` worker threads are started. */
  workers: number;
  workerFile: string;
  fingerprint: boolean;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/**
 * Work is handed out in small chunks so a thread that drew large files does not hold up the end.
 * The main thread parses chunks too instead of waiting (on a 2-core machine that is half the
 * work). Settles when the last chunk is back.
 */
export function parseInWorkers(plan: WorkerPlan): Promise<ParsedFile[]> {
  const { files, onProgress } = plan;
  const chunkSize = Math.max(25, Math.min(250, Math.ceil(files.length / (plan.workers * 8))));
  const results: ParsedFile[][] = [];
  let next = 0;
  let done = 0;
  return new Promise<ParsedFile[]>((resolve, reject) => {
    const workers: Worker[] = [];
    let failed = false;
    const finishChunk = (index: number, chunk: ParsedFile[]) => {
      results[index / chunkSize] = chunk;
      done += chunk.length;
      onProgress?.(done, files.length);
      if (done !== files.length) return;
      for (const worker of workers) void worker.terminate();
      resolve(results.flat());
    };
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      for (const worker of workers) void worker.terminate();
      reject(error);
    };
    const send = (worker: Worker) => {
      if (next >= files.length || failed) return;
      const index = next;
      next += chunkSize;
      worker.postMessage({ type: 'parse', index, files: files.slice(index, index + chunkSize) } satisfies WorkerRequest);
    };
    for (let i = 0; i < Math.max(1, plan.workers - 1); i++) {
      const worker = new Worker(plan.workerFile, { workerData: { root: plan.root, fingerprint: plan.fingerprint } });
      workers.push(worker);
      worker.on('message', (reply: WorkerReply) => {
        finishChunk(reply.index, unpackChunk(reply));
        send(worker);
      });
      worker.once('error', fail);
      worker.once('online', () => send(worker));
    }
    void (async () => {
      while (next < files.length && !failed) {
        const index = next;
        next += chunkSize;
        finishChunk(index, parseChunk(plan.root, files.slice(index, index + chunkSize), plan.fingerprint));
        await new Promise((resolve) => setImmediate(resolve)); // let the workers' replies in
      }
    })().catch(fail);
  });
}

/**
 * A worker's reply for a parsed chunk. Imports go as JSON text (V8 parses it faster than it
 * deserialises a structured clone of many small objects); the fingerprints' shingles as one
 * buffer, moved rather than copied.
 */
export function packChunk(index: number, chunk: ParsedFile[]): { reply: WorkerReply; transfer: ArrayBuffer[] } {
  const fingerprints: [number, number, string, number][] = [];
  let total = 0;
  for (const file of chunk) total += file.fingerprint?.shingles.length ?? 0;
  const shingles = new Uint32Array(total);
  let offset = 0;
  const plain = chunk.map((file, position) => {
    const fp = file.fingerprint;
    if (!fp) return file;
    shingles.set(fp.shingles, offset);
    offset += fp.shingles.length;
    fingerprints.push([position, fp.tokens, fp.hash, fp.shingles.length]);
    const { fingerprint: _, ...rest } = file;
    return rest;
  });
  return { reply: { type: 'parsed', index, json: JSON.stringify(plain), fingerprints, shingles }, transfer: [shingles.buffer] };
}

/** The inverse of `packChunk`. */
function unpackChunk(reply: WorkerReply): ParsedFile[] {
  const chunk = JSON.parse(reply.json) as ParsedFile[];
  let offset = 0;
  for (const [position, tokens, hash, count] of reply.fingerprints) {
    const fingerprint: ModuleFingerprint = { tokens, hash, shingles: reply.shingles.subarray(offset, offset + count) };
    offset += count;
    const file = chunk[position];
    if (file) file.fingerprint = fingerprint;
  }
  return chunk;
}
