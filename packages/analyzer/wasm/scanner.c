// The analyzer's per-file scanner, compiled to WebAssembly (see README.md beside this file).
//
// One pass over a module's UTF-8 bytes gives what duplicate detection needs: the normalised
// token stream (identifiers, strings and numbers each one class; keywords and punctuation kept;
// whitespace, comments and import declarations dropped), its hash, and a 1-in-4 sample of the
// hashes of every 8-token shingle. A second, raw pass flags the substrings that tell the
// analyzer a file needs a full parse (`require`, `vi.`/`jest.` mocks, `import(`).
//
// Freestanding C (no libc): clang --target=wasm32 -nostdlib. Every integer is 32-bit unsigned,
// wrapping, so the hashes equal the JavaScript definitions in src/parse/fingerprint.ts.

#include "scanner.h"

extern u8 __heap_base;

enum { IDENT = 1, STRING = 2, NUMBER = 3, KEYWORD = 1000, OPERATOR = 2000, PUNCT = 100000 };
enum { SHINGLE = 8, SAMPLE = 4 };
#define SEMICOLON (PUNCT + ';')
#define BASE 0x01000193u

// Keyword ids are 1000 + the index in this list (the order is part of the fingerprint).
static const char *const KEYWORDS[] = {
    "abstract", "as",        "async",   "await",     "break",      "case",     "catch",    "class",  "const",  "constructor",
    "continue", "debugger",  "declare", "default",   "delete",     "do",       "else",     "enum",   "export", "extends",
    "false",    "finally",   "for",     "from",      "function",   "get",      "if",       "implements", "import", "in",
    "instanceof", "interface", "let",   "new",       "null",       "of",       "private",  "protected", "public", "readonly",
    "return",   "set",       "static",  "super",     "switch",     "this",     "throw",    "true",   "try",    "type",
    "typeof",   "undefined", "var",     "void",      "while",      "yield",    "keyof",    "satisfies"};
#define KEYWORD_COUNT (sizeof(KEYWORDS) / sizeof(KEYWORDS[0]))
#define IMPORT_ID (KEYWORD + 28)

enum { C_OTHER = 0, C_SPACE, C_WORD, C_DIGIT, C_QUOTE, C_SLASH, C_OPERATOR };
static u8 CLASS[256];
static u8 WORD_PART[256];
/** Per first letter: a bit per keyword length present, and the keywords. */
static u32 KEYWORD_LENGTHS[26];
static u8 BY_LETTER[26][8];
static u8 BY_LETTER_COUNT[26];
static u8 KEYWORD_LEN[KEYWORD_COUNT];

u8 *input;
u32 *shingles;
u32 output_capacity;
static u32 result_tokens, result_hash, result_count, result_hints;

static void init_tables(void) {
  for (u32 c = 0; c < 256; c++) {
    u8 k = C_OTHER;
    if (c == 9 || c == 10 || c == 11 || c == 12 || c == 13 || c == 32) k = C_SPACE;
    else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' || c >= 128) k = C_WORD;
    else if (c >= '0' && c <= '9') k = C_DIGIT;
    else if (c == '"' || c == '\'' || c == '`') k = C_QUOTE;
    else if (c == '/') k = C_SLASH;
    else if (c == '=' || c == '!' || c == '?' || c == '&' || c == '|' || c == '.') k = C_OPERATOR;
    CLASS[c] = k;
    WORD_PART[c] = k == C_WORD || k == C_DIGIT;
  }
  for (u32 i = 0; i < KEYWORD_COUNT; i++) {
    u32 len = 0;
    while (KEYWORDS[i][len]) len++;
    KEYWORD_LEN[i] = (u8)len;
    u32 letter = (u32)(KEYWORDS[i][0] - 'a');
    KEYWORD_LENGTHS[letter] |= 1u << len;
    BY_LETTER[letter][BY_LETTER_COUNT[letter]++] = (u8)i;
  }
}

/** Length of the non-ASCII whitespace (NBSP, BOM, U+2028, U+2029) at `p`, else 0. */
static inline u32 space_above_127(const u8 *p, const u8 *end) {
  if (p[0] == 0xC2 && p + 1 < end && p[1] == 0xA0) return 2;
  if (p + 2 >= end) return 0;
  if (p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) return 3;
  if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9)) return 3;
  return 0;
}

static u32 keyword_at(const u8 *p, u32 len) {
  u32 letter = (u32)(p[0] - 'a');
  if (len > 11 || (KEYWORD_LENGTHS[letter] & (1u << len)) == 0) return IDENT;
  for (u32 k = 0; k < BY_LETTER_COUNT[letter]; k++) {
    u32 index = BY_LETTER[letter][k];
    if (KEYWORD_LEN[index] != len) continue;
    const char *word = KEYWORDS[index];
    u32 i = 1;
    while (i < len && (u8)word[i] == p[i]) i++;
    if (i == len) return KEYWORD + index;
  }
  return IDENT;
}

