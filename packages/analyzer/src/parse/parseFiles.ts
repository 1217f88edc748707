import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeclarationFile, isTestFile, type ModuleFingerprint } from '@monorefactor/core';
import { type ExtractedFile, extractImports } from './extractImports.js';
import { parseInWorkers } from './parseInWorkers.js';
import { fingerprintSource } from './scanner.js';

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

/** A parse under way: imports first, duplicate fingerprints after (see `startParse`). */
export interface ParseSession {
  /** Every file with its imports. */
  parsed: Promise<ParsedFile[]>;
  /** Settles once every file that gets a fingerprint has it set on its `ParsedFile`. */
  fingerprinted: Promise<void>;
}

/**
 * Below this many files the cost of starting workers (~100 ms each, module loading included) is
 * more than they save: most files take the lexer path at ~50-70 µs a file with its fingerprint.
 */
const WORKER_THRESHOLD = 1500;

/** Read and parse `files` (root-relative), spread over worker threads on a large repo. */
export async function parseFiles(root: string, files: string[], options: ParseFilesOptions = {}): Promise<ParsedFile[]> {
  const session = startParse(root, files, options);
  const parsed = await session.parsed;
  await session.fingerprinted;
  return parsed;
}

/**
 * Start parsing. On a large repo the workers hand back every file's imports first and then
 * fingerprint the sources they kept, so the caller can resolve imports (the main thread's
 * work) while the workers compute fingerprints (the most expensive per-file work), and wait
 * for `fingerprinted` only before looking for duplicates.
 */
export function startParse(root: string, files: string[], options: ParseFilesOptions = {}): ParseSession {
  const fingerprint = options.fingerprint ?? true;
  const workerFile = fileURLToPath(new URL('./parseWorker.js', import.meta.url));
  const wanted = options.workers ?? (files.length >= WORKER_THRESHOLD ? Math.min(availableParallelism(), 8) : 0);
  // From source (tests) there is no compiled worker: parse on this thread instead.
  const workers = existsSync(workerFile) ? Math.min(wanted, Math.ceil(files.length / 100)) : 0;
  if (workers > 1) return parseInWorkers({ root, files, workers, workerFile, fingerprint, onProgress: options.onProgress });
  const out: ParsedFile[] = [];
  for (const file of files) {
    const source = readSource(root, file);
    out.push(typeof source === 'string' ? parseSource(file, source, fingerprint && wantsFingerprint(file)) : source);
    if (out.length % 500 === 0) options.onProgress?.(out.length, files.length);
  }
  options.onProgress?.(files.length, files.length);
  return { parsed: Promise.resolve(out), fingerprinted: Promise.resolve() };
}

/** The file's text, or the parse result of a file that cannot be read. */
export function readSource(root: string, file: string): string | ParsedFile {
  try {
    return readFileSync(path.join(root, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { path: file, size: 0, imports: [], errors: [], readError: code };
  }
}

export function parseSource(file: string, source: string, fingerprint: boolean): ParsedFile {
  return { path: file, size: source.length, ...extractImports(file, source, { fingerprint }) };
}

/**
 * Imports of a chunk of files, without fingerprints: each source that will need one goes to
 * `keep` (set only when fingerprints are wanted), to be fingerprinted later.
 */
export function parseChunk(root: string, files: string[], keep?: (file: string, source: string) => void): ParsedFile[] {
  return files.map((file) => {
    const source = readSource(root, file);
    if (typeof source !== 'string') return source;
    if (keep && wantsFingerprint(file)) keep(file, source);
    return parseSource(file, source, false);
  });
}

/** Duplicate detection ignores tests and declarations: do not pay for their fingerprints. */
export function wantsFingerprint(file: string): boolean {
  return !isTestFile(file) && !isDeclarationFile(file);
}

/** Fingerprints of kept sources, as [path, fingerprint] pairs (tiny files have none). */
export function fingerprintAll(sources: Map<string, string>): [string, ModuleFingerprint][] {
  const out: [string, ModuleFingerprint][] = [];
  for (const [file, source] of sources) {
    const fingerprint = fingerprintSource(source);
    if (fingerprint) out.push([file, fingerprint]);
  }
  return out;
}
