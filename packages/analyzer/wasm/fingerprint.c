// The duplicate fingerprint of a module, from the tokens lexer.c reads (so a file is read once
// for its imports and its fingerprint): the normalised token stream (identifiers, strings and
// numbers each one class; keywords, operators and punctuation kept; comments, whitespace and
// import declarations dropped), its hash, and a 1-in-4 sample of the hashes of every 8-token
// shingle: a mod-4 sample, an unbiased estimate of the Jaccard similarity of two files.
//
// Every integer is 32-bit unsigned, wrapping.
#include "scanner.h"

enum { IDENT = 1, STRING = 2, NUMBER = 3, KEYWORD = 1000, OPERATOR = 2000, PUNCT = 100000 };
enum { SHINGLE = 8 };
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

/** Per first letter: a bit per keyword length present, and the keywords. */
static u32 KEYWORD_LENGTHS[26];
static u8 BY_LETTER[26][8];
static u8 BY_LETTER_COUNT[26];
static u8 KEYWORD_LEN[KEYWORD_COUNT];
static int initialised;

static void init(void) {
  for (u32 i = 0; i < KEYWORD_COUNT; i++) {
    u32 len = 0;
    while (KEYWORDS[i][len]) len++;
    KEYWORD_LEN[i] = (u8)len;
    u32 letter = (u32)(KEYWORDS[i][0] - 'a');
    KEYWORD_LENGTHS[letter] |= 1u << len;
    BY_LETTER[letter][BY_LETTER_COUNT[letter]++] = (u8)i;
  }
  initialised = 1;
}

static inline u32 keyword_at(const u8 *p, u32 len) {
  if (p[0] < 'a' || p[0] > 'z') return IDENT;
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

static u32 ring[SHINGLE], n, last, whole, rolling, kept, weight;
static int skipping_import;

void fingerprint_start(void) {
  if (!initialised) init();
  weight = base_pow();
  n = last = rolling = kept = 0;
  whole = 0x811c9dc5u;
  skipping_import = 0;
}

// Inlined into lexer.c's tokenizer (every token of every file comes here): ~6% of the scan.
__attribute__((always_inline)) void fingerprint_token(const Token *t) {
  u32 id;
  switch (t->type) {
    case T_IDENT:
      id = keyword_at(input + t->start, t->end - t->start);
      break;
    case T_STRING:
    case T_TEMPLATE:
      id = STRING;
      break;
    case T_NUMBER: // numbers and regular expressions
      id = NUMBER;
      break;
    case T_OP: // ++, --, ?.
      id = OPERATOR + t->punct;
      break;
    case T_JSX_END:
      id = OPERATOR + 1;
      break;
    default:
      id = PUNCT + t->punct;
      break;
  }
  // An import declaration (at the start or after a `;`) up to its `;` or module string: the same
  // imports are in every file of a package, and not what makes two modules copies.
  if (id == IMPORT_ID && (n == 0 || last == SEMICOLON)) skipping_import = 1;
  if (skipping_import) {
    if (id == SEMICOLON || id == STRING) skipping_import = 0;
    return;
  }
  last = id;
  whole = (whole ^ id) * BASE;
  u32 m = mix(id);
  if (n < SHINGLE) rolling = rolling * BASE + m;
  else rolling = (rolling - ring[n % SHINGLE] * weight) * BASE + m;
  ring[n % SHINGLE] = m;
  n++;
  // One shingle in SAMPLE kept, chosen by a cheap hash of its value (the top bits of a
  // multiplicative hash), so the same shingle is kept in every file; only kept ones are mixed well.
  if (n >= SHINGLE && (rolling * 0x9e3779b1u) >> 30 == 0 && kept < shingle_capacity) shingles[kept++] = avalanche(rolling);
}

EXPORT(tokens) u32 tokens(void) { return n; }
EXPORT(hash) u32 hash(void) { return whole; }
EXPORT(shingle_count) u32 shingle_count(void) { return kept; }
EXPORT(shingle_address) u32 shingle_address(void) { return (u32)shingles; }
