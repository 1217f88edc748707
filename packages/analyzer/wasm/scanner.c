// The analyzer's per-file scanner, compiled to WebAssembly (packages/analyzer/README.md): the
// memory the source is written to, and a raw SIMD pass that flags the substrings that tell the
// analyzer a file it reads the slow way needs a full parse (`require`, `vi.`/`jest.` mocks,
// `import(`, `<reference`). The module reader is lexer.c + module.c + calls.c, the duplicate
// fingerprint fingerprint.c.
//
// Freestanding C (no libc): clang --target=wasm32 -nostdlib.

#include "scanner.h"

extern u8 __heap_base;

u8 *input;
u32 *shingles;
u32 shingle_capacity;
u32 *records;
u32 record_capacity;

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

/**
 * Room for a source of `bytes` UTF-8 bytes; returns where to write it (0 when memory cannot grow).
 * After it: the shingle sample (at most one per two bytes) and the import records (module.c).
 */
EXPORT(reserve) u32 reserve(u32 bytes) {
  if (bytes <= capacity) return (u32)input;
  u32 base = ((u32)&__heap_base + 15) & ~15u;
  u32 area = (bytes / 2 + 16) * 4;
  u32 needed = base + bytes + 16 + 2 * area;
  u32 have = (u32)__builtin_wasm_memory_size(0) * 65536u;
  if (needed > have && __builtin_wasm_memory_grow(0, (needed - have + 65535) / 65536) == (unsigned long)-1) return 0;
  input = (u8 *)base;
  shingles = (u32 *)((base + bytes + 16) & ~15u);
  shingle_capacity = area / 4;
  records = shingles + shingle_capacity;
  record_capacity = area / 4;
  capacity = bytes;
  return base;
}

/** The end of the areas `reserve` set up: other work may use the memory after it. */
u32 scanner_end(void) {
  if (capacity == 0) return ((u32)&__heap_base + 15) & ~15u;
  return (u32)(records + record_capacity);
}

/** The HINT_* bits of the `length` bytes written at `reserve`'s address. */
EXPORT(scan) u32 scan(u32 length) { return walk_hints(length); }

/** Where the import records are (module.c writes them). */
EXPORT(record_address) u32 record_address(void) { return (u32)records; }

/**
 * 1 when the `length` bytes at `reserve`'s address are all ASCII: their byte offsets are then
 * UTF-16 offsets, and the file can be read from its bytes without decoding it to a string.
 */
EXPORT(is_ascii) u32 is_ascii(u32 length) {
  const u8 *p = input, *end = input + length;
#ifdef __wasm_simd128__
  v128_t any = wasm_i8x16_splat(0);
  for (; p + 16 <= end; p += 16) any = wasm_v128_or(any, wasm_v128_load(p));
  if (wasm_i8x16_bitmask(any)) return 0;
#endif
  u8 high = 0;
  for (; p < end; p++) high |= *p;
  return high < 0x80;
}
