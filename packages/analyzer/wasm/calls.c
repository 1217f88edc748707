// Calls that take a module path (`require('x')`, `require.resolve('x')`, `vi.mock('x')` and the
// other test-runner mock methods), followed token by token as lexer.c reads them, so a file with
// such calls does not need oxc's full AST (on Node 20 it crosses into JavaScript as JSON: most of
// `analyze` on vitest-heavy repos). What the full parse would read as a call this reading cannot
// follow (`require?.(`, `(require)(`, very long type arguments) makes it give up.
#include "scanner.h"

/** After a callee (`require`, `require.resolve`, `vi.mock`): which call kind it would be, or 0. */
static u32 callee_kind(void) {
  const Token *callee = before(0);
  if (is_word(callee, W_REQUIRE)) {
    const Token *b = before(1);
    // `x.require(`, `new require(` are not calls of require; `import x = require(` is an import-equals (module.c).
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
 * import_x>(`), `(`, a string literal, then `,` or `)`.
 */
enum { S_IDLE, S_CALLEE, S_TYPE_ARGS, S_ARGUMENT, S_LITERAL };
static u32 state, pending_kind, angles, type_tokens;
static Token literal;
u32 calls_busy;

void calls_start(void) { state = S_IDLE, calls_busy = 0; }

/** Feeds the newest token; writes a record per call found; 0, or AMBIGUOUS. */
u32 track_calls(const Token *t) {
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
      state = S_IDLE;
      if ((is_punct(t, ',') || is_punct(t, ')')) && write_record(pending_kind, literal.start + 1, literal.end - 1, 0, 0) == AMBIGUOUS) return AMBIGUOUS;
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
  calls_busy = state != S_IDLE;
  return 0;
}
