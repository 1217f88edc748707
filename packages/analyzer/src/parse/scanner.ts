import type { ModuleFingerprint } from '@monorefactor/core';
import { SCANNER_WASM } from './scannerWasm.js';

/**
 * The per-file scanner (packages/analyzer/wasm/scanner.c, compiled to WebAssembly): one call per
 * file gives the duplicate fingerprint and the hints that decide whether the file needs a full
 * parse. In C over UTF-8 bytes because this touches every character of every source file: the
 * same scanner in JavaScript was a fifth of `analyze`, this is a fraction of the lexer's time.
 */
interface ScannerExports {
  memory: { buffer: ArrayBuffer };
  reserve(bytes: number): number;
  scan(length: number, wantFingerprint: number): number;
  tokens(): number;
  hash(): number;
  shingle_count(): number;
  shingle_address(): number;
  find_calls(length: number): number;
}

/** Substrings found anywhere in the file (comments and strings included): see `needsWalk`. */
export const HINT_REQUIRE = 1;
export const HINT_MOCK = 2;
export const HINT_IMPORT_CALL = 4;
export const HINT_REFERENCE = 8;

export interface ScanResult {
  /** HINT_* bits. */
  hints: number;
  /** Set when asked for and the file has at least MIN_FINGERPRINT_TOKENS tokens. */
  fingerprint?: ModuleFingerprint;
}

/** Shingle length in tokens (SHINGLE in scanner.c). */
const SHINGLE = 8;

// The WebAssembly global, typed for what is used here (this repo's `lib` has no DOM types).
interface WasmGlobal {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
}
const { WebAssembly } = globalThis as unknown as { WebAssembly: WasmGlobal };

let scanner: ScannerExports | undefined;
let bytes = new Uint8Array(0);
let address = 0;
const encoder = new TextEncoder();

function instance(): ScannerExports {
  // Synchronous compile: the module is 4 KB, and every caller of the scanner is synchronous.
  scanner ??= new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(SCANNER_WASM, 'base64'))).exports as unknown as ScannerExports;
  return scanner;
}

/** Writes `source` as UTF-8 where the scanner reads it; returns the byte length. */
function writeInput(wasm: ScannerExports, source: string): number {
  // UTF-8 takes at most 3 bytes per UTF-16 code unit.
  const room = source.length * 3;
  if (room > bytes.length || bytes.buffer !== wasm.memory.buffer) {
    address = wasm.reserve(Math.max(room, 1 << 16));
    if (address === 0) throw new RangeError(`source of ${source.length} characters is too large to scan`);
    // `reserve` may have grown the memory, which detaches the old views.
    bytes = new Uint8Array(wasm.memory.buffer, address, Math.max(room, 1 << 16));
  }
  return encoder.encodeInto(source, bytes).written;
}

/** Files shorter than this many tokens are too small to call duplicates (barrels, re-exports). */
export const MIN_FINGERPRINT_TOKENS = 60;

/** Scan `source`: its walk hints, and its fingerprint when `fingerprint` is set. */
export function scanSource(source: string, fingerprint: boolean): ScanResult {
  // A bundle or generated file of many megabytes: no fingerprint (not a module anyone copies by
  // hand), hints by plain searches, and no scanner memory three times its size.
  if (source.length > MAX_SCANNED) return { hints: textHints(source) };
  const wasm = instance();
  const written = writeInput(wasm, source);
  const hints = wasm.scan(written, fingerprint ? 1 : 0);
  if (!fingerprint) return { hints };
  const tokens = wasm.tokens();
  if (tokens < MIN_FINGERPRINT_TOKENS) return { hints };
  // The JavaScript scanner kept at most ceil(shingles / 2) + 16 samples: the same cap here.
  const cap = Math.ceil((tokens - SHINGLE + 1) / 2) + 16;
  const count = Math.min(wasm.shingle_count(), cap);
  const shingles = new Uint32Array(wasm.memory.buffer, wasm.shingle_address(), count).slice();
  return { hints, fingerprint: { tokens, hash: (wasm.hash() >>> 0).toString(16), shingles } };
}

/** Characters; larger sources are not scanned (see `scanSource`). */
export const MAX_SCANNED = 8 * 1024 * 1024;

/** The HINT_* bits by `includes`, as the scanner's substring filter finds them. */
function textHints(source: string): number {
  let hints = 0;
  if (source.includes('require')) hints |= HINT_REQUIRE;
  if (source.includes('vi.') || source.includes('jest.')) hints |= HINT_MOCK;
  if (source.includes('import(') || source.includes('import (')) hints |= HINT_IMPORT_CALL;
  if (source.includes('<reference')) hints |= HINT_REFERENCE;
  return hints;
}

/** A call that takes a module path, as `findModuleCalls` reports it (offsets of the literal's text). */
export interface ModuleCall {
  kind: 'require' | 'require-resolve' | 'mock';
  start: number;
  end: number;
}
/** Indexed by the kind numbers of calls.c. */
const CALL_KINDS = [undefined, 'require', 'require-resolve', 'mock'] as const;
const AMBIGUOUS = 0xffffffff;

/**
 * `require('x')`, `require.resolve('x')` and `vi.mock('x')`-style calls of `source`, read by the
 * scanner's JavaScript tokenizer (wasm/calls.c); undefined when it cannot be sure of its reading
 * (JSX, a `/` it cannot tell from a division, non-ASCII code outside strings and comments...):
 * the caller then parses the file with oxc.
 */
export function findModuleCalls(source: string): ModuleCall[] | undefined {
  if (source.length > MAX_SCANNED) return undefined;
  const wasm = instance();
  const written = writeInput(wasm, source);
  const count = wasm.find_calls(written) >>> 0;
  if (count === AMBIGUOUS) return undefined;
  const records = new Uint32Array(wasm.memory.buffer, wasm.shingle_address(), count * 3).slice();
  const toUtf16 = written === source.length ? (offset: number) => offset : utf16Offsets(written);
  const calls: ModuleCall[] = [];
  for (let i = 0; i < count; i++) {
    const kind = CALL_KINDS[records[i * 3] as number];
    if (kind) calls.push({ kind, start: toUtf16(records[i * 3 + 1] as number), end: toUtf16(records[i * 3 + 2] as number) });
  }
  return calls;
}

// ignoreBOM: a byte order mark is a character of the text, counted like the others.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * UTF-8 byte offsets of the text in the scanner's input, as UTF-16 offsets, asked in increasing
 * order (the calls come in file order; each offset is next to an ASCII quote, so on a character
 * boundary): only the bytes between two offsets are decoded.
 */
function utf16Offsets(length: number): (byteOffset: number) => number {
  let lastByte = 0;
  let lastUnit = 0;
  return (byteOffset) => {
    if (byteOffset < lastByte) {
      lastByte = 0;
      lastUnit = 0;
    }
    lastUnit += decoder.decode(bytes.subarray(lastByte, Math.min(byteOffset, length))).length;
    lastByte = byteOffset;
    return lastUnit;
  };
}

/** The duplicate fingerprint of a module (undefined for tiny files). */
export function fingerprintSource(source: string): ModuleFingerprint | undefined {
  return scanSource(source, true).fingerprint;
}
