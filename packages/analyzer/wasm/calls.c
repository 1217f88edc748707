// Calls that take a module path (`require('x')`, `require.resolve('x')`, `vi.mock('x')` and the
// other test-runner mock methods) found by a JavaScript tokenizer, so a test file with mocks does
// not need oxc's full AST (on Node 20 it crosses into JavaScript as JSON: most of `analyze` on
// vitest-heavy repos). The tokenizer reads strings, comments, template literals with their
// substitutions and regular expressions the way es-module-lexer does (a `/` after an operator, a
// keyword or a `(` of `if`/`while`/`for` starts a regular expression; after a value it divides).
// Whatever it cannot read for sure (an unterminated string, a `/` after `}` or `++`, nesting too
// deep, non-ASCII outside strings and comments) makes it give up: the caller then parses the
// file with oxc, as before.
#include "scanner.h"

enum { T_NONE, T_IDENT, T_NUMBER, T_STRING, T_TEMPLATE, T_PUNCT, T_OP };
// Identifiers that matter here; every other one is W_OTHER.
enum { W_OTHER, W_REQUIRE, W_RESOLVE, W_RUNNER, W_MOCK, W_IMPORT, W_TYPE, W_NEW, W_EXPR_KEYWORD, W_PAREN_KEYWORD };
/** Call kinds, in the order of CALL_KINDS in calls.ts. */
enum { K_REQUIRE = 1, K_REQUIRE_RESOLVE = 2, K_MOCK = 3 };
#define AMBIGUOUS 0xffffffffu
#define MAX_DEPTH 64
#define RING 8

typedef struct {
  u8 type;
  u8 word;  // for T_IDENT
  u8 punct; // for T_PUNCT / T_OP: the (first) character
  u8 plain; // for T_STRING / T_TEMPLATE: no backslash, no substitution
  u32 start, end;
} Token;

static int word_is(const u8 *p, u32 len, const char *w) {
  u32 i = 0;
  for (; i < len && w[i]; i++)
    if (p[i] != (u8)w[i]) return 0;
  return i == len && w[i] == 0;
}

static u8 classify_word(const u8 *p, u32 len) {
  static const char *const MOCKS[] = {"mock", "doMock", "unmock", "doUnmock", "importActual", "importMock", "requireActual",
                                      "requireMock", "dontMock", "setMock", "createMockFromModule"};
  // Keywords after which an expression (so a regular expression) may start.
  static const char *const EXPR[] = {"return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw",
                                     "case", "do", "else", "yield", "await", "extends"};
  if (word_is(p, len, "require")) return W_REQUIRE;
  if (word_is(p, len, "resolve")) return W_RESOLVE;
  if (word_is(p, len, "vi") || word_is(p, len, "jest")) return W_RUNNER;
  if (word_is(p, len, "import")) return W_IMPORT;
  if (word_is(p, len, "type")) return W_TYPE;
  for (u32 i = 0; i < sizeof(MOCKS) / sizeof(MOCKS[0]); i++)
    if (word_is(p, len, MOCKS[i])) return W_MOCK;
  if (word_is(p, len, "new")) return W_NEW;
  for (u32 i = 0; i < sizeof(EXPR) / sizeof(EXPR[0]); i++)
    if (word_is(p, len, EXPR[i])) return W_EXPR_KEYWORD;
  if (word_is(p, len, "if") || word_is(p, len, "while") || word_is(p, len, "for") || word_is(p, len, "with")) return W_PAREN_KEYWORD;
  return W_OTHER;
}

/** ASCII identifier bytes only: a non-ASCII byte ends the identifier and makes the reading give up. */
static inline int is_word_byte(u8 c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
}

static u32 ring_count;
static Token ring[RING];
/** The token `back` places before the newest (0 = newest), or an empty one. */
static const Token *before(u32 back) {
  static const Token none = {T_NONE, 0, 0, 0, 0, 0};
  return back < ring_count && back < RING ? &ring[(ring_count - 1 - back) % RING] : &none;
}
static void push(Token t) { ring[ring_count++ % RING] = t; }

static inline int is_punct(const Token *t, u8 c) { return t->type == T_PUNCT && t->punct == c; }
static inline int is_word(const Token *t, u8 w) { return t->type == T_IDENT && t->word == w; }

