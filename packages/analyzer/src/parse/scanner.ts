import type { ImportKind, ModuleFingerprint } from '@monorefactor/core';
import { copyOf } from './detached.js';
import { SCANNER_WASM } from './scannerWasm.js';
import type { RawImport } from './types.js';

/**
 * The scanner (packages/analyzer/wasm/*.c, compiled to WebAssembly): one call per file reads its
 * import records and its duplicate fingerprint (`readModule`); for the files it gives up on,
 * `scanSource` gives the hints that decide whether they need a full parse. In C over UTF-8 bytes
 * because this touches every character of every source file.
 */
export interface ScannerExports {
  memory: { buffer: ArrayBuffer };
  reserve(bytes: number): number;
  /** The HINT_* bits. */
  scan(length: number): number;
  tokens(): number;
  hash(): number;
  shingle_count(): number;
  shingle_address(): number;
  /** `flags`: READ_*; the record count or AMBIGUOUS (module.c). */
  read_module(length: number, flags: number): number;
  /** 1 when the input's `length` bytes are all ASCII. */
  is_ascii(length: number): number;
  module_flags(): number;
  record_address(): number;
  /** pairs.c: near-duplicate pairs (findings/similarPairsWasm.ts). */
  pairs_reserve(files: number, total: number): number;
  similar_pairs(files: number, threshold: number): number;
  pairs_address(): number;
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

/** Shingle length in tokens (SHINGLE in fingerprint.c). */
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
/** The whole wasm memory as u32s, and where the output area starts in it (u32 index). */
let memory32 = new Uint32Array(0);
let shingleIndex = 0;
let recordIndex = 0;
const encoder = new TextEncoder();

/** The scanner's WebAssembly exports (one instance per thread). */
export function instance(): ScannerExports {
  // Synchronous compile: the module is ~25 KB, and every caller of the scanner is synchronous.
  scanner ??= new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(SCANNER_WASM, 'base64'))).exports as unknown as ScannerExports;
  return scanner;
}

/** Makes the input area (where the scanner reads a file) at least `room` bytes long. */
function ensureInput(wasm: ScannerExports, room: number): void {
  // Only `reserve` and `pairs_reserve` grow the memory; a grown memory detaches the views, and a
  // detached view has length 0, so the next file reserves again and makes new ones. The input
  // area starts at the same address whatever its size: what was written in it stays.
  if (room <= bytes.length) return;
  address = wasm.reserve(Math.max(room, 1 << 16));
  if (address === 0) throw new RangeError(`source of ${room} bytes is too large to scan`);
  bytes = new Uint8Array(wasm.memory.buffer, address, Math.max(room, 1 << 16));
  inputBuffer = Buffer.from(wasm.memory.buffer, address, bytes.length);
  memory32 = new Uint32Array(wasm.memory.buffer);
  shingleIndex = wasm.shingle_address() >>> 2;
  recordIndex = wasm.record_address() >>> 2;
}
/** The input area as a Buffer, for decoding text out of it. */
let inputBuffer = Buffer.alloc(0);

/** Writes `source` as UTF-8 where the scanner reads it; returns the byte length. */
function writeInput(wasm: ScannerExports, source: string): number {
  // UTF-8 takes at most 3 bytes per UTF-16 code unit.
  ensureInput(wasm, source.length * 3);
  return encoder.encodeInto(source, bytes).written;
}

/**
 * The scanner's input area, at least `room` bytes: a caller that reads a file's bytes into it
 * (`readInputModule`) skips decoding the file to a string and encoding it back. The view is
 * valid until the next call into the scanner that may need more room.
 */
export function inputArea(room: number): Uint8Array {
  ensureInput(instance(), room);
  return bytes;
}

/** The first `length` bytes of the input area decoded as UTF-8, as `readFileSync(file, 'utf8')` decodes them. */
export function inputText(length: number): string {
  return inputBuffer.toString('utf8', 0, length);
}

/** Files shorter than this many tokens are too small to call duplicates (barrels, re-exports). */
export const MIN_FINGERPRINT_TOKENS = 60;

/** Scan `source`: its walk hints, and its fingerprint when `fingerprint` is set (`file` says whether it may hold JSX). */
export function scanSource(source: string, fingerprint: boolean, file = ''): ScanResult {
  // A bundle or generated file of many megabytes: no fingerprint (not a module anyone copies by
  // hand), hints by plain searches, and no scanner memory three times its size.
  if (source.length > MAX_SCANNED) return { hints: textHints(source) };
  const wasm = instance();
  const written = writeInput(wasm, source);
  const hints = wasm.scan(written);
  if (!fingerprint) return { hints };
  wasm.read_module(written, READ_FINGERPRINT | READ_LENIENT | (MAY_HOLD_JSX.test(file) ? READ_JSX : 0));
  const result: ScanResult = { hints };
  const print = readFingerprint(wasm);
  if (print) result.fingerprint = print;
  return result;
}

