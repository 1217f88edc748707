// A JavaScript/TypeScript tokenizer over the scanner's UTF-8 input, for the readers of module
// paths (statements.c, calls.c) and the fingerprint (fingerprint.c). It reads strings, comments,
// template literals with their substitutions and regular expressions the way es-module-lexer does
// (a `/` after an operator, a keyword or a `)` of `if`/`while`/`for` starts a regular expression;
// after a value it divides), and JSX markup with jsx.c. Whatever it cannot read for sure (an
// unterminated string, a `/` after `}` or `++`, nesting too deep, non-ASCII outside strings and
// comments) makes the strict reading give up with AMBIGUOUS (the caller then reads the file
// another way); the lenient one takes a fixed guess and goes on.
#include "scanner.h"
#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#endif

#define MAX_DEPTH 64
#define RING 8

static u32 pos, length, braces, parens, templates, ring_count;
static int jsx, lenient, fingerprinting, closed_keyword_paren;
static u32 template_braces[MAX_DEPTH]; // the brace depth at each open `${`
static u8 keyword_paren[MAX_DEPTH];    // per open paren: is it `if (`, `while (`...
static Token ring[RING];
int saw_triple_slash;

static u8 WORD_BYTE[256];

/** Character classes for the tokenizer's dispatch. */
enum { C_OTHER, C_SPACE, C_WORD, C_DIGIT, C_QUOTE, C_BACKTICK, C_SLASH, C_PLUS_MINUS, C_QUESTION, C_LESS, C_OPEN_PAREN, C_CLOSE_PAREN, C_OPEN_BRACE, C_CLOSE_BRACE, C_HIGH };
static u8 CLASS[256];

static void init_classes(void) {
  for (u32 c = 0; c < 256; c++) {
    u8 k = C_OTHER;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') k = C_SPACE;
    else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$') k = C_WORD;
    else if (c >= '0' && c <= '9') k = C_DIGIT;
    else if (c == '\'' || c == '"') k = C_QUOTE;
    else if (c == '`') k = C_BACKTICK;
    else if (c == '/') k = C_SLASH;
    else if (c == '+' || c == '-') k = C_PLUS_MINUS;
    else if (c == '?') k = C_QUESTION;
    else if (c == '<') k = C_LESS;
    else if (c == '(') k = C_OPEN_PAREN;
    else if (c == ')') k = C_CLOSE_PAREN;
    else if (c == '{') k = C_OPEN_BRACE;
    else if (c == '}') k = C_CLOSE_BRACE;
    else if (c >= 128) k = C_HIGH;
    CLASS[c] = k;
  }
}

static void init(void) {
  init_classes();
  for (u32 c = 0; c < 256; c++)
    WORD_BYTE[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
  words_init();
}

const Token *before(u32 back) {
  static const Token none = {T_NONE, 0, 0, 0, 0, 0};
  return back < ring_count && back < RING ? &ring[(ring_count - 1 - back) % RING] : &none;
}

/** Length of the non-ASCII whitespace (NBSP, BOM, U+2028, U+2029) at `i`, else 0. */
static inline u32 space_above_127(u32 i) {
  const u8 *p = input + i;
  if (p[0] == 0xC2 && i + 1 < length && p[1] == 0xA0) return 2;
  if (i + 2 >= length) return 0;
  if (p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) return 3;
  if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9)) return 3;
  return 0;
}

u32 lex_depth(void) { return braces + templates; }

void lex_start(u32 bytes, int jsx_file, int lenient_reading, int fingerprint) {
  if (!WORD_BYTE['a']) init();
  length = bytes;
  jsx = jsx_file;
  lenient = lenient_reading;
  fingerprinting = fingerprint;
  pos = braces = parens = templates = ring_count = 0;
  closed_keyword_paren = saw_triple_slash = 0;
  jsx_start();
  // A byte order mark, then a hashbang line.
  if (length >= 3 && input[0] == 0xEF && input[1] == 0xBB && input[2] == 0xBF) pos = 3;
  if (pos + 1 < length && input[pos] == '#' && input[pos + 1] == '!')
    while (pos < length && input[pos] != '\n') pos++;
}

static u32 regex_guess(void);

/** Where a `/` starts a regular expression rather than a division: 1, 0, or AMBIGUOUS (lenient: a division). */
static u32 regex_here(void) {
  u32 regex = regex_guess();
  return regex == AMBIGUOUS && lenient ? 0 : regex;
}

/** The strict reading of `regex_here`. */
static u32 regex_guess(void) {
  const Token *prev = before(0);
  switch (prev->type) {
    case T_NONE:
      return 1;
    case T_IDENT:
      return prev->word >= W_EXPR_FIRST;
    case T_NUMBER:
    case T_STRING:
    case T_TEMPLATE:
    case T_JSX_END:
      return 0;
    case T_OP:
      return prev->punct == '+' || prev->punct == '-' ? AMBIGUOUS : 1; // `a++ / b` or `+ /re/`
    default:
      if (prev->punct == ')') return closed_keyword_paren ? 1 : 0; // `if (x) /re/` against `f(x) / 2`
      if (prev->punct == ']') return 0;
      if (prev->punct == '}') return AMBIGUOUS; // a block (regex follows) or an object literal (division)
      return 1;
  }
}