/** After a callee (`require`, `require.resolve`, `vi.mock`): which call kind it would be, or 0. */
static u32 callee_kind(void) {
  const Token *callee = before(0);
  if (is_word(callee, W_REQUIRE)) {
    const Token *b = before(1);
    // `x.require(`, `new require(` are not calls of require; `import x = require(` is an import-equals, read by the lexer.
    if (is_punct(b, '.') || b->type == T_OP || is_word(b, W_NEW)) return 0;
    if (is_punct(b, '=') && before(2)->type == T_IDENT && (is_word(before(3), W_IMPORT) || (is_word(before(3), W_TYPE) && is_word(before(4), W_IMPORT)))) return 0;
    return K_REQUIRE;
  }
  if (!is_punct(before(1), '.') || is_punct(before(3), '.') || before(3)->type == T_OP) return 0;
  if (is_word(callee, W_RESOLVE) && is_word(before(2), W_REQUIRE)) return K_REQUIRE_RESOLVE;
  if (is_word(callee, W_MOCK) && is_word(before(2), W_RUNNER)) return K_MOCK;
  return 0;
}

/**
 * Follows a possible call from its callee: `callee`, type arguments `<...>` (`vi.importActual<typeof
 * import_x>(`), `(`, a string literal, then `,` or `)`. Returns AMBIGUOUS when type arguments run
 * too long to follow.
 */
enum { S_IDLE, S_CALLEE, S_TYPE_ARGS, S_ARGUMENT, S_LITERAL };
static u32 state, pending_kind, angles, type_tokens;
static Token literal;
static u32 track(const Token *t, u32 *found) {
  switch (state) {
    case S_CALLEE:
      // `require?.(`, `vi.mock?.(`, `(require)(`: calls the full parse sees, this reading does not.
      if (t->type == T_OP || is_punct(t, ')')) return AMBIGUOUS;
      if (is_punct(t, '(')) state = S_ARGUMENT;
      else if (is_punct(t, '<')) {
        state = S_TYPE_ARGS;
        angles = 1;
        type_tokens = 0;
      } else state = S_IDLE;
      break;
    case S_TYPE_ARGS:
      if (++type_tokens > 256) return AMBIGUOUS;
      if (is_punct(t, '<')) angles++;
      // `=>` in a function type is not a closing angle.
      else if (is_punct(t, '>') && !(is_punct(before(1), '=') && before(1)->end == t->start) && --angles == 0) state = S_CALLEE;
      break;
    case S_ARGUMENT:
      if ((t->type == T_STRING || t->type == T_TEMPLATE) && t->plain) {
        literal = *t;
        state = S_LITERAL;
      } else state = S_IDLE;
      break;
    case S_LITERAL:
      if (is_punct(t, ',') || is_punct(t, ')')) {
        shingles[*found * 3] = pending_kind;
        shingles[*found * 3 + 1] = literal.start + 1;
        shingles[*found * 3 + 2] = literal.end - 1;
        (*found)++;
      }
      state = S_IDLE;
      break;
    default:
      break;
  }
  // `vi?.mock(`, `require?.resolve(`: optional member calls, left to the full parse.
  if (t->type == T_OP && (is_word(before(1), W_REQUIRE) || is_word(before(1), W_RUNNER))) return AMBIGUOUS;
  if (state == S_IDLE && t->type == T_IDENT) {
    pending_kind = callee_kind();
    if (pending_kind) state = S_CALLEE;
  }
  return 0;
}