/** The fingerprint `scan` just computed, when the file has enough tokens. */
function readFingerprint(wasm: ScannerExports): ModuleFingerprint | undefined {
  const tokens = wasm.tokens();
  if (tokens < MIN_FINGERPRINT_TOKENS) return undefined;
  // The JavaScript scanner kept at most ceil(shingles / 2) + 16 samples: the same cap here.
  const cap = Math.ceil((tokens - SHINGLE + 1) / 2) + 16;
  const count = Math.min(wasm.shingle_count(), cap);
  return { tokens, hash: (wasm.hash() >>> 0).toString(16), shingles: keepShingles(count) };
}

/**
 * The shingles just computed, copied out of the wasm memory into a shared arena: a view per file,
 * not an ArrayBuffer per file (thousands of small buffers, each tracked by the garbage collector).
 */
function keepShingles(count: number): Uint32Array {
  if (arenaUsed + count > arena.length) {
    arena = new Uint32Array(Math.max(ARENA_SIZE, count));
    arenaUsed = 0;
  }
  // A loop, not `set(subarray())`: a few hundred values, and no second view object per file. In
  // locals: the module's `let`s would be loaded again for every value.
  const to = arena;
  const from = memory32;
  const start = arenaUsed;
  const first = shingleIndex;
  for (let k = 0; k < count; k++) to[start + k] = from[first + k] as number;
  arenaUsed = start + count;
  return to.subarray(start, start + count);
}
const ARENA_SIZE = 1 << 18;
let arena = new Uint32Array(0);
let arenaUsed = 0;

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
/** Indexed by the kind numbers of scanner.h (K_*). */
const RECORD_KINDS = [
  undefined,
  'require',
  'require-resolve',
  'mock',
  'import',
  'import-type',
  'export',
  'export-type',
  'dynamic-import',
  'import-equals',
] as const satisfies readonly (ImportKind | undefined)[];
const AMBIGUOUS = 0xffffffff;
const READ_IMPORTS = 1;
const READ_JSX = 2;
const READ_FINGERPRINT = 4;
/** The fingerprint only, never giving up (a file the readers cannot read). */
const READ_LENIENT = 8;
const NAME_DEFAULT = 0xffffffff;
const NAME_STAR = 0xfffffffe;
/** On a name's end: `export * as ns from`'s `ns` (NAME_NAMESPACE in scanner.h). */
const NAME_NAMESPACE = 0x80000000;
/** Files that may hold JSX (oxc parses `.js` as JSX too): a `<` where an operand starts opens an element (wasm/jsx.c). */
const MAY_HOLD_JSX = /\.(?:[cm]?jsx?|tsx)$/;

/**
 * `require('x')`, `require.resolve('x')` and `vi.mock('x')`-style calls of `source`, read by the
 * scanner's JavaScript tokenizer (wasm/lexer.c, calls.c); undefined when it cannot be sure of its
 * reading (a `/` it cannot tell from a division, non-ASCII code outside strings and comments...):
 * the caller then parses the file with oxc.
 */
export function findModuleCalls(source: string): ModuleCall[] | undefined {
  if (source.length > MAX_SCANNED) return undefined;
  const wasm = instance();
  const count = wasm.read_module(writeInput(wasm, source), 0) >>> 0;
  if (count === AMBIGUOUS) return undefined;
  const out = memory32;
  const calls: ModuleCall[] = [];
  for (let i = 0, at = recordIndex; i < count; i++, at += 6 + 3 * (out[at + 5] as number)) {
    const kind = RECORD_KINDS[out[at] as number];
    if (kind === 'require' || kind === 'require-resolve' || kind === 'mock') calls.push({ kind, start: out[at + 1] as number, end: out[at + 2] as number });
  }
  return calls;
}

export interface ModuleRead {
  /** Every import record, in file order, except `/// <reference path>`. */
  imports: RawImport[];
  /** The file has a `///` comment: its reference paths are to be read (`referencePaths`). */
  tripleSlash: boolean;
  fingerprint?: ModuleFingerprint;
}

