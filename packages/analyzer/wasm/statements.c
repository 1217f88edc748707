// The import and export statements read from the tokens (module.c calls `read_import` and
// `read_export` at each `import` and `export` keyword): static imports and re-exports with the
// names they take and whether they are type-only, `import x = require()`, literal `import()` (not
// where it may be a type: `typeof import('x')`, `: import('x').T`). Only top-level statements count:
// those inside `declare module 'x' {}` or a namespace are not the file's imports. Forms it does not
// know (`import defer`, `export import`, escapes in a specifier, an unfinished statement) give up.
#include "scanner.h"

#define MAX_NAMES 1024

static u32 names[MAX_NAMES * 2];
static u32 name_count, inline_types;

/** Inside a statement: the next token into `tok`, giving up at the end of the input. */
#define TAKE(tok)                                                                                   \
  do {                                                                                              \
    if (next_token() != 1) return AMBIGUOUS;                                                        \
    tok = *before(0);                                                                               \
  } while (0)

static int add_name(u32 start, u32 end) {
  if (name_count == MAX_NAMES) return 0;
  names[name_count * 2] = start;
  names[name_count * 2 + 1] = end;
  name_count++;
  return 1;
}

static inline int is_plain_string(const Token *t) { return t->type == T_STRING && t->plain; }
static inline int is_name(const Token *t) { return t->type == T_IDENT || is_plain_string(t); }

/** A name token's text: an identifier, or a string's contents. */
static int add_token_name(const Token *t) {
  return t->type == T_IDENT ? add_name(t->start, t->end) : add_name(t->start + 1, t->end - 1);
}

/**
 * `{ a, type B, c as d, 'e' as f }` after its `{`: each item's imported (or re-exported) name,
 * counting inline `type`s. 1, or AMBIGUOUS on anything else.
 */
static u32 read_items(void) {
  for (;;) {
    Token item[4];
    u32 k = 0;
    Token t;
    TAKE(t);
    if (is_punct(&t, '}')) return 1;
    for (;;) {
      if (k == 4) return AMBIGUOUS;
      item[k++] = t;
      TAKE(t);
      if (is_punct(&t, ',') || is_punct(&t, '}')) break;
    }
    const Token *name;
    int inline_type = 0;
    if (k == 1) name = &item[0];
    else if (k == 2 && is_word(&item[0], W_TYPE) && !is_word(&item[1], W_AS)) name = &item[1], inline_type = 1;
    else if (k == 3 && is_word(&item[1], W_AS) && is_name(&item[2])) name = &item[0];
    else if (k == 4 && is_word(&item[0], W_TYPE) && !is_word(&item[1], W_AS) && is_word(&item[2], W_AS) && is_name(&item[3])) name = &item[1], inline_type = 1;
    else return AMBIGUOUS;
    if (!is_name(name) || !add_token_name(name)) return AMBIGUOUS;
    inline_types += inline_type;
    if (is_punct(&t, '}')) return 1;
  }
}

/** A record of `kind` for the text inside `literal`'s quotes, with the first `count` names read: 1, or AMBIGUOUS. */
static u32 record(u32 kind, const Token *literal, u32 count) {
  return write_record(kind, literal->start + 1, literal->end - 1, names, count) == AMBIGUOUS ? AMBIGUOUS : 1;
}

/** The module string ending a statement (after its `from`): writes its record with the names read. */
static u32 read_specifier(u32 kind) {
  Token t;
  TAKE(t);
  if (!is_plain_string(&t)) return AMBIGUOUS;
  return record(kind, &t, name_count);
}

/** `from '...'` ending a statement: writes its record. */
static u32 read_from(u32 kind) {
  Token t;
  TAKE(t);
  if (!is_word(&t, W_FROM)) return AMBIGUOUS;
  return read_specifier(kind);
}

/** `import(` with a literal: a dynamic import, unless it may be a type (`typeof import('x')`, `: import('x').T`). */
static u32 read_dynamic(const Token *prev) {
  Token literal, close;
  if (next_token() != 1) return AMBIGUOUS;
  literal = *before(0);
  if (!((literal.type == T_STRING || literal.type == T_TEMPLATE) && literal.plain)) return 1;
  if (next_token() != 1) return AMBIGUOUS;
  close = *before(0);
  if (!is_punct(&close, ')') && !is_punct(&close, ',')) return 1;
  // Where a type may stand: left to the full parse, which tells `import('x')` types from calls.
  if (is_word(prev, W_TYPEOF) || (prev->type == T_PUNCT && (prev->punct == ':' || prev->punct == '|' || prev->punct == '&' || prev->punct == '<' || prev->punct == ',')))
    return AMBIGUOUS;
  if (record(K_DYNAMIC, &literal, 0) == AMBIGUOUS) return AMBIGUOUS;
  if (!is_punct(&close, ')')) return 1;
  u32 r = next_token();
  if (r != 1) return r;
  const Token *next = before(0);
  // `import('x').T` and `import('x')<T>` are types, unless the import is surely an expression
  // (`await import('x').then`... is common and not a type).
  int expression = is_word(prev, W_AWAIT) || is_word(prev, W_RETURN) || (is_punct(prev, '>') && prev->start > 0 && input[prev->start - 1] == '=');
  if ((is_punct(next, '.') || is_punct(next, '<')) && !expression) return AMBIGUOUS;
  return 1;
}

