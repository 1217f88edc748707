// Shared by the scanner's C files: scanner.c (memory, hints), lexer.c (a JavaScript/TypeScript
// tokenizer) with words.c (identifier classes) and jsx.c, calls.c (module-path calls),
// statements.c (import and export statements), module.c (records, the reading loop),
// fingerprint.c and pairs.c (near-duplicate pairs).
#ifndef SCANNER_H
#define SCANNER_H

typedef unsigned int u32;
typedef unsigned char u8;

#ifdef __wasm__
#define EXPORT(name) __attribute__((export_name(#name)))
#else
#define EXPORT(name)
#endif

/** The source being scanned (UTF-8, `reserve`d by JavaScript), and the output areas after it (room in u32s). */
extern u8 *input;
extern u32 *shingles;
extern u32 shingle_capacity;
extern u32 *records;
extern u32 record_capacity;

/** Returned for a file the tokenizer cannot read for sure: the caller parses it another way. */
#define AMBIGUOUS 0xffffffffu
/** jsx_lex: the input ended before a token (lenient reading). */
#define LEX_END 0xfffffffeu

/** T_JSX_END: the `>` that ends a JSX element (a value, as far as what follows it is concerned). */
enum { T_NONE, T_IDENT, T_NUMBER, T_STRING, T_TEMPLATE, T_PUNCT, T_OP, T_JSX_END };
/**
 * Identifiers that matter to the readers; every other one is W_OTHER. From W_EXPR_FIRST on:
 * keywords after which an expression (so a regular expression) may start.
 */
enum {
  W_OTHER,
  W_REQUIRE,
  W_RESOLVE,
  W_RUNNER,
  W_MOCK,
  W_IMPORT,
  W_EXPORT,
  W_TYPE,
  W_FROM,
  W_AS,
  W_PAREN_KEYWORD,
  W_EXPR_FIRST,
  W_NEW = W_EXPR_FIRST,
  W_TYPEOF,
  W_AWAIT,
  W_RETURN,
  W_EXPR_KEYWORD,
};

typedef struct {
  u8 type;
  u8 word;  // for T_IDENT
  u8 punct; // for T_PUNCT / T_OP: the (first) character
  u8 plain; // for T_STRING / T_TEMPLATE: no backslash, no substitution
  u32 start, end;
} Token;

/** words.c: the W_* class of the identifier `p[0..len)` (after `words_init`). */
void words_init(void);
u8 classify_word(const u8 *p, u32 len);

/**
 * lexer.c: the tokenizer over `input`. `jsx`: a `<` where an operand starts opens a JSX element (jsx.c). `lenient`:
 * never give up (the fingerprint of a file the readers cannot read): where the strict reading
 * would, take a fixed guess and go on, so both give the same tokens whenever the strict one
 * reads the whole file. `fingerprint`: feed every token to fingerprint.c.
 */
void lex_start(u32 length, int jsx, int lenient, int fingerprint);
/** The next token (pushed to the ring): 1, 0 at the end of the input, or AMBIGUOUS. */
u32 lex(void);
/** The token `back` places before the newest (0 = newest), or an empty one. */
const Token *before(u32 back);
/** Open `{` and `${` around the newest token: 0 at the top level of the module. */
u32 lex_depth(void);
/** Set when a `///` comment was seen (a possible `<reference path>`). */
extern int saw_triple_slash;

static inline int is_punct(const Token *t, u8 c) { return t->type == T_PUNCT && t->punct == c; }
static inline int is_word(const Token *t, u8 w) { return t->type == T_IDENT && t->word == w; }

/** calls.c: follows `require(`, `require.resolve(`, `vi.mock(`... token by token. */
void calls_start(void);
u32 track_calls(const Token *t);
/** Set while a possible call is being followed. */
extern u32 calls_busy;
/** Whether `t` needs `track_calls`: most tokens are not part of a call and cannot start one. */
static inline int may_be_call(const Token *t) {
  return calls_busy || t->type == T_OP || (t->type == T_IDENT && (t->word == W_REQUIRE || t->word == W_RESOLVE || t->word == W_MOCK));
}

/** scanner.c: the end of the scanner's areas (pairs.c works after it). */
u32 scanner_end(void);

/** jsx.c: JSX markup inside the tokenizer (see there). */
void jsx_start(void);
int jsx_in_markup(void);
u32 jsx_open_element(void);
int jsx_closes_expression(u32 braces);
u32 jsx_lex(Token *t, u32 i, u32 length, u32 *braces, int lenient);

/** fingerprint.c: the duplicate fingerprint of the tokens fed since `fingerprint_start`. */
void fingerprint_start(void);
void fingerprint_token(const Token *t);

/** module.c: writes one record to the output area; 0, or AMBIGUOUS when it is full. */
u32 write_record(u32 kind, u32 start, u32 end, const u32 *names, u32 name_count);
/** module.c: the next token, also followed by the call tracker: 1, 0 at the end, or AMBIGUOUS. */
u32 next_token(void);
/** Name starts standing for `default` and `*` in a record's names. */
#define NAME_DEFAULT 0xffffffffu
#define NAME_STAR 0xfffffffeu
/** Set on a name's end: `export * as ns from`, the namespace's name (written `* as ns` in JavaScript). */
#define NAME_NAMESPACE 0x80000000u

/** statements.c: after an `import` / `export` keyword (the newest token): 1 to go on, 0 at the end, or AMBIGUOUS. */
u32 read_import(void);
u32 read_export(void);

/** Record kinds, in the order of RECORD_KINDS in scanner.ts. */
enum { K_REQUIRE = 1, K_REQUIRE_RESOLVE, K_MOCK, K_IMPORT, K_IMPORT_TYPE, K_EXPORT, K_EXPORT_TYPE, K_DYNAMIC, K_IMPORT_EQUALS };

#endif
