/** A token of the small subset of JS/TS that import and export clauses are made of. */
export interface Token {
  kind: 'id' | 'str' | 'punct' | 'eof' | 'other';
  value: string;
  start: number;
  end: number;
}

const ID_START = /[A-Za-z_$\u00a0-\uffff]/;
const ID_PART = /[\w$\u00a0-\uffff]/;

/** Skip whitespace and comments from `pos`. */
export function skipTrivia(source: string, pos: number): number {
  let i = pos;
  while (i < source.length) {
    const ch = source[i] as string;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\v' || ch === '\ufeff') {
      i++;
    } else if (ch === '/' && source[i + 1] === '/') {
      const nl = source.indexOf('\n', i);
      i = nl === -1 ? source.length : nl + 1;
    } else if (ch === '/' && source[i + 1] === '*') {
      const close = source.indexOf('*/', i + 2);
      i = close === -1 ? source.length : close + 2;
    } else {
      break;
    }
  }
  return i;
}

/** The token at `pos` (after trivia). Strings are single or double quoted, without escapes of quotes. */
export function nextToken(source: string, pos: number): Token {
  const start = skipTrivia(source, pos);
  if (start >= source.length) return { kind: 'eof', value: '', start, end: start };
  const ch = source[start] as string;
  if (ch === '"' || ch === "'") {
    let i = start + 1;
    while (i < source.length && source[i] !== ch && source[i] !== '\n') i += source[i] === '\\' ? 2 : 1;
    if (source[i] !== ch) return { kind: 'other', value: ch, start, end: start + 1 };
    return { kind: 'str', value: source.slice(start + 1, i), start, end: i + 1 };
  }
  if (ID_START.test(ch)) {
    let i = start + 1;
    while (i < source.length && ID_PART.test(source[i] as string)) i++;
    return { kind: 'id', value: source.slice(start, i), start, end: i };
  }
  if ('{}(),;*=:'.includes(ch)) return { kind: 'punct', value: ch, start, end: start + 1 };
  return { kind: 'other', value: ch, start, end: start + 1 };
}

/** Offset just past the brace that closes the `{` at `open` (strings and comments skipped), or -1. */
export function matchingBrace(source: string, open: number): number {
  let depth = 0;
  let i = open;
  while (i < source.length) {
    i = skipTrivia(source, i);
    const ch = source[i];
    if (ch === '"' || ch === "'" || ch === '`') {
      i++;
      while (i < source.length && source[i] !== ch) i += source[i] === '\\' ? 2 : 1;
      i++;
      continue;
    }
    if (ch === '{') depth++;
    else if (ch === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  return -1;
}