/** `x = require('y')` after `import [type]`: an import-equals; `x = A.B` (a namespace alias) is none. */
static u32 read_import_equals(u32 type_only) {
  Token t, literal;
  TAKE(t);
  if (!is_word(&t, W_REQUIRE)) return 1;
  TAKE(t);
  if (!is_punct(&t, '(')) return AMBIGUOUS;
  TAKE(literal);
  if (!is_plain_string(&literal)) return AMBIGUOUS;
  TAKE(t);
  if (!is_punct(&t, ')')) return AMBIGUOUS;
  return record(type_only ? K_IMPORT_TYPE : K_IMPORT_EQUALS, &literal, 0);
}

/** After `import`: a static import, an import-equals, `import()` or `import.meta`. */
u32 read_import(void) {
  Token prev = *before(1);
  Token t;
  u32 type_only = 0;
  name_count = inline_types = 0;
  // Statements inside braces are in a `declare module 'x' {}` or a namespace: not the file's own
  // imports (neither es-module-lexer nor oxc's module record lists them).
  u32 top_level = lex_depth() == 0;
  TAKE(t);
  if (is_punct(&t, '(')) return read_dynamic(&prev);
  if (!top_level) return 1;
  if (t.type == T_STRING) {
    if (!t.plain) return AMBIGUOUS;
    return record(K_IMPORT, &t, 0);
  }
  if (!(t.type == T_IDENT || is_punct(&t, '{') || is_punct(&t, '*'))) return 1; // `import.meta`, `{ import: x }`
  if (is_word(&t, W_TYPE)) {
    Token u;
    TAKE(u);
    if ((u.type == T_IDENT && !is_word(&u, W_FROM)) || is_punct(&u, '{') || is_punct(&u, '*')) {
      type_only = 1;
      t = u;
    } else if (is_word(&u, W_FROM)) {
      // `import type from './x'`: the default import, named `type`.
      add_name(NAME_DEFAULT, 0);
      return read_specifier(K_IMPORT);
    } else if (is_punct(&u, ',')) {
      add_name(NAME_DEFAULT, 0); // `import type, { a } from`
      TAKE(t);
    } else return AMBIGUOUS;
  }
  if (t.type == T_IDENT && name_count == 0) {
    if (is_word(&t, W_FROM)) return AMBIGUOUS;
    add_name(NAME_DEFAULT, 0);
    TAKE(t);
    if (is_punct(&t, '=')) return read_import_equals(type_only);
    if (is_word(&t, W_FROM)) return read_specifier(type_only ? K_IMPORT_TYPE : K_IMPORT);
    if (!is_punct(&t, ',')) return AMBIGUOUS; // `import defer * as x`, `import source x`
    TAKE(t);
  }
  if (is_punct(&t, '*')) {
    TAKE(t);
    if (!is_word(&t, W_AS)) return AMBIGUOUS;
    TAKE(t);
    if (t.type != T_IDENT) return AMBIGUOUS;
    add_name(NAME_STAR, 0);
  } else if (is_punct(&t, '{')) {
    if (read_items() == AMBIGUOUS) return AMBIGUOUS;
  } else return AMBIGUOUS;
  u32 all_inline = inline_types > 0 && inline_types == name_count;
  return read_from(type_only || all_inline ? K_IMPORT_TYPE : K_IMPORT);
}

/** After `export`: a re-export (`export * from`, `export { a } from`), or any other export (no record). */
u32 read_export(void) {
  Token t;
  u32 type_only = 0;
  name_count = inline_types = 0;
  if (lex_depth() != 0) return 1; // in a `declare module 'x' {}` or a namespace (see read_import)
  TAKE(t);
  if (is_word(&t, W_IMPORT)) return AMBIGUOUS; // `export import A = require()`
  if (is_word(&t, W_TYPE)) {
    if (next_token() != 1) return AMBIGUOUS;
    t = *before(0);
    if (!is_punct(&t, '{') && !is_punct(&t, '*')) return 1; // `export type A = ...`
    type_only = 1;
  }
  if (is_punct(&t, '*')) {
    u32 kind = type_only ? K_EXPORT_TYPE : K_EXPORT;
    Token u;
    TAKE(u);
    if (is_word(&u, W_FROM)) {
      add_name(NAME_STAR, 0);
      return read_specifier(kind);
    }
    if (!is_word(&u, W_AS)) return AMBIGUOUS;
    TAKE(u); // `export * as ns from`: the module's names stay inside `ns`
    if (!is_name(&u)) return AMBIGUOUS;
    add_token_name(&u);
    names[(name_count - 1) * 2 + 1] |= NAME_NAMESPACE;
    return read_from(kind);
  }
  if (!is_punct(&t, '{')) return 1; // `export const`, `export default`...
  if (read_items() == AMBIGUOUS) return AMBIGUOUS;
  u32 r = next_token();
  if (r != 1) return r; // `export { a }` at the end of the file
  if (!is_word(before(0), W_FROM)) return 1; // a local export list
  u32 all_types = type_only || (name_count > 0 && inline_types == name_count);
  return read_specifier(all_types ? K_EXPORT_TYPE : K_EXPORT);
}