/** The rest of a template literal from `j` (after its `` ` `` or a substitution's `}`) into `t`; 0 or AMBIGUOUS. */
static u32 template_rest(Token *t, u32 j) {
  for (; j < length; j++) {
    u8 d = input[j];
    if (d == '\\') {
      t->plain = 0;
      j++;
    } else if (d == '`') break;
    else if (d == '$' && j + 1 < length && input[j + 1] == '{' && !(lenient && templates == MAX_DEPTH)) break;
  }
  if (j >= length) {
    if (!lenient) return AMBIGUOUS;
    t->end = length; // lenient: the template runs to the end
    return 0;
  }
  if (input[j] == '$') {
    if (templates == MAX_DEPTH) return AMBIGUOUS;
    template_braces[templates++] = braces;
    t->plain = 0;
    t->end = j + 2;
    t->type = T_PUNCT; // the substitution opens like a `(`: an expression follows
    t->punct = '{';
  } else t->end = j + 1;
  return 0;
}

#ifdef __wasm_simd128__
/** The index of the first byte from `i` that is not a space, tab or line break (16 at a time). */
static inline u32 skip_spaces(u32 i) {
  // Most runs are one space between two tokens: no vector for those.
  if (i < length && input[i] != ' ' && input[i] != '\t' && input[i] != '\n' && input[i] != '\r') return i;
  const v128_t space = wasm_i8x16_splat(' '), tab = wasm_i8x16_splat('\t'), lf = wasm_i8x16_splat('\n'), cr = wasm_i8x16_splat('\r');
  while (i + 16 <= length) {
    v128_t b = wasm_v128_load(input + i);
    v128_t m = wasm_v128_or(wasm_v128_or(wasm_i8x16_eq(b, space), wasm_i8x16_eq(b, tab)), wasm_v128_or(wasm_i8x16_eq(b, lf), wasm_i8x16_eq(b, cr)));
    u32 bits = (u32)wasm_i8x16_bitmask(m);
    if (bits != 0xffff) return i + (u32)__builtin_ctz(~bits);
    i += 16;
  }
  while (i < length && (input[i] == ' ' || input[i] == '\t' || input[i] == '\n' || input[i] == '\r')) i++;
  return i;
}

/** The index of the first byte from `i` that is not an ASCII identifier byte (16 at a time). */
static inline u32 skip_word(u32 i) {
  const v128_t a = wasm_i8x16_splat('a'), zero = wasm_i8x16_splat('0'), case_bit = wasm_i8x16_splat(0x20);
  const v128_t letters = wasm_i8x16_splat(26), digits = wasm_i8x16_splat(10), underscore = wasm_i8x16_splat('_'), dollar = wasm_i8x16_splat('$');
  while (i + 16 <= length) {
    v128_t b = wasm_v128_load(input + i);
    v128_t letter = wasm_u8x16_lt(wasm_i8x16_sub(wasm_v128_or(b, case_bit), a), letters);
    v128_t digit = wasm_u8x16_lt(wasm_i8x16_sub(b, zero), digits);
    v128_t m = wasm_v128_or(wasm_v128_or(letter, digit), wasm_v128_or(wasm_i8x16_eq(b, underscore), wasm_i8x16_eq(b, dollar)));
    u32 bits = (u32)wasm_i8x16_bitmask(m);
    if (bits != 0xffff) return i + (u32)__builtin_ctz(~bits);
    i += 16;
  }
  while (i < length && WORD_BYTE[input[i]]) i++;
  return i;
}
#else
static inline u32 skip_spaces(u32 i) {
  while (i < length && (input[i] == ' ' || input[i] == '\t' || input[i] == '\n' || input[i] == '\r')) i++;
  return i;
}
static inline u32 skip_word(u32 i) {
  while (i < length && WORD_BYTE[input[i]]) i++;
  return i;
}
#endif

