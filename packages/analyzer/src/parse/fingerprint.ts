import type { ModuleFingerprint } from '@monorefactor/core';

/** Files shorter than this many tokens are too small to call duplicates (barrels, re-exports). */
export const MIN_FINGERPRINT_TOKENS = 60;
/** Shingle length in tokens: long enough that shared boilerplate does not look alike. */
const SHINGLE = 8;

const KEYWORD_LIST =
  'abstract as async await break case catch class const constructor continue debugger declare default delete do else enum export extends false finally for from function get if implements import in instanceof interface let new null of private protected public readonly return set static super switch this throw true try type typeof undefined var void while yield keyof satisfies'.split(
    ' ',
  );
// Token ids: small numbers for the normalised classes, 1000+ for keywords, 2000+ for operators,
// 100000+char code for single punctuation. Only equality matters, so any injective scheme works.
const IDENT = 1;
const STRING = 2;
const NUMBER = 3;
/** Keywords by first letter, so an identifier is compared in place, without slicing it out. */
const KEYWORDS_BY_LETTER: { word: string; id: number }[][] = Array.from({ length: 26 }, () => []);
for (const [index, word] of KEYWORD_LIST.entries()) KEYWORDS_BY_LETTER[word.charCodeAt(0) - 97]?.push({ word, id: 1000 + index });
const IMPORT = 1000 + KEYWORD_LIST.indexOf('import');
/** Per first letter, a bit per keyword length present. */
const KEYWORD_LENGTHS = new Uint16Array(26);
for (const word of KEYWORD_LIST) KEYWORD_LENGTHS[word.charCodeAt(0) - 97] = (KEYWORD_LENGTHS[word.charCodeAt(0) - 97] as number) | (1 << word.length);
const SEMICOLON = 100000 + 59;
/** Multi-character operators, in the order of their ids (2000 + index) in `operatorAt`. */
const OPERATORS = ['=>', '===', '!==', '??', '?.', '&&', '||', '...'];
const BASE = 0x01000193;
/** BASE^(SHINGLE-1) mod 2^32: the weight of the id leaving the window. */
const BASE_POW = Array.from({ length: SHINGLE - 1 }).reduce<number>((power) => Math.imul(power, BASE), 1);

/** One in SAMPLE shingles is kept (a power of two). */
const SAMPLE = 4;

/** murmur3's finaliser: every output bit depends on every input bit, so `x mod SAMPLE` is a fair sample. */
function avalanche(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Spreads the small token ids over 32 bits so the polynomial hash mixes well. */
function mix(id: number): number {
  return Math.imul(id ^ 0x9e3779b9, 0x85ebca6b) ^ (id >>> 13);
}

/**
 * Normalised token stream of a module: identifiers become one class, strings another, numbers a
 * third; keywords and punctuation stay. Import declarations are left out: a copy of a module in
 * another package imports from other paths. Returns undefined for tiny files.
 *
 * A hand-written scanner over char codes, not a regex: this runs on every source file of the
 * repo, and the regex version was a quarter of the analyzer's time.
 */
export function fingerprintSource(source: string): ModuleFingerprint | undefined {
  const ids = tokenIds(source);
  if (ids.length < MIN_FINGERPRINT_TOKENS) return undefined;
  let whole = 0x811c9dc5;
  for (let i = 0; i < ids.length; i++) whole = Math.imul(whole ^ (ids[i] as number), 0x01000193) >>> 0;
  // Rabin-Karp rolling hash over SHINGLE ids (mod 2^32): O(1) per position instead of O(SHINGLE).
  // Only shingles whose (avalanched) hash is 0 mod SAMPLE are kept: Broder's mod-m sample, an
  // unbiased Jaccard estimate at a quarter of the memory and of the duplicate index.
  const count = ids.length - SHINGLE + 1;
  const kept = new Uint32Array(Math.ceil(count / 2) + 16);
  let size = 0;
  let h = 0;
  for (let j = 0; j < SHINGLE; j++) h = (Math.imul(h, BASE) + mix(ids[j] as number)) | 0;
  for (let i = 0; ; i++) {
    const x = avalanche(h);
    if ((x & (SAMPLE - 1)) === 0) {
      if (size === kept.length) break; // pathological input: the sample is already large enough
      kept[size++] = x;
    }
    if (i + 1 >= count) break;
    h = (Math.imul(h - Math.imul(mix(ids[i] as number), BASE_POW), BASE) + mix(ids[i + SHINGLE] as number)) | 0;
  }
  // Not sorted or deduplicated here (a typed-array sort per file cost more than the hashing):
  // findDuplicates counts each distinct shingle of a file once.
  const shingles = kept.slice(0, size);
  return { tokens: ids.length, hash: whole.toString(16), shingles };
}

// Character classes for the scanner's first dispatch (ASCII; everything else is looked at below).
const SPACE = 1;
const WORD = 2;
const DIGIT = 3;
const QUOTE = 4;
const SLASH = 5;
const OPERATOR_START = 6;
const CLASS = new Uint8Array(128);
for (const c of [9, 10, 11, 12, 13, 32]) CLASS[c] = SPACE;
for (let c = 0; c < 128; c++) if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36) CLASS[c] = WORD;
for (let c = 48; c <= 57; c++) CLASS[c] = DIGIT;
for (const c of [34, 39, 96]) CLASS[c] = QUOTE;
CLASS[47] = SLASH;
/** 1 where an ASCII char continues an identifier (or a number): one lookup in the hot loop. */
const WORD_PART = new Uint8Array(128);
for (let c = 0; c < 128; c++) if (CLASS[c] === WORD || CLASS[c] === DIGIT) WORD_PART[c] = 1;
for (const c of [61, 33, 63, 38, 124, 46]) CLASS[c] = OPERATOR_START; // = ! ? & | .