/** Where a `/` starts a regular expression rather than a division: 1, 0, or AMBIGUOUS. */
static u32 regex_here(int closed_keyword_paren) {
  const Token *prev = before(0);
  switch (prev->type) {
    case T_NONE:
      return 1;
    case T_IDENT:
      return prev->word == W_EXPR_KEYWORD || prev->word == W_NEW;
    case T_NUMBER:
    case T_STRING:
    case T_TEMPLATE:
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

/** Skips a string literal from its opening quote; the index after it, or 0 when it does not end on its line. */
static u32 skip_string(u32 i, u32 length, u8 quote, u8 *plain) {
  for (i++; i < length; i++) {
    u8 c = input[i];
    if (c == '\\') {
      *plain = 0;
      i++;
    } else if (c == quote) return i + 1;
    else if (c == '\n') return 0;
  }
  return 0;
}

/**
 * Writes [kind, start, end] per call (start and end of the literal's text, quotes excluded) to the
 * output area; returns how many, or AMBIGUOUS.
 */
EXPORT(find_calls) u32 find_calls(u32 length) {
  u32 found = 0;
  u32 braces = 0, parens = 0, templates = 0;
  u32 template_braces[MAX_DEPTH];   // the brace depth at each open `${`
  u8 keyword_paren[MAX_DEPTH]; // per open paren: is it `if (`, `while (`...
  int closed_keyword_paren = 0; // the last `)` closed such a paren
  ring_count = 0;
  state = S_IDLE;
  u32 i = 0;
  while (i < length) {
    u8 c = input[i];
    Token t = {T_PUNCT, 0, c, 0, i, i + 1};
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
      i++;
      continue;
    }
    if (c >= 128) {
      // Non-ASCII in code (not in a string or comment): a Unicode space or identifier this reading
      // does not classify. A byte order mark at the start is skipped.
      if (i == 0 && length >= 3 && c == 0xEF && input[1] == 0xBB && input[2] == 0xBF) {
        i = 3;
        continue;
      }
      return AMBIGUOUS;
    }
    if (c == '/' && i + 1 < length && input[i + 1] == '/') {
      while (i < length && input[i] != '\n') i++;
      continue;
    }
    if (c == '/' && i + 1 < length && input[i + 1] == '*') {
      u32 j = i + 2;
      while (j + 1 < length && !(input[j] == '*' && input[j + 1] == '/')) j++;
      if (j + 1 >= length) return AMBIGUOUS;
      i = j + 2;
      continue;
    }
    if (c == '\'' || c == '"') {
      t.type = T_STRING;
      t.plain = 1;
      u32 end = skip_string(i, length, c, &t.plain);
      if (end == 0) return AMBIGUOUS;
      t.end = end;
      i = end;
    } else if (c == '`' || (c == '}' && templates > 0 && braces == template_braces[templates - 1])) {
      // A template literal, or its rest after a substitution.
      t.type = T_TEMPLATE;
      t.plain = c == '`';
      if (c == '}') templates--;
      u32 j = i + 1;
      for (; j < length; j++) {
        u8 d = input[j];
        if (d == '\\') {
          t.plain = 0;
          j++;
        } else if (d == '`') break;
        else if (d == '$' && j + 1 < length && input[j + 1] == '{') break;
      }
      if (j >= length) return AMBIGUOUS;
      if (input[j] == '$') {
        if (templates == MAX_DEPTH) return AMBIGUOUS;
        template_braces[templates++] = braces;
        t.plain = 0;
        t.end = j + 2;
        i = j + 2;
        t.type = T_PUNCT; // the substitution opens like a `(`: an expression follows
        t.punct = '{';
      } else {
        t.end = j + 1;
        i = j + 1;
        if (c == '}') t.plain = 0;
      }
    } else if (is_word_byte(c) && !(c >= '0' && c <= '9')) {
      u32 j = i + 1;
      while (j < length && is_word_byte(input[j])) j++;
      t.type = T_IDENT;
      t.word = classify_word(input + i, j - i);
      t.end = j;
      i = j;
    } else if (c >= '0' && c <= '9') {
      u32 j = i + 1;
      while (j < length && (is_word_byte(input[j]) || input[j] == '.')) j++;
      t.type = T_NUMBER;
      t.end = j;
      i = j;
    } else if (c == '/') {
      u32 regex = regex_here(closed_keyword_paren);
      if (regex == AMBIGUOUS) return AMBIGUOUS;
      if (regex) {
        u32 j = i + 1;
        int in_class = 0;
        for (; j < length; j++) {
          u8 d = input[j];
          if (d == '\\') j++;
          else if (d == '\n') return AMBIGUOUS;
          else if (d == '[') in_class = 1;
          else if (d == ']') in_class = 0;
          else if (d == '/' && !in_class) break;
        }
        if (j >= length) return AMBIGUOUS;
        j++;
        while (j < length && is_word_byte(input[j])) j++; // flags
        t.type = T_NUMBER; // a value, as far as what follows it is concerned
        t.end = j;
        i = j;
      } else {
        i++;
      }
    } else if ((c == '+' || c == '-') && i + 1 < length && input[i + 1] == c) {
      t.type = T_OP;
      t.end = i + 2;
      i += 2;
    } else if (c == '?' && i + 1 < length && input[i + 1] == '.' && !(i + 2 < length && input[i + 2] >= '0' && input[i + 2] <= '9')) {
      t.type = T_OP; // optional chaining: `require?.(` and `vi?.mock(` are left to oxc's reading
      t.end = i + 2;
      i += 2;
    } else {
      i++;
      if (c == '(') {
        if (parens == MAX_DEPTH) return AMBIGUOUS;
        keyword_paren[parens++] = is_word(before(0), W_PAREN_KEYWORD);
      } else if (c == ')') {
        if (parens == 0) return AMBIGUOUS;
        closed_keyword_paren = keyword_paren[--parens];
      } else if (c == '{') braces++;
      else if (c == '}') {
        if (braces == 0) return AMBIGUOUS;
        braces--;
      }
    }
    push(t);
    if (track(&ring[(ring_count - 1) % RING], &found) == AMBIGUOUS) return AMBIGUOUS;
  }
  return templates == 0 ? found : AMBIGUOUS;
}
