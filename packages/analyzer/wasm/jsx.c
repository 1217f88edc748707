// JSX elements for lexer.c, in `.jsx`, `.tsx` and `.js` files: markup is read as markup (tag and
// attribute names, attribute strings, text, closing tags) and the JavaScript in `{...}` as
// JavaScript, so a React component is read in the same single pass as any module: its imports,
// the `import()` and `require()` inside expressions, and its fingerprint. Frames nest: an opening
// tag, an element's children, an expression container (closed by the `}` that brings the brace
// depth back to where it opened). What is not plain JSX (a generic arrow `<T,>() =>` in a `.tsx`
// file, a tag name with non-ASCII) makes the strict reading give up.
#include "scanner.h"

#define MAX_FRAMES 128
enum { F_TAG, F_CHILDREN, F_EXPRESSION };
static u8 frame_type[MAX_FRAMES];
static u32 frame_level[MAX_FRAMES]; // for F_EXPRESSION: the brace depth before its `{`
static u32 frames;

void jsx_start(void) { frames = 0; }

int jsx_in_markup(void) { return frames > 0 && frame_type[frames - 1] != F_EXPRESSION; }

/** A `<` where an operand starts: an element opens. 0, or AMBIGUOUS when nested too deep. */
u32 jsx_open_element(void) {
  if (frames == MAX_FRAMES) return AMBIGUOUS;
  frame_type[frames++] = F_TAG;
  return 0;
}

/** A `}` at brace depth `braces` (before it): 1 when it closes an expression container (popped). */
int jsx_closes_expression(u32 braces) {
  if (frames == 0 || frame_type[frames - 1] != F_EXPRESSION || frame_level[frames - 1] + 1 != braces) return 0;
  frames--;
  return 1;
}

static inline int is_name_byte(u8 c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$' || c == '-' || c == '.' || c == ':';
}

static inline int is_space(u8 c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

/** The element whose tag or children frame is on top ends: pops it. */
static void end_element(Token *t) {
  frames--;
  t->type = T_JSX_END; // a value: a `/` after it divides
  t->punct = '>';
}

/**
 * The next token of markup from `i` into `t` (`*braces`: the tokenizer's brace depth, raised by an
 * expression container's `{`). Returns the index after it, LEX_END at the end of the input
 * (lenient), or AMBIGUOUS.
 */
u32 jsx_lex(Token *t, u32 i, u32 length, u32 *braces, int lenient) {
  u8 type = frame_type[frames - 1];
  if (type == F_CHILDREN) {
    // Text up to the next `<` or `{`: one string token when it is not all whitespace.
    u32 start = i;
    int text = 0;
    while (i < length && input[i] != '<' && input[i] != '{') {
      if (!is_space(input[i])) text = 1;
      i++;
    }
    if (text) {
      t->type = T_STRING;
      t->start = start;
      t->end = i;
      return i;
    }
    if (i >= length) return lenient ? LEX_END : AMBIGUOUS;
  } else {
    // In a tag: whitespace and comments.
    for (;;) {
      while (i < length && is_space(input[i])) i++;
      if (i + 1 < length && input[i] == '/' && input[i + 1] == '/') {
        while (i < length && input[i] != '\n') i++;
      } else if (i + 1 < length && input[i] == '/' && input[i + 1] == '*') {
        u32 j = i + 2;
        while (j + 1 < length && !(input[j] == '*' && input[j + 1] == '/')) j++;
        if (j + 1 >= length) return lenient ? LEX_END : AMBIGUOUS;
        i = j + 2;
      } else break;
    }
    if (i >= length) return lenient ? LEX_END : AMBIGUOUS;
  }
  u8 c = input[i];
  t->start = i;
  t->end = i + 1;
  t->type = T_PUNCT;
  t->punct = c;
  if (c == '{') {
    // An expression container (or a spread `{...props}`): JavaScript until its `}`.
    if (frames == MAX_FRAMES) return AMBIGUOUS;
    frame_type[frames] = F_EXPRESSION;
    frame_level[frames++] = (*braces)++;
    return i + 1;
  }
  if (type == F_CHILDREN) {
    // `<`: a closing tag `</name>` ends the element; else a child element opens.
    if (i + 1 < length && input[i + 1] == '/') {
      u32 j = i + 2;
      while (j < length && (is_name_byte(input[j]) || is_space(input[j]))) j++;
      if (j >= length || input[j] != '>') {
        if (!lenient) return AMBIGUOUS;
        frames = 0; // lenient: back to JavaScript after the `<`
        return i + 1;
      }
      end_element(t);
      t->end = j + 1;
      return j + 1;
    }
    return jsx_open_element() == AMBIGUOUS ? AMBIGUOUS : i + 1;
  }
  // In a tag.
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$') {
    u32 j = i + 1;
    while (j < length && is_name_byte(input[j])) j++;
    if (j < length && input[j] >= 128 && !lenient) return AMBIGUOUS;
    t->type = T_IDENT;
    t->word = W_OTHER; // a tag or attribute name, never a keyword of ours
    t->end = j;
    return j;
  }
  if (c == '"' || c == '\'') {
    // An attribute string: no escapes, may span lines.
    u32 j = i + 1;
    while (j < length && input[j] != c) j++;
    if (j >= length) return lenient ? LEX_END : AMBIGUOUS;
    t->type = T_STRING;
    t->end = j + 1;
    return j + 1;
  }
  if (c == '=') return i + 1;
  if (c == '>') {
    frame_type[frames - 1] = F_CHILDREN;
    return i + 1;
  }
  if (c == '/' && i + 1 < length && input[i + 1] == '>') {
    end_element(t);
    t->end = i + 2;
    return i + 2;
  }
  if (c == '<') return jsx_open_element() == AMBIGUOUS ? AMBIGUOUS : i + 1; // an element as an attribute value
  if (!lenient) return AMBIGUOUS; // `<T,>() =>`, `<T extends U>`: not markup this reading knows
  frames = 0; // lenient: back to JavaScript
  return i + 1;
}
