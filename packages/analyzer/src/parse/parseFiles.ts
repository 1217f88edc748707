import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { type ParsedFile, parseChunk } from './parseChunk.js';
import { ParseHelpers } from './parseInWorkers.js';

export type { ParsedFile } from './parseChunk.js';

export interface ParseFilesOptions {
  /** Parse threads, this one included; 0 or 1 parses on this thread only. Default: see `defaultThreads`. */
  workers?: number;
  /** Helpers already started (`startParseHelpers`): they are used, then stopped. */
  helpers?: ParseHelpers | undefined;
  fingerprint?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Below this many files helper threads cost more than they save: a helper's start-up is ~50-80 ms
 * of its own CPU, and most files take ~30-50 µs each.
 */
const HELPER_THRESHOLD = 1500;

/**
 * Parse threads to use by default: one per core, at most 8, but none of its own below 4 cores.
 * Two vCPUs are most often the two hyperthreads of one physical core (small cloud VMs, CI
 * runners), which do not run the scanner any faster side by side: on this project's 2-vCPU
 * machine each half of the files took 85-90% of the time all of them take alone, and a helper's
 * own heap and start-up made `analyze` ~10% slower than one thread.
 */
function defaultThreads(): number {
  const cores = availableParallelism();
  return cores < 4 ? 1 : Math.min(cores, 8);
}

/**
 * Start the helper threads for a parse before its files are known (see ParseHelpers), or none:
 * `workers` as for `parseFiles`. `expectFiles` false (a small update) starts none by default.
 */
export function startParseHelpers(
  root: string,
  options: { workers?: number | undefined; fingerprint?: boolean; expectMany?: boolean } = {},
): ParseHelpers | undefined {
  const threads = options.workers ?? (options.expectMany === false ? 1 : defaultThreads());
  const workerFile = fileURLToPath(new URL('./parseWorker.js', import.meta.url));
  // From source (tests) there is no compiled worker: parse on this thread instead.
  if (threads < 2 || !existsSync(workerFile)) return undefined;
  return new ParseHelpers({ root, fingerprint: options.fingerprint ?? true, helpers: threads - 1, workerFile });
}

/**
 * Read and parse `files` (root-relative), each with its imports and (when wanted) its duplicate
 * fingerprint: with helper threads for a large repo, else on this thread.
 */
export async function parseFiles(root: string, files: string[], options: ParseFilesOptions = {}): Promise<ParsedFile[]> {
  const fingerprint = options.fingerprint ?? true;
  let helpers = options.helpers;
  // A small set is parsed here: the helpers would start up for little work.
  const wantsHelpers = options.workers !== undefined ? options.workers > 1 && files.length >= 100 : files.length >= HELPER_THRESHOLD;
  if (!wantsHelpers) helpers?.close();
  else helpers ??= startParseHelpers(root, { workers: options.workers, fingerprint });
  if (wantsHelpers && helpers && helpers.size > 0) return helpers.parse(files, options.onProgress);
  const out: ParsedFile[] = [];
  for (let index = 0; index < files.length; index += 500) {
    out.push(...parseChunk(root, files.slice(index, index + 500), fingerprint));
    options.onProgress?.(out.length, files.length);
  }
  if (files.length === 0) options.onProgress?.(0, 0);
  return out;
}