/**
 * Every import record of `source` in one pass of the scanner's tokenizer (wasm/module.c), and its
 * fingerprint when asked, without es-module-lexer or oxc; JSX included in `.jsx`/`.tsx`/`.js` files.
 * Undefined when the tokenizer cannot be sure of its reading (a `/` it cannot tell from a division,
 * an `import()` that may be a type, non-ASCII code...): the caller then reads the file the slower way.
 */
export function readModule(file: string, source: string, options: { fingerprint?: boolean } = {}): ModuleRead | undefined {
  if (source.length > MAX_SCANNED) return undefined;
  return readRecords(file, writeInput(instance(), source), source, options.fingerprint ?? false);
}

/** The first `length` bytes of the input area are all ASCII: `readInputModule` can read them. */
export function inputIsAscii(length: number): boolean {
  return length <= MAX_SCANNED && instance().is_ascii(length) === 1;
}

/**
 * `readModule` of the `length` bytes a caller read into `inputArea`, which must be all ASCII
 * (`inputIsAscii`: their byte offsets are then the records' UTF-16 offsets).
 */
export function readInputModule(file: string, length: number, options: { fingerprint?: boolean } = {}): ModuleRead | undefined {
  return readRecords(file, length, undefined, options.fingerprint ?? false);
}

/** The records of the `written` bytes of the input; their texts from `source`, or from the (ASCII) input itself. */
function readRecords(file: string, written: number, source: string | undefined, fingerprint: boolean): ModuleRead | undefined {
  const wasm = instance();
  const flags = READ_IMPORTS | (MAY_HOLD_JSX.test(file) ? READ_JSX : 0) | (fingerprint ? READ_FINGERPRINT : 0);
  const count = wasm.read_module(written, flags) >>> 0;
  if (count === AMBIGUOUS) return undefined;
  const out = memory32;
  // Arrays of their exact length: a pushed-to array reserves room for 16 or more elements, and
  // these are kept for the life of the graph (one names array per import of the repo).
  const imports = new Array<RawImport>(count);
  for (let i = 0, at = recordIndex; i < count; i++) {
    const kind = RECORD_KINDS[out[at] as number] as ImportKind;
    const start = out[at + 1] as number;
    const end = out[at + 2] as number;
    const nameCount = out[at + 5] as number;
    const names = new Array<string>(nameCount);
    for (let n = 0, name = at + 6; n < nameCount; n++, name += 3) {
      const nameStart = out[name] as number;
      const nameEnd = out[name + 1] as number;
      if (nameStart === NAME_DEFAULT || nameStart === NAME_STAR) names[n] = nameStart === NAME_DEFAULT ? 'default' : '*';
      else if (nameEnd & NAME_NAMESPACE) names[n] = `* as ${textAt(source, nameStart, nameEnd & ~NAME_NAMESPACE, out[name + 2] as number)}`;
      else names[n] = textAt(source, nameStart, nameEnd, out[name + 2] as number);
    }
    // `target` is there from the start, for the graph to fill in: an object that gains a property later
    // changes shape and gets a property store of its own (one allocation per import of the repo).
    imports[i] = { specifier: textAt(source, start, end, out[at + 4] as number), kind, line: out[at + 3] as number, start, end, names, target: undefined };
    at += 6 + 3 * nameCount;
  }
  const read: ModuleRead = { imports, tripleSlash: wasm.module_flags() !== 0 };
  if (fingerprint) {
    const print = readFingerprint(wasm);
    if (print) read.fingerprint = print;
  }
  return read;
}

/**
 * `source.slice(start, end)` as a string of its own (see `detached`), or the same text of the
 * ASCII input when there is no `source`, found by the hash of its bytes the scanner gives: a
 * specifier or name seen before (most are) costs a comparison, no allocation.
 */
function textAt(source: string | undefined, start: number, end: number, hash: number): string {
  const known = byHash.get(hash);
  if (known !== undefined && known.length === end - start && (source === undefined ? inputHolds(known, start) : source.startsWith(known, start))) return known;
  // A latin1 decode of ASCII bytes is a new flat string, never a view into another.
  const text = source === undefined ? inputBuffer.toString('latin1', start, end) : copyOf(source.slice(start, end));
  if (byHash.size >= 100_000) byHash.clear(); // a bound for long-running processes
  byHash.set(hash, text);
  return text;
}

/** The (ASCII) input holds `text` at `start`. */
function inputHolds(text: string, start: number): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== bytes[start + i]) return false;
  return true;
}
const byHash = new Map<number, string>();

/** The duplicate fingerprint of a module (undefined for tiny files). */
export function fingerprintSource(source: string): ModuleFingerprint | undefined {
  return scanSource(source, true).fingerprint;
}
