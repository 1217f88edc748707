import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { type ParsedFile, parseChunk } from './parseChunk.js';
import { ParseHelpers } from './parseInWorkers.js';
import { ReadAhead } from './readAhead.js';

export type { ParsedFile } from './parseChunk.js';

export interface ParseFilesOptions {
  /** Parse threads, this one included; 0 or 1 parses on this thread only. Default: see `defaultThreads`. */
  workers?: number;
  /** Threads already started (`startParseHelpers`): they are used, then stopped. */
  helpers?: ParseThreads | undefined;
  fingerprint?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Below this many files helper threads cost more than they save: a helper's start-up is ~50-80 ms
 * of its own CPU, and most files take ~30-50 µs each.
 */
const HELPER_THRESHOLD = 1500;
/** Below this many files the parse ends before a read-ahead thread would have read much. */
const READ_AHEAD_THRESHOLD = 300;

/**
 * Threads started for a parse: parse helpers (`ParseHelpers`) where there are 3 or more cores, or
 * with `workers` 2 or more; else, on 2 cores, one thread that only reads files ahead
 * (`ReadAhead`). Measured on 2 cores: two parsing threads shared the cores' caches and memory
 * so badly that the parse gained ~10% (each thread's files took ~1.7x as long); reading ahead,
 * the files' system calls leave this thread and the parse takes ~30% less.
 */
export type ParseThreads = ParseHelpers | ReadAhead;

/** Parse threads to use by default: one per core, at most 8. */
function defaultThreads(): number {
  return Math.min(availableParallelism(), 8);
}

/**
 * Start the threads for a parse before its files are known (see ParseThreads), or none: `workers`
 * as for `parseFiles`. `expectMany` false (a small update) starts none by default.
 */
export function startParseHelpers(
  root: string,
  options: { workers?: number | undefined; fingerprint?: boolean; expectMany?: boolean } = {},
): ParseThreads | undefined {
  const threads = options.workers ?? (options.expectMany === false ? 1 : defaultThreads());
  if (threads < 2) return undefined;
  // From source (tests) there are no compiled workers: everything happens on this thread instead.
  if (options.workers === undefined && threads === 2) {
    const readerFile = fileURLToPath(new URL('./readAheadWorker.js', import.meta.url));
    return existsSync(readerFile) ? new ReadAhead(readerFile) : undefined;
  }
  const workerFile = fileURLToPath(new URL('./parseWorker.js', import.meta.url));
  if (!existsSync(workerFile)) return undefined;
  return new ParseHelpers({ root, fingerprint: options.fingerprint ?? true, helpers: threads - 1, workerFile });
}

/**
 * Read and parse `files` (root-relative), each with its imports and (when wanted) its duplicate
 * fingerprint: with helper threads for a large repo, else on this thread.
 */
export async function parseFiles(root: string, files: string[], options: ParseFilesOptions = {}): Promise<ParsedFile[]> {
  const fingerprint = options.fingerprint ?? true;
  // A small set is parsed here: the helpers would start up for little work.
  const wantsHelpers = options.workers !== undefined ? options.workers > 1 && files.length >= 100 : files.length >= HELPER_THRESHOLD;
  const threads = options.helpers ?? (wantsHelpers ? startParseHelpers(root, { workers: options.workers, fingerprint }) : undefined);
  if (threads instanceof ReadAhead) return parseReadingAhead(root, files, fingerprint, threads, options.onProgress);
  if (wantsHelpers && threads && threads.size > 0) return threads.parse(files, options.onProgress);
  threads?.close();
  return parseHere(root, files, fingerprint, undefined, options.onProgress);
}

/** Parse on this thread, the files read ahead by `reader` when there are enough of them. */
function parseReadingAhead(
  root: string,
  files: string[],
  fingerprint: boolean,
  reader: ReadAhead,
  onProgress: ((done: number, total: number) => void) | undefined,
): ParsedFile[] {
  if (files.length < READ_AHEAD_THRESHOLD) {
    reader.close();
    return parseHere(root, files, fingerprint, undefined, onProgress);
  }
  reader.start(files.map((file) => `${root}/${file}`));
  try {
    return parseHere(root, files, fingerprint, reader, onProgress);
  } finally {
    reader.close();
  }
}

/** Parse on this thread, in chunks between progress reports. */
function parseHere(
  root: string,
  files: string[],
  fingerprint: boolean,
  reader: ReadAhead | undefined,
  onProgress: ((done: number, total: number) => void) | undefined,
): ParsedFile[] {
  const out: ParsedFile[] = [];
  for (let index = 0; index < files.length; index += 500) {
    for (const file of parseChunk(root, files.slice(index, index + 500), fingerprint, reader && { reader, first: index })) out.push(file);
    onProgress?.(out.length, files.length);
  }
  if (files.length === 0) onProgress?.(0, 0);
  return out;
}