/** Reused between calls: the token buffer of the file being fingerprinted. */
let buffer = new Int32Array(1 << 16);

/** Token ids of `source`, skipping whitespace, comments and import declarations. */
export function tokenIds(source: string): Int32Array {
  const length = source.length;
  if (buffer.length < length) buffer = new Int32Array(length);
  const ids = buffer;
  let n = 0;
  let skippingImport = false;
  let i = 0;
  while (i < length) {
    const c = source.charCodeAt(i);
    const kind = c < 128 ? (CLASS[c] as number) : isSpaceAbove127(c) ? SPACE : WORD;
    let id: number;
    if (kind === SPACE) {
      i++;
      continue;
    }
    if (kind === WORD) {
      const start = i++;
      while (i < length) {
        const d = source.charCodeAt(i);
        if (d < 128 ? WORD_PART[d] === 0 : isSpaceAbove127(d)) break;
        i++;
      }
      id = c >= 97 && c <= 122 ? keywordAt(source, start, i - start) : IDENT;
    } else if (kind === DIGIT) {
      i++;
      while (i < length) {
        const d = source.charCodeAt(i);
        if (d < 128 ? WORD_PART[d] === 0 && d !== 46 : isSpaceAbove127(d)) break;
        i++;
      }
      id = NUMBER;
    } else if (kind === QUOTE) {
      i = skipString(source, i, c);
      id = STRING;
    } else if (kind === SLASH && source.charCodeAt(i + 1) === 47) {
      const end = source.indexOf('\n', i + 2);
      i = end === -1 ? length : end + 1;
      continue;
    } else if (kind === SLASH && source.charCodeAt(i + 1) === 42) {
      const end = source.indexOf('*/', i + 2);
      i = end === -1 ? length : end + 2;
      continue;
    } else if (c < 32) {
      i++;
      continue;
    } else {
      id = kind === OPERATOR_START ? operatorAt(source, i, c) : 0;
      if (id === 0) {
        id = 100000 + c;
        i++;
      } else {
        i += (OPERATORS[id - 2000] as string).length;
      }
    }
    if (id === IMPORT && (n === 0 || ids[n - 1] === SEMICOLON)) skippingImport = true;
    if (skippingImport) {
      if (id === SEMICOLON || id === STRING) skippingImport = false;
      continue;
    }
    ids[n++] = id;
  }
  return ids.subarray(0, n);
}

function isSpaceAbove127(c: number): boolean {
  return c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029;
}

/** Index after the string or template literal that starts at `start` (an unterminated one ends its line). */
function skipString(source: string, start: number, quote: number): number {
  let i = start + 1;
  while (i < source.length) {
    const c = source.charCodeAt(i);
    if (c === 92 /* \ */) i += 2;
    else if (c === quote) return i + 1;
    else if (c === 10 && quote !== 96) return i;
    else i++;
  }
  return i;
}

function keywordAt(source: string, start: number, length: number): number {
  const letter = source.charCodeAt(start) - 97;
  // Most identifiers have no keyword of their first letter and length: one bit test.
  if (length > 11 || ((KEYWORD_LENGTHS[letter] as number) & (1 << length)) === 0) return IDENT;
  for (const { word, id } of KEYWORDS_BY_LETTER[letter] as { word: string; id: number }[]) {
    if (word.length === length && source.startsWith(word, start)) return id;
  }
  return IDENT;
}

/** The id of a multi-character operator starting at `i` (its first char is `c`), else 0. */
function operatorAt(source: string, i: number, c: number): number {
  const next = source.charCodeAt(i + 1);
  switch (c) {
    case 61: // =
      if (next === 62) return 2000; // =>
      return next === 61 && source.charCodeAt(i + 2) === 61 ? 2001 : 0; // ===
    case 33: // !
      return next === 61 && source.charCodeAt(i + 2) === 61 ? 2002 : 0; // !==
    case 63: // ?
      return next === 63 ? 2003 : next === 46 ? 2004 : 0; // ?? ?.
    case 38: // &
      return next === 38 ? 2005 : 0;
    case 124: // |
      return next === 124 ? 2006 : 0;
    default: // .
      return next === 46 && source.charCodeAt(i + 2) === 46 ? 2007 : 0; // ...
  }
}
