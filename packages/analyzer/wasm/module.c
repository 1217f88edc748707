// A module's import records read in one pass of lexer.c's tokenizer: the statements of
// statements.c (imports, re-exports, `import()`) and the module-path calls of calls.c, each
// written here as a record with UTF-16 offsets and its line. The same records es-module-lexer plus
// oxc's walk give (packages/analyzer/src/parse/lexImports.ts, oxcImports.ts), so `analyze` reads
// most files once, here, instead of twice. Any form it does not know for sure makes it give up with
// AMBIGUOUS: the caller then reads the file the slower way.
//
// Each record, in u32s: kind, specifier start and end (UTF-16 offsets of the text inside the
// quotes), 1-based line, FNV-1a hash of the specifier's bytes, name count, then per name its
// start, end and hash (start NAME_DEFAULT or NAME_STAR for `default` / `*`; NAME_NAMESPACE set on the
// end of `export * as ns`'s name).
#include "scanner.h"

#define READ_IMPORTS 1
#define JSX 2
#define FINGERPRINT 4
#define LENIENT 8

static u32 out_len, record_count;
static int follow_calls;

// UTF-16 offset and line of byte `cursor_byte`: records come in file order, so each is counted
// from the one before.
static u32 cursor_byte, cursor_unit, cursor_line;

static void advance(u32 to) {
  if (to < cursor_byte) cursor_byte = cursor_unit = 0, cursor_line = 1;
  u32 unit = cursor_unit, line = cursor_line;
  for (u32 i = cursor_byte; i < to; i++) {
    u8 c = input[i];
    line += c == '\n';
    unit += (c & 0xC0) != 0x80; // a UTF-8 lead byte or ASCII: one UTF-16 unit,
    unit += c >= 0xF0;          // two for a character above U+FFFF
  }
  cursor_byte = to;
  cursor_unit = unit;
  cursor_line = line;
}

static u32 fnv(u32 start, u32 end) {
  u32 h = 0x811c9dc5u;
  for (u32 i = start; i < end; i++) h = (h ^ input[i]) * 0x01000193u;
  return h;
}

u32 write_record(u32 kind, u32 start, u32 end, const u32 *list, u32 count) {
  if (out_len + 6 + count * 3 > record_capacity) return AMBIGUOUS;
  u32 *out = records + out_len;
  out[0] = kind;
  out[5] = count;
  // Names come before the specifier in the file: convert them first.
  for (u32 n = 0; n < count; n++) {
    u32 s = list[n * 2], e = list[n * 2 + 1];
    u32 *name = out + 6 + n * 3;
    if (s >= NAME_STAR) {
      name[0] = s;
      name[1] = name[2] = 0;
      continue;
    }
    u32 namespace = e & NAME_NAMESPACE;
    e &= ~NAME_NAMESPACE;
    name[2] = fnv(s, e);
    advance(s);
    name[0] = cursor_unit;
    advance(e);
    name[1] = cursor_unit | namespace;
  }
  out[4] = fnv(start, end);
  advance(start);
  out[1] = cursor_unit;
  out[3] = cursor_line;
  advance(end);
  out[2] = cursor_unit;
  out_len += 6 + count * 3;
  record_count++;
  return 0;
}

u32 next_token(void) {
  u32 r = lex();
  if (r == 1 && follow_calls && may_be_call(before(0)) && track_calls(before(0)) == AMBIGUOUS) return AMBIGUOUS;
  return r;
}

/** `import`/`export` as a keyword, not a member (`x.import`, `this.#export`, `a?.import`). */
static int is_keyword_at_newest(void) {
  const Token *t = before(0);
  if (t->type != T_IDENT || (t->word != W_IMPORT && t->word != W_EXPORT)) return 0;
  const Token *prev = before(1);
  return !(is_punct(prev, '.') || is_punct(prev, '#') || (prev->type == T_OP && prev->punct == '?'));
}

/**
 * Reads the `length` bytes written at `reserve`'s address: with READ_IMPORTS every import record,
 * else the module-path calls only; JSX: the file may hold JSX markup (jsx.c); FINGERPRINT also
 * computes the fingerprint (fingerprint.c). LENIENT: the fingerprint only, never giving up. The
 * number of records, or AMBIGUOUS.
 */
EXPORT(read_module) u32 read_module(u32 length, u32 flags) {
  int lenient = (flags & LENIENT) != 0;
  if (lenient) flags &= ~(u32)READ_IMPORTS;
  if (flags & FINGERPRINT) fingerprint_start();
  lex_start(length, (flags & JSX) != 0, lenient, (flags & FINGERPRINT) != 0);
  calls_start();
  follow_calls = !lenient;
  out_len = record_count = 0;
  cursor_byte = cursor_unit = 0;
  cursor_line = 1;
  u32 r = next_token();
  while (r == 1) {
    if ((flags & READ_IMPORTS) && is_keyword_at_newest()) {
      u32 at = before(0)->start;
      r = before(0)->word == W_IMPORT ? read_import() : read_export();
      if (r != 1) break;
      if (before(0)->start != at) continue; // the newest token may itself be `import` or `export`
    }
    r = next_token();
  }
  return r == AMBIGUOUS ? AMBIGUOUS : record_count;
}

/** Bit 1: the file has a `///` comment (a possible `<reference path>`). */
EXPORT(module_flags) u32 module_flags(void) { return saw_triple_slash ? 1 : 0; }