/** Multi-character operators =>, ===, !==, ??, ?., &&, ||, ... (ids 2000 + their index), else 0. */
static u32 operator_at(const u8 *p, const u8 *end, u32 *length) {
  u8 next = p + 1 < end ? p[1] : 0;
  u8 third = p + 2 < end ? p[2] : 0;
  switch (p[0]) {
    case '=':
      if (next == '>') return *length = 2, OPERATOR + 0;
      if (next == '=' && third == '=') return *length = 3, OPERATOR + 1;
      return 0;
    case '!':
      return next == '=' && third == '=' ? (*length = 3, OPERATOR + 2) : 0;
    case '?':
      if (next == '?') return *length = 2, OPERATOR + 3;
      if (next == '.') return *length = 2, OPERATOR + 4;
      return 0;
    case '&':
      return next == '&' ? (*length = 2, OPERATOR + 5) : 0;
    case '|':
      return next == '|' ? (*length = 2, OPERATOR + 6) : 0;
    default:
      return next == '.' && third == '.' ? (*length = 3, OPERATOR + 7) : 0;
  }
}

static inline u32 mix(u32 id) { return ((id ^ 0x9e3779b9u) * 0x85ebca6bu) ^ (id >> 13); }

static inline u32 avalanche(u32 h) {
  u32 x = h ^ (h >> 16);
  x *= 0x85ebca6bu;
  x ^= x >> 13;
  x *= 0xc2b2ae35u;
  return x ^ (x >> 16);
}

/** BASE^(SHINGLE-1): the weight of the id leaving the window. */
static u32 base_pow(void) {
  u32 power = 1;
  for (u32 i = 0; i < SHINGLE - 1; i++) power *= BASE;
  return power;
}

/** Tokens, whole-stream hash and shingle sample of `input[0..length)`. */
static void fingerprint(u32 length) {
  const u8 *p = input;
  const u8 *end = input + length;
  const u32 pow = base_pow();
  u32 ring[SHINGLE];
  u32 n = 0, last = 0, whole = 0x811c9dc5u, h = 0, kept = 0;
  int skipping_import = 0;
  while (p < end) {
    u8 c = *p;
    u8 kind = CLASS[c];
    u32 id;
    if (kind == C_SPACE) {
      p++;
      continue;
    }
    if (kind == C_WORD) {
      u32 skip = c >= 128 ? space_above_127(p, end) : 0;
      if (skip) {
        p += skip;
        continue;
      }
      const u8 *start = p++;
      while (p < end && WORD_PART[*p] && !(*p >= 128 && space_above_127(p, end))) p++;
      id = c >= 'a' && c <= 'z' ? keyword_at(start, (u32)(p - start)) : IDENT;
    } else if (kind == C_DIGIT) {
      p++;
      while (p < end && (WORD_PART[*p] || *p == '.') && !(*p >= 128 && space_above_127(p, end))) p++;
      id = NUMBER;
    } else if (kind == C_QUOTE) {
      p++;
      while (p < end) {
        u8 d = *p;
        if (d == '\\') p += 2;
        else if (d == c) {
          p++;
          break;
        } else if (d == '\n' && c != '`') break;
        else p++;
      }
      if (p > end) p = end;
      id = STRING;
    } else if (kind == C_SLASH && p + 1 < end && p[1] == '/') {
      p += 2;
      while (p < end && *p != '\n') p++;
      if (p < end) p++;
      continue;
    } else if (kind == C_SLASH && p + 1 < end && p[1] == '*') {
      p += 2;
      while (p + 1 < end && !(p[0] == '*' && p[1] == '/')) p++;
      p = p + 1 < end ? p + 2 : end;
      continue;
    } else if (c < 32) {
      p++;
      continue;
    } else {
      u32 length = 1;
      id = kind == C_OPERATOR ? operator_at(p, end, &length) : 0;
      if (id == 0) id = PUNCT + c;
      p += length;
    }
    if (id == IMPORT_ID && (n == 0 || last == SEMICOLON)) skipping_import = 1;
    if (skipping_import) {
      if (id == SEMICOLON || id == STRING) skipping_import = 0;
      continue;
    }
    // The token is kept: whole-stream hash, then the rolling hash of the last SHINGLE tokens.
    last = id;
    whole = (whole ^ id) * BASE;
    u32 m = mix(id);
    if (n < SHINGLE) h = h * BASE + m;
    else h = (h - ring[n % SHINGLE] * pow) * BASE + m;
    ring[n % SHINGLE] = m;
    n++;
    if (n >= SHINGLE) {
      u32 x = avalanche(h);
      if ((x & (SAMPLE - 1)) == 0) shingles[kept++] = x;
    }
  }
  result_tokens = n;
  result_hash = whole;
  result_count = kept;
}

static inline int starts_with(const u8 *p, const u8 *end, const char *word) {
  while (*word) {
    if (p >= end || *p != (u8)*word) return 0;
    p++;
    word++;
  }
  return 1;
}

