import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { isDeclarationFile, isTestFile } from '@monorefactor/core';
import { type ExtractedFile, extractImports } from './extractImports.js';

export interface ParsedFile extends ExtractedFile {
  path: string;
  size: number;
  /** Set when the file could not be read at all. */
  readError?: string;
}

export interface ParseFilesOptions {
  /** Worker threads to use; 0 parses on this thread. Default: one per core, none for small repos. */
  workers?: number;
  fingerprint?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Below this many files the cost of starting workers (~100 ms each, module loading included) is
 * more than they save: most files take the lexer path at ~50-70 µs a file with its fingerprint.
 */
const WORKER_THRESHOLD = 1500;

/** Read and parse `files` (root-relative), spread over worker threads on a large repo. */
export async function parseFiles(root: string, files: string[], options: ParseFilesOptions = {}): Promise<ParsedFile[]> {
  const fingerprint = options.fingerprint ?? true;
  const workerFile = fileURLToPath(new URL('./parseWorker.js', import.meta.url));
  const wanted = options.workers ?? (files.length >= WORKER_THRESHOLD ? Math.min(availableParallelism(), 8) : 0);
  // From source (tests) there is no compiled worker: parse on this thread instead.
  const workers = existsSync(workerFile) ? Math.min(wanted, Math.ceil(files.length / 100)) : 0;
  if (workers <= 1) {
    const out: ParsedFile[] = [];
    for (const file of files) {
      out.push(parseOne(root, file, fingerprint));
      if (out.length % 500 === 0) options.onProgress?.(out.length, files.length);
    }
    options.onProgress?.(files.length, files.length);
    return out;
  }
  return parseInWorkers(root, files, workers, workerFile, fingerprint, options.onProgress);
}

export function parseOne(root: string, file: string, fingerprint: boolean): ParsedFile {
  let source: string;
  try {
    source = readFileSync(path.join(root, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { path: file, size: 0, imports: [], errors: [], readError: code };
  }
  // Duplicate detection ignores tests and declarations: do not pay for their fingerprints.
  const wantsFingerprint = fingerprint && !isTestFile(file) && !isDeclarationFile(file);
  return { path: file, size: source.length, ...extractImports(file, source, { fingerprint: wantsFingerprint }) };
}

/** Work is handed out in small chunks so a worker that drew large files does not hold up the end. */
async function parseInWorkers(
  root: string,
  files: string[],
  count: number,
  workerFile: string,
  fingerprint: boolean,
  onProgress?: (done: number, total: number) => void,
): Promise<ParsedFile[]> {
  const chunkSize = Math.max(25, Math.min(250, Math.ceil(files.length / (count * 8))));
  const results: ParsedFile[][] = [];
  let next = 0;
  let done = 0;
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(workerFile, { workerData: { root, fingerprint } });
      let current = -1;
      const send = () => {
        if (next >= files.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        current = next;
        next += chunkSize;
        worker.postMessage({ index: current, files: files.slice(current, current + chunkSize) });
      };
      worker.on('message', (message: { index: number; parsed: ParsedFile[] }) => {
        results[message.index / chunkSize] = message.parsed;
        done += message.parsed.length;
        onProgress?.(done, files.length);
        send();
      });
      worker.once('error', reject);
      worker.once('online', send);
    });
  await Promise.all(Array.from({ length: count }, runWorker));
  return results.flat();
}
