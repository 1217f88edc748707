import { Worker } from 'node:worker_threads';
import type { ModuleFingerprint } from '@monorefactor/core';
import type { ParsedFile, ParseSession } from './parseFiles.js';

export type WorkerRequest = { type: 'parse'; index: number; files: string[] } | { type: 'fingerprint' };
export type WorkerReply =
  | { type: 'parsed'; index: number; json: string }
  /** Per file [path, tokens, hash, shingle count]; the shingles of all of them back to back. */
  | { type: 'fingerprints'; entries: [string, number, string, number][]; shingles: Uint32Array };

interface WorkerPlan {
  root: string;
  files: string[];
  workers: number;
  workerFile: string;
  fingerprint: boolean;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/**
 * Work is handed out in small chunks so a worker that drew large files does not hold up the end.
 * A worker with no chunk left starts on the fingerprints of the files it parsed while the others
 * finish; `parsed` settles when the last chunk is back, `fingerprinted` when the last worker is.
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
  const pending: [string, ModuleFingerprint][][] = [];
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(plan.workerFile, { workerData: { root: plan.root, fingerprint: plan.fingerprint } });
      const send = () => {
        if (next >= files.length) {
          if (plan.fingerprint) worker.postMessage({ type: 'fingerprint' } satisfies WorkerRequest);
          else void worker.terminate().then(() => resolve());
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
        const chunk = JSON.parse(reply.json) as ParsedFile[];
        results[reply.index / chunkSize] = chunk;
        done += chunk.length;
        onProgress?.(done, files.length);
        if (done === files.length) parsedSettled?.resolve(results.flat());
        send();
      });
      worker.once('error', (error) => {
        parsedSettled?.reject(error);
        reject(error);
      });
      worker.once('online', send);
    });
  const all = Promise.all(Array.from({ length: plan.workers }, runWorker));
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

function unpackFingerprints(entries: [string, number, string, number][], shingles: Uint32Array): [string, ModuleFingerprint][] {
  const out: [string, ModuleFingerprint][] = [];
  let offset = 0;
  for (const [file, tokens, hash, count] of entries) {
    out.push([file, { tokens, hash, shingles: shingles.subarray(offset, offset + count) }]);
    offset += count;
  }
  return out;
}
