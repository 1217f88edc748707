import { IMPORT_KINDS, type ImportKind, type ModuleFingerprint } from '@monorefactor/core';
import type { ParsedFile } from './parseChunk.js';
import type { RawImport } from './types.js';

/**
 * A parsed chunk as a helper thread sends it: every distinct string once, every number in one
 * Int32Array, the fingerprints' shingles in one Uint32Array (the two arrays are moved, not
 * copied). The main thread rebuilds the files from that in one loop that makes each string once
 * and objects of the same shapes as its own parse makes: ~3x cheaper for it than parsing the same
 * chunk as JSON text, which made a new string for every path, specifier and name it met.
 */
export interface PackedChunk {
  strings: string[];
  numbers: Int32Array;
  shingles: Uint32Array;
}

const KIND_CODES = new Map<ImportKind, number>(IMPORT_KINDS.map((kind, code) => [kind, code]));
const NONE = -1;

/**
 * Layout, per file: path, size, readError (string or NONE), error count, the errors, import
 * count, fingerprint tokens (NONE: no fingerprint), hash, shingle count; then per import:
 * specifier, kind, line, start, end, name count, the names. Strings are indices into `strings`.
 */
export function packChunk(chunk: readonly ParsedFile[]): PackedChunk {
  const strings: string[] = [];
  const indexOf = new Map<string, number>();
  const intern = (text: string): number => {
    let index = indexOf.get(text);
    if (index === undefined) {
      index = strings.length;
      strings.push(text);
      indexOf.set(text, index);
    }
    return index;
  };
  const numbers: number[] = [];
  let shingleTotal = 0;
  for (const file of chunk) shingleTotal += file.fingerprint?.shingles.length ?? 0;
  const shingles = new Uint32Array(shingleTotal);
  let shingleAt = 0;
  for (const file of chunk) {
    numbers.push(intern(file.path), file.size, file.readError === undefined ? NONE : intern(file.readError), file.errors.length);
    for (const error of file.errors) numbers.push(intern(error));
    const print = file.fingerprint;
    numbers.push(file.imports.length);
    if (print) {
      numbers.push(print.tokens, intern(print.hash), print.shingles.length);
      shingles.set(print.shingles, shingleAt);
      shingleAt += print.shingles.length;
    } else numbers.push(NONE, NONE, 0);
    for (const raw of file.imports) {
      numbers.push(intern(raw.specifier), KIND_CODES.get(raw.kind) as number, raw.line, raw.start, raw.end, raw.names.length);
      for (const name of raw.names) numbers.push(intern(name));
    }
  }
  return { strings, numbers: Int32Array.from(numbers), shingles };
}

/** The files `packChunk` packed, equal to them (`toEqual`), fingerprints as views of the shingle buffer. */
export function unpackChunk({ strings, numbers, shingles }: PackedChunk): ParsedFile[] {
  const files: ParsedFile[] = [];
  let at = 0;
  let shingleAt = 0;
  const next = (): number => numbers[at++] as number;
  const text = (): string => strings[next()] as string;
  while (at < numbers.length) {
    const path = text();
    const size = next();
    const readError = next();
    const errors: string[] = [];
    for (let count = next(); count > 0; count--) errors.push(text());
    const importCount = next();
    const tokens = next();
    const hash = next();
    const shingleCount = next();
    const imports: RawImport[] = [];
    for (let i = 0; i < importCount; i++) {
      const specifier = text();
      const kind = IMPORT_KINDS[next()] as ImportKind;
      const line = next();
      const start = next();
      const end = next();
      const names: string[] = [];
      for (let count = next(); count > 0; count--) names.push(text());
      // The literal of the parse's own records (scanner.ts), so both share one object shape.
      imports.push({ specifier, kind, line, start, end, names, target: undefined });
    }
    const file: ParsedFile = { path, size, imports, errors };
    if (readError !== NONE) file.readError = strings[readError] as string;
    if (tokens !== NONE) {
      const fingerprint: ModuleFingerprint = { tokens, hash: strings[hash] as string, shingles: shingles.subarray(shingleAt, shingleAt + shingleCount) };
      shingleAt += shingleCount;
      file.fingerprint = fingerprint;
    }
    files.push(file);
  }
  return files;
}