/**
 * Bit 1: `require`; bit 2: `vi.` or `jest.`; bit 4: `import(` or `import (`; bit 8: `<reference`.
 * Anywhere, comments and strings included.
 */
static u32 hint_at(const u8 *p, const u8 *end) {
  switch (*p) {
    case 'r':
      return starts_with(p, end, "require") ? 1 : 0;
    case 'v':
      return starts_with(p, end, "vi.") ? 2 : 0;
    case 'j':
      return starts_with(p, end, "jest.") ? 2 : 0;
    case 'i':
      return starts_with(p, end, "import(") || starts_with(p, end, "import (") ? 4 : 0;
    case '<':
      return starts_with(p, end, "<reference") ? 8 : 0;
    default:
      return 0;
  }
}

#ifdef __wasm_simd128__
#include <wasm_simd128.h>
/** Bytes that may start a pattern of `hint_at`, 16 at a time: the first byte and the last byte of each pattern must match (Mula's substring filter). */
static u32 walk_hints(u32 length) {
  const u8 *end = input + length;
  const u8 *p = input;
  u32 hints = 0;
  const v128_t r = wasm_i8x16_splat('r'), e = wasm_i8x16_splat('e'), v = wasm_i8x16_splat('v'), dot = wasm_i8x16_splat('.');
  const v128_t j = wasm_i8x16_splat('j'), i = wasm_i8x16_splat('i'), paren = wasm_i8x16_splat('(');
  const v128_t angle = wasm_i8x16_splat('<'), n = wasm_i8x16_splat('n');
  // Loads reach 7 bytes past the block: the block loop stops 16 + 7 bytes before the end.
  for (; p + 23 <= end && hints != 15; p += 16) {
    v128_t b0 = wasm_v128_load(p);
    v128_t b2 = wasm_v128_load(p + 2);
    v128_t b4 = wasm_v128_load(p + 4);
    v128_t b6 = wasm_v128_load(p + 6);
    v128_t b7 = wasm_v128_load(p + 7);
    v128_t m = wasm_v128_and(wasm_i8x16_eq(b0, r), wasm_i8x16_eq(b6, e));
    m = wasm_v128_or(m, wasm_v128_and(wasm_i8x16_eq(b0, v), wasm_i8x16_eq(b2, dot)));
    m = wasm_v128_or(m, wasm_v128_and(wasm_i8x16_eq(b0, j), wasm_i8x16_eq(b4, dot)));
    v128_t import = wasm_i8x16_eq(b0, i);
    m = wasm_v128_or(m, wasm_v128_and(import, wasm_v128_or(wasm_i8x16_eq(b6, paren), wasm_i8x16_eq(b7, paren))));
    m = wasm_v128_or(m, wasm_v128_and(wasm_i8x16_eq(b0, angle), wasm_i8x16_eq(b7, n)));
    u32 bits = (u32)wasm_i8x16_bitmask(m);
    while (bits) {
      u32 k = (u32)__builtin_ctz(bits);
      hints |= hint_at(p + k, end);
      bits &= bits - 1;
    }
  }
  for (; p < end; p++) hints |= hint_at(p, end);
  return hints;
}
#else
static u32 walk_hints(u32 length) {
  const u8 *end = input + length;
  u32 hints = 0;
  for (const u8 *p = input; p < end; p++) hints |= hint_at(p, end);
  return hints;
}
#endif

static u32 capacity;

/** Room for a source of `bytes` UTF-8 bytes; returns where to write it (0 when memory cannot grow). */
EXPORT(reserve) u32 reserve(u32 bytes) {
  if (!CLASS['a']) init_tables();
  if (bytes <= capacity) return (u32)input;
  u32 base = ((u32)&__heap_base + 15) & ~15u;
  u32 shingle_bytes = (bytes / 2 + 16) * 4;
  u32 needed = base + bytes + 16 + shingle_bytes;
  u32 have = (u32)__builtin_wasm_memory_size(0) * 65536u;
  if (needed > have && __builtin_wasm_memory_grow(0, (needed - have + 65535) / 65536) == (unsigned long)-1) return 0;
  input = (u8 *)base;
  shingles = (u32 *)((base + bytes + 16) & ~15u);
  capacity = bytes;
  output_capacity = shingle_bytes / 4;
  return base;
}

/**
 * Scan the `length` bytes written at `reserve`'s address. `what`: bit 1 the fingerprint, bit 2
 * no hints (0 is returned).
 */
EXPORT(scan) u32 scan(u32 length, u32 what) {
  result_hints = what & 2 ? 0 : walk_hints(length);
  result_tokens = result_hash = result_count = 0;
  if (what & 1) fingerprint(length);
  return result_hints;
}

EXPORT(tokens) u32 tokens(void) { return result_tokens; }
EXPORT(hash) u32 hash(void) { return result_hash; }
EXPORT(shingle_count) u32 shingle_count(void) { return result_count; }
EXPORT(shingle_address) u32 shingle_address(void) { return (u32)shingles; }
