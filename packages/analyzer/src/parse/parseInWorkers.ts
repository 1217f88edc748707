import { Worker } from 'node:worker_threads';
import type { ModuleFingerprint } from '@monorefactor/core';
import { type ParsedFile, type ParseSession, parseChunk } from './parseFiles.js';

export type WorkerRequest =
  | { type: 'parse'; index: number; files: string[] }
  /** Fingerprint every source kept so far, and these (the main thread's share). */
  | { type: 'fingerprint'; sources: [string, string][] };
export type WorkerReply =
  | { type: 'parsed'; index: number; json: string }
  /** Per file [path, tokens, hash, shingle count]; the shingles of all of them back to back. */
  | { type: 'fingerprints'; entries: [string, number, string, number][]; shingles: Uint32Array };

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
 * work). A worker with no chunk left fingerprints the sources it kept; the first worker also
 * takes the main thread's, so the main thread can resolve imports meanwhile. `parsed` settles
 * when the last chunk is back, `fingerprinted` when the last worker is.
 */
export function parseInWorkers(plan: WorkerPlan): ParseSession {
  const { files, onProgress } = plan;
  const chunkSize = Math.max(25, Math.min(250, Math.ceil(files.length / (plan.workers * 8))));
  const results: ParsedFile[][] = [];
  let next = 0;
  let done = 0;
  let parsedSettled: { resolve: (files: ParsedFile[]) => void; reject: (error: unknown) => void } | undefined;
  const parsed = new Promise<ParsedFile[]>((resolve, reject) => {
    parsedSettled = { resolve, reject };
  });
  const finishChunk = (index: number, chunk: ParsedFile[]) => {
    results[index / chunkSize] = chunk;
    done += chunk.length;
    onProgress?.(done, files.length);
    if (done === files.length) parsedSettled?.resolve(results.flat());
  };
  const mainSources: [string, string][] = [];
  const mainDone = (async () => {
    while (next < files.length) {
      const index = next;
      next += chunkSize;
      const keep = plan.fingerprint ? (file: string, source: string) => mainSources.push([file, source]) : undefined;
      finishChunk(index, parseChunk(plan.root, files.slice(index, index + chunkSize), keep));
      await new Promise((resolve) => setImmediate(resolve)); // let the workers' replies in
    }
  })();
  const pending: [string, ModuleFingerprint][][] = [];
  const runWorker = (first: boolean) =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(plan.workerFile, { workerData: { root: plan.root, fingerprint: plan.fingerprint } });
      const send = () => {
        if (next >= files.length) {
          if (!plan.fingerprint) void worker.terminate().then(() => resolve());
          else if (!first) worker.postMessage({ type: 'fingerprint', sources: [] } satisfies WorkerRequest);
          else void mainDone.then(() => worker.postMessage({ type: 'fingerprint', sources: mainSources } satisfies WorkerRequest));
          return;
        }
        const index = next;
        next += chunkSize;
        worker.postMessage({ type: 'parse', index, files: files.slice(index, index + chunkSize) } satisfies WorkerRequest);
      };
      worker.on('message', (reply: WorkerReply) => {
        if (reply.type === 'fingerprints') {
          pending.push(unpackFingerprints(reply.entries, reply.shingles));
          void worker.terminate().then(() => resolve());
          return;
        }
        finishChunk(reply.index, JSON.parse(reply.json) as ParsedFile[]);
        send();
      });
      worker.once('error', (error) => {
        parsedSettled?.reject(error);
        reject(error);
      });
      worker.once('online', send);
    });
  const all = Promise.all(Array.from({ length: Math.max(1, plan.workers - 1) }, (_, i) => runWorker(i === 0)));
  const fingerprinted = Promise.all([parsed, all]).then(([list]) => {
    const byPath = new Map(list.map((file) => [file.path, file]));
    for (const batch of pending) {
      for (const [file, fingerprint] of batch) {
        const target = byPath.get(file);
        if (target) target.fingerprint = fingerprint;
      }
    }
  });
  // A failure shows on whichever promise the caller awaits; do not also report it as unhandled.
  fingerprinted.catch(() => {});
  return { parsed, fingerprinted };
}

/** Fingerprints as one buffer of every shingle sample (moved, not copied, to the main thread) and per-file entries. */
export function packFingerprints(fingerprints: [string, ModuleFingerprint][]): {
  entries: [string, number, string, number][];
  shingles: Uint32Array<ArrayBuffer>;
} {
  const shingles = new Uint32Array(fingerprints.reduce((sum, [, fp]) => sum + fp.shingles.length, 0));
  const entries: [string, number, string, number][] = [];
  let offset = 0;
  for (const [file, fp] of fingerprints) {
    shingles.set(fp.shingles, offset);
    offset += fp.shingles.length;
    entries.push([file, fp.tokens, fp.hash, fp.shingles.length]);
  }
  return { entries, shingles };
}

/** The inverse of `packFingerprints`. */
function unpackFingerprints(entries: [string, number, string, number][], shingles: Uint32Array): [string, ModuleFingerprint][] {
  const out: [string, ModuleFingerprint][] = [];
  let offset = 0;
  for (const [file, tokens, hash, count] of entries) {
    out.push([file, { tokens, hash, shingles: shingles.subarray(offset, offset + count) }]);
    offset += count;
  }
  return out;
}
