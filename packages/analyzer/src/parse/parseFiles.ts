import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { isDeclarationFile, isTestFile } from '@monorefactor/core';
import { type ExtractedFile, extractImports } from './extractImports.js';
import { parseInWorkers } from './parseInWorkers.js';

export interface ParsedFile extends ExtractedFile {
  path: string;
  size: number;
  /** Set when the file could not be read at all. */
  readError?: string;
}

export interface ParseFilesOptions {
  /** Worker threads to use; 0 parses on this thread. Default: one per core, none for small repos or 2 cores. */
  workers?: number;
  fingerprint?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Below this many files the cost of starting workers (~100 ms each, module loading included) is
 * more than they save: most files take the lexer path at ~30-50 µs a file with its fingerprint.
 */
const WORKER_THRESHOLD = 1500;
/**
 * Fewer cores than this: no workers. On one thread V8's own background work (concurrent
 * compilation, parallel GC) already uses part of a second core, and a worker adds ~0.4 s of CPU
 * (its isolate, module loading, its own JIT warm-up, the JSON hand-off). Measured on a 2-vCPU VM
 * (7,505 files, `analyze`, 10 alternating runs each): 1.12 s with a worker against 1.17 s without
 * on a quiet machine, but 1.42 s against 1.19 s while another process kept one core busy.
 */
const MIN_CORES_FOR_WORKERS = 3;

/** Parse threads to use by default: one per core (at most 8) on a large repo with cores to spare. */
function defaultWorkers(files: number): number {
  const cores = availableParallelism();
  return files >= WORKER_THRESHOLD && cores >= MIN_CORES_FOR_WORKERS ? Math.min(cores, 8) : 0;
}

/**
 * Read and parse `files` (root-relative), each with its imports and (when wanted) its duplicate
 * fingerprint: on worker threads plus this one for a large repo, else on this thread.
 */
export async function parseFiles(root: string, files: string[], options: ParseFilesOptions = {}): Promise<ParsedFile[]> {
  const fingerprint = options.fingerprint ?? true;
  const workerFile = fileURLToPath(new URL('./parseWorker.js', import.meta.url));
  const wanted = options.workers ?? defaultWorkers(files.length);
  // From source (tests) there is no compiled worker: parse on this thread instead.
  const workers = existsSync(workerFile) ? Math.min(wanted, Math.ceil(files.length / 100)) : 0;
  if (workers > 1) return parseInWorkers({ root, files, workers, workerFile, fingerprint, onProgress: options.onProgress });
  const out: ParsedFile[] = [];
  for (let index = 0; index < files.length; index += 500) {
    out.push(...parseChunk(root, files.slice(index, index + 500), fingerprint));
    options.onProgress?.(out.length, files.length);
  }
  if (files.length === 0) options.onProgress?.(0, 0);
  return out;
}

/** An options object, not the string 'utf8': Node then skips building one per call (~20% of a read). */
const UTF8 = { encoding: 'utf8' } as const;

/** The file's text, or the parse result of a file that cannot be read. */
export function readSource(root: string, file: string): string | ParsedFile {
  try {
    // `root` is absolute and `file` a clean relative path: no path.join (it normalises) per file.
    return readFileSync(`${root}/${file}`, UTF8);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { path: file, size: 0, imports: [], errors: [], readError: code };
  }
}

/** Read and parse a chunk of files: the work of one thread between two progress reports. */
export function parseChunk(root: string, files: string[], fingerprint: boolean): ParsedFile[] {
  return files.map((file) => {
    const source = readSource(root, file);
    if (typeof source !== 'string') return source;
    const { imports, errors, fingerprint: print } = extractImports(file, source, { fingerprint: fingerprint && wantsFingerprint(file) });
    const parsed: ParsedFile = { path: file, size: source.length, imports, errors };
    if (print) parsed.fingerprint = print;
    return parsed;
  });
}

/** Duplicate detection ignores tests and declarations: do not pay for their fingerprints. */
export function wantsFingerprint(file: string): boolean {
  return !isTestFile(file) && !isDeclarationFile(file);
}
