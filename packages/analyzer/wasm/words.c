// The identifiers the tokenizer's readers care about (`import`, `export`, `require`, `vi`, the mock
// methods...) and the keywords after which a `/` starts a regular expression: each identifier the
// tokenizer reads is classified here (W_* in scanner.h), most rejected by its first letter and
// length alone.
#include "scanner.h"

typedef struct {
  const char *text;
  u8 word;
} Word;

// Per first letter, the words that matter (see W_* in scanner.h).
static const Word WORDS[] = {
    {"as", W_AS}, {"await", W_AWAIT}, {"case", W_EXPR_KEYWORD}, {"createMockFromModule", W_MOCK}, {"default", W_EXPR_KEYWORD},
    {"delete", W_EXPR_KEYWORD}, {"do", W_EXPR_KEYWORD}, {"doMock", W_MOCK}, {"doUnmock", W_MOCK}, {"dontMock", W_MOCK},
    {"else", W_EXPR_KEYWORD}, {"export", W_EXPORT}, {"extends", W_EXPR_KEYWORD}, {"for", W_PAREN_KEYWORD}, {"from", W_FROM},
    {"if", W_PAREN_KEYWORD}, {"import", W_IMPORT}, {"importActual", W_MOCK}, {"importMock", W_MOCK}, {"in", W_EXPR_KEYWORD},
    {"instanceof", W_EXPR_KEYWORD}, {"jest", W_RUNNER}, {"mock", W_MOCK}, {"new", W_NEW}, {"of", W_EXPR_KEYWORD},
    {"require", W_REQUIRE}, {"requireActual", W_MOCK}, {"requireMock", W_MOCK}, {"resolve", W_RESOLVE}, {"return", W_RETURN},
    {"setMock", W_MOCK}, {"throw", W_EXPR_KEYWORD}, {"type", W_TYPE}, {"typeof", W_TYPEOF}, {"unmock", W_MOCK},
    {"vi", W_RUNNER}, {"void", W_EXPR_KEYWORD}, {"while", W_PAREN_KEYWORD}, {"with", W_PAREN_KEYWORD}, {"yield", W_EXPR_KEYWORD},
};
#define WORD_COUNT (sizeof(WORDS) / sizeof(WORDS[0]))
/** WORDS[FIRST[c] .. FIRST[c + 1]) start with letter c (WORDS is sorted). */
static u8 FIRST[27];
static u8 WORD_LENGTH[WORD_COUNT];
/** Per first letter: a bit per length some word of WORDS has (most identifiers are rejected by it). */
static u32 LENGTHS[26];

void words_init(void) {
  u32 w = 0;
  for (u32 letter = 0; letter <= 26; letter++) {
    FIRST[letter] = (u8)w;
    while (w < WORD_COUNT && (u32)(WORDS[w].text[0] - 'a') == letter) w++;
  }
  for (u32 i = 0; i < WORD_COUNT; i++) {
    u32 len = 0;
    while (WORDS[i].text[len]) len++;
    WORD_LENGTH[i] = (u8)len;
    LENGTHS[WORDS[i].text[0] - 'a'] |= 1u << len;
  }
}

u8 classify_word(const u8 *p, u32 len) {
  if (p[0] < 'a' || p[0] > 'z') return W_OTHER;
  u32 letter = (u32)(p[0] - 'a');
  if (len > 31 || !(LENGTHS[letter] & (1u << len))) return W_OTHER;
  for (u32 i = FIRST[letter]; i < FIRST[letter + 1]; i++) {
    if (WORD_LENGTH[i] != len) continue;
    const char *w = WORDS[i].text;
    u32 k = 1;
    while (k < len && p[k] == (u8)w[k]) k++;
    if (k == len) return WORDS[i].word;
  }
  return W_OTHER;
}