u32 lex(void) {
  u32 i = pos;
  u8 c;
  if (jsx && jsx_in_markup()) {
    Token *t = &ring[ring_count % RING];
    t->word = 0;
    t->plain = 0;
    u32 next = jsx_lex(t, i, length, &braces, lenient);
    if (next == AMBIGUOUS) return AMBIGUOUS;
    if (next == LEX_END) {
      pos = length;
      return 0;
    }
    pos = next;
    ring_count++;
    if (fingerprinting) fingerprint_token(t);
    return 1;
  }
  // Whitespace and comments.
  for (;;) {
    if (i >= length) {
      // Unclosed brackets: a syntax error, which the full parse reports.
      pos = i;
      return lenient || (templates == 0 && braces == 0 && parens == 0) ? 0 : AMBIGUOUS;
    }
    c = input[i];
    u8 k = CLASS[c];
    if (k == C_SPACE) i = skip_spaces(i + 1);
    else if (k == C_SLASH && i + 1 < length && input[i + 1] == '/') {
      if (i + 2 < length && input[i + 2] == '/') saw_triple_slash = 1;
      i += 2;
      while (i < length && input[i] != '\n') i++;
    } else if (k == C_SLASH && i + 1 < length && input[i + 1] == '*') {
      u32 j = i + 2;
      while (j + 1 < length && !(input[j] == '*' && input[j + 1] == '/')) j++;
      if (j + 1 >= length && !lenient) return AMBIGUOUS;
      i = j + 1 >= length ? length : j + 2;
    } else if (k == C_HIGH) {
      if (!lenient) return AMBIGUOUS; // a Unicode space or identifier this reading does not classify
      u32 space = space_above_127(i);
      if (!space) break; // lenient: an identifier
      i += space;
    }
    else break;
  }
  Token *t = &ring[ring_count % RING];
  t->type = T_PUNCT;
  t->word = 0;
  t->punct = c;
  t->plain = 0;
  t->start = i;
  t->end = i + 1;
  switch (CLASS[c]) {
    case C_HIGH: // lenient only
    case C_WORD: {
      u32 j = skip_word(i + 1);
      if (j < length && input[j] >= 128 && !lenient) return AMBIGUOUS; // a non-ASCII identifier part
      while (j < length && input[j] >= 128 && !space_above_127(j)) j = skip_word(j + 1);
      t->type = T_IDENT;
      t->word = classify_word(input + i, j - i);
      t->end = j;
      break;
    }
    case C_DIGIT: {
      u32 j = i + 1;
      while (j < length && (WORD_BYTE[input[j]] || input[j] == '.')) j++;
      t->type = T_NUMBER;
      t->end = j;
      break;
    }
    case C_QUOTE: {
      t->type = T_STRING;
      t->plain = 1;
      u32 j = i + 1;
      for (; j < length; j++) {
        u8 d = input[j];
        if (d == c) break;
        if (d == '\\') {
          t->plain = 0;
          j++;
        } else if (d == '\n') {
          if (!lenient) return AMBIGUOUS;
          break; // lenient: the string ends with its line
        }
      }
      if (j >= length && !lenient) return AMBIGUOUS;
      t->end = j >= length ? length : input[j] == '\n' ? j : j + 1;
      break;
    }
    case C_BACKTICK:
      t->type = T_TEMPLATE;
      t->plain = 1;
      if (template_rest(t, i + 1) == AMBIGUOUS) return AMBIGUOUS;
      break;
    case C_CLOSE_BRACE:
      if (templates > 0 && braces == template_braces[templates - 1]) {
        // The rest of a template literal after a substitution.
        templates--;
        t->type = T_TEMPLATE;
        if (template_rest(t, i + 1) == AMBIGUOUS) return AMBIGUOUS;
        t->plain = 0;
        break;
      }
      if (braces == 0) {
        if (!lenient) return AMBIGUOUS;
      } else if (jsx && jsx_closes_expression(braces)) {
        braces--; // the end of a JSX expression container: markup follows
      } else braces--;
      break;
    case C_OPEN_BRACE:
      braces++;
      break;
    case C_OPEN_PAREN:
      if (parens == MAX_DEPTH) {
        if (!lenient) return AMBIGUOUS;
      } else keyword_paren[parens++] = is_word(before(0), W_PAREN_KEYWORD);
      break;
    case C_CLOSE_PAREN:
      if (parens == 0) {
        if (!lenient) return AMBIGUOUS;
      } else closed_keyword_paren = keyword_paren[--parens];
      break;
    case C_SLASH: {
      u32 regex = regex_here();
      if (regex == AMBIGUOUS) return AMBIGUOUS;
      if (!regex) break;
      u32 j = i + 1;
      int in_class = 0;
      for (; j < length; j++) {
        u8 d = input[j];
        if (d == '\\') j++;
        else if (d == '\n') break;
        else if (d == '[') in_class = 1;
        else if (d == ']') in_class = 0;
        else if (d == '/' && !in_class) break;
      }
      if (j >= length || input[j] == '\n') {
        if (!lenient) return AMBIGUOUS;
        break; // lenient: a division
      }
      j++;
      while (j < length && WORD_BYTE[input[j]]) j++; // flags
      t->type = T_NUMBER; // a value, as far as what follows it is concerned
      t->end = j;
      break;
    }
    case C_PLUS_MINUS:
      if (i + 1 < length && input[i + 1] == c) {
        t->type = T_OP;
        t->end = i + 2;
      }
      break;
    case C_QUESTION:
      if (i + 1 < length && input[i + 1] == '.' && !(i + 2 < length && input[i + 2] >= '0' && input[i + 2] <= '9')) {
        t->type = T_OP; // optional chaining: `require?.(` and `vi?.mock(` are left to the full parse
        t->end = i + 2;
      }
      break;
    case C_LESS:
      // `<` where an operand starts: a JSX element.
      // The strict reading's answer in both modes (a `<` after `}` opens an element in both), so the
      // lenient reading gives the same tokens wherever the strict one reads the file.
      if (jsx && regex_guess() != 0 && jsx_open_element() == AMBIGUOUS) return AMBIGUOUS;
      break;
    default:
      break;
  }
  pos = t->end;
  ring_count++;
  if (fingerprinting) fingerprint_token(t);
  return 1;
}
