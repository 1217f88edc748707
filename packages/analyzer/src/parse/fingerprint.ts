import type { ModuleFingerprint } from '@monorefactor/core';

/** Files shorter than this many tokens are too small to call duplicates (barrels, re-exports). */
export const MIN_FINGERPRINT_TOKENS = 60;
/** Shingle length in tokens: long enough that shared boilerplate does not look alike. */
const SHINGLE = 8;

const KEYWORDS = new Set(
  'abstract as async await break case catch class const constructor continue debugger declare default delete do else enum export extends false finally for from function get if implements import in instanceof interface let new null of private protected public readonly return set static super switch this throw true try type typeof undefined var void while yield keyof satisfies'.split(
    ' ',
  ),
);

// One alternation per token class; comments and whitespace are skipped.
const TOKEN =
  /\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/|(['"])(?:\\[\s\S]|(?!\1)[^\\\n])*\1|`(?:\\[\s\S]|[^\\`])*`|(\d[\w.]*)|([A-Za-z_$][\w$]*)|(=>|===|!==|\?\?|\?\.|&&|\|\||\.\.\.|[^\s])/gy;

/**
 * Normalised token stream of a module: identifiers become `I`, strings `S`, numbers `N`,
 * keywords and punctuation stay. Import declarations are left out: a copy of a module in
 * another package imports from other paths. Returns undefined for tiny files.
 */
export function fingerprintSource(source: string): ModuleFingerprint | undefined {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let skippingImport = false;
  for (let match = TOKEN.exec(source); match !== null; match = TOKEN.exec(source)) {
    const text = match[0];
    let token: string;
    if (match[1] !== undefined || text.startsWith('`')) token = 'S';
    else if (match[2] !== undefined) token = 'N';
    else if (match[3] !== undefined) token = KEYWORDS.has(text) ? text : 'I';
    else if (match[4] !== undefined) token = text;
    else continue;
    if (token === 'import' && (tokens.length === 0 || tokens[tokens.length - 1] === ';')) skippingImport = true;
    if (skippingImport) {
      if (token === ';' || token === 'S') skippingImport = false;
      continue;
    }
    tokens.push(token);
  }
  if (tokens.length < MIN_FINGERPRINT_TOKENS) return undefined;
  const shingles = new Set<number>();
  const ids = tokens.map(hashString);
  for (let i = 0; i + SHINGLE <= ids.length; i++) {
    let h = 0x811c9dc5;
    for (let j = 0; j < SHINGLE; j++) h = Math.imul(h ^ (ids[i + j] as number), 0x01000193) >>> 0;
    shingles.add(h);
  }
  return { tokens: tokens.length, hash: hashString(tokens.join(' ')).toString(16), shingles: [...shingles] };
}

function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
