import type { ImportKind } from '@monorefactor/core';
import { type Export, type Import, parse } from 'es-module-lexer';
import { detached } from './detached.js';
import type { LineIndex } from './lineIndex.js';
import { HINT_REFERENCE } from './scanner.js';
import type { RawImport } from './types.js';

/**
 * The imports of a file read by es-module-lexer (a TypeScript-aware wasm lexer), ~20x cheaper
 * than a full parse. Gives the same records as `oxcImports` for the ESM forms: static imports and
 * re-exports (with their names and type-only flags), literal `import()`, `/// <reference path>`.
 * Returns undefined when the lexer cannot read the file (JSX text, some syntax errors): the
 * caller then parses it with oxc, which also reports the error.
 */
export function lexImports(source: string, lines: LineIndex, options: { jsx?: boolean; hints?: number } = {}): RawImport[] | undefined {
  let imports: readonly Import[];
  let exports: readonly Export[];
  try {
    [imports, exports] = parse(source);
  } catch {
    const header = options.jsx ? importHeader(source) : undefined;
    if (header === undefined) return undefined;
    try {
      [imports, exports] = parse(header);
    } catch {
      return undefined;
    }
  }
  const out: RawImport[] = [];
  let reexports: Map<number, Export[]> | undefined;
  for (let index = 0; index < imports.length; index++) {
    const record = imports[index] as Import;
    if (record.type === 'import-meta') continue;
    if (record.type === 'dynamic') {
      const quote = source[record.start];
      if (record.specifier === undefined || record.glob || (quote !== '"' && quote !== "'" && quote !== '`')) continue;
      const start = record.start + 1;
      const end = record.end - 1;
      if (source.slice(start, end) !== record.specifier) continue; // escapes: not a plain literal
      out.push({ specifier: detached(record.specifier), kind: 'dynamic-import', line: lines.lineOf(start), start, end, names: [] });
      continue;
    }
    const head = stripComments(source.slice(record.importStart, record.start - 1));
    const isExport = head.startsWith('export');
    reexports ??= isExport ? reexportsByImport(exports) : undefined;
    const { kind, names } = isExport ? reexportOf(reexports?.get(index) ?? [], record.typeOnly) : importOf(head, record.typeOnly);
    out.push({ specifier: detached(record.specifier), kind, line: lines.lineOf(record.start), start: record.start, end: record.end, names });
  }
  if (options.hints === undefined ? source.includes('<reference') : options.hints & HINT_REFERENCE) out.push(...referencePaths(source, lines));
  return out;
}

const HEADER_STATEMENT = /^[ \t]*(?:import|export)\b[^;]*?\bfrom\s*(["'])[^"'\n]*\1[ \t]*;?|^[ \t]*import\s*(["'])[^"'\n]*\2[ \t]*;?/gm;
const IMPORT_SYNTAX = /\bimport\b|\brequire\b|\bfrom\s*["'`]/;

/**
 * The lexer stops at JSX closing tags (`</a>` reads as a regular expression). A component file
 * keeps its imports at the top: when nothing that could be an import follows the last
 * top-level `import`/`export ... from` line, lexing the header alone gives every import, at the
 * same offsets. Otherwise undefined, and oxc parses the file. Only for .jsx/.tsx files: the
 * cost is that a syntax error in a component's body is not reported here (tsc reports it).
 */
function importHeader(source: string): string | undefined {
  let end = 0;
  HEADER_STATEMENT.lastIndex = 0;
  for (let match = HEADER_STATEMENT.exec(source); match !== null; match = HEADER_STATEMENT.exec(source)) end = match.index + match[0].length;
  if (IMPORT_SYNTAX.test(source.slice(end))) return undefined;
  return source.slice(0, end);
}

const REQUIRE_TAIL = /=\s*require\s*\($/;

/** `import ... from` / `import x = require(`: the kind and the imported names (a char scan: this runs per import). */
function importOf(head: string, typeOnly: boolean): { kind: ImportKind; names: string[] } {
  if (head.charCodeAt(head.length - 1) === 40 /* ( */ && REQUIRE_TAIL.test(head)) return { kind: typeOnly ? 'import-type' : 'import-equals', names: [] };
  const fromAt = head.lastIndexOf('from');
  let start = skipSpace(head, 6);
  let end = fromAt > 6 ? fromAt : head.length;
  while (end > start && isSpace(head.charCodeAt(end - 1))) end--;
  if (typeOnly && head.startsWith('type', start)) start = skipSpace(head, start + 4);
  const names: string[] = [];
  if (start >= end) return { kind: typeOnly ? 'import-type' : 'import', names };
  let inlineTypes = 0;
  const first = head.charCodeAt(start);
  if (first !== 123 /* { */ && first !== 42 /* * */ && first !== 44 /* , */) names.push('default');
  const brace = head.indexOf('{', start);
  const open = brace === -1 || brace >= end ? -1 : brace;
  const star = head.indexOf('*', start);
  if (star !== -1 && star < (open === -1 ? end : open)) names.push('*');
  if (open !== -1) {
    const close = head.lastIndexOf('}', end - 1);
    // Items between the braces: [type] name [as alias], separated by commas.
    for (let item = open + 1; item < close; ) {
      const comma = head.indexOf(',', item);
      const itemEnd = comma === -1 || comma > close ? close : comma;
      const parsed = nameItem(head, item, itemEnd);
      if (parsed !== undefined) {
        if (parsed.inlineType) inlineTypes++;
        names.push(detached(parsed.name));
      }
      item = itemEnd + 1;
    }
  }
  const allInline = inlineTypes > 0 && inlineTypes === names.length;
  return { kind: typeOnly || allInline ? 'import-type' : 'import', names };
}

/**
 * One `[type] name [as alias]` item in `text[start, end)`: the imported name (a quoted string's
 * contents or an identifier) and whether it has its own `type`. `type` is the name itself when
 * `as`, nothing or a comma follows it. Undefined when the item holds no name.
 */
function nameItem(text: string, start: number, end: number): { name: string; inlineType: boolean } | undefined {
  const at = skipSpace(text, start);
  if (text.startsWith('type', at) && at + 4 < end && isSpace(text.charCodeAt(at + 4))) {
    const next = skipSpace(text, at + 4);
    const isAs = text.startsWith('as', next) && (next + 2 >= end || !isRegexWordChar(text.charCodeAt(next + 2)));
    const name = next < end && !isAs && text.charCodeAt(next) !== 44 ? nameAt(text, next, end) : undefined;
    if (name !== undefined) return { name, inlineType: true };
  }
  const name = nameAt(text, at, end);
  return name === undefined ? undefined : { name, inlineType: false };
}

/** A quoted string's contents or an identifier (`[\w$]+`) at `i`. */
function nameAt(text: string, i: number, end: number): string | undefined {
  if (i >= end) return undefined;
  const quote = text.charCodeAt(i);
  if (quote === 34 || quote === 39) {
    const close = text.indexOf(quote === 34 ? '"' : "'", i + 1);
    return close === -1 || close >= end ? undefined : text.slice(i + 1, close);
  }
  let j = i;
  while (j < end && (isRegexWordChar(text.charCodeAt(j)) || text.charCodeAt(j) === 36)) j++;
  return j === i ? undefined : text.slice(i, j);
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** What a regex's `\s` matches. */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** What a regex's `\w` matches: ASCII letters, digits and `_`. */
function isRegexWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** Each re-export statement's entries (`importIndex`), grouped in one pass over the file's exports. */
function reexportsByImport(exports: readonly Export[]): Map<number, Export[]> {
  const byImport = new Map<number, Export[]>();
  for (const entry of exports) {
    if (entry.type === 'direct') continue;
    const list = byImport.get(entry.importIndex);
    if (list) list.push(entry);
    else byImport.set(entry.importIndex, [entry]);
  }
  return byImport;
}

/** `export ... from`: the names it takes from the module, type-only when every one is. */
function reexportOf(entries: readonly Export[], statementTypeOnly: boolean): { kind: ImportKind; names: string[] } {
  const names: string[] = [];
  let typeOnly = 0;
  for (const entry of entries) {
    // `export * as ns from` is a reexport without an importName: the module's names stay inside `ns`.
    if (entry.type !== 'reexport') names.push('*');
    else names.push(entry.importName ? detached(entry.importName) : `* as ${entry.name}`);
    if (entry.typeOnly) typeOnly++;
  }
  const allTypes = statementTypeOnly || (names.length > 0 && typeOnly === names.length);
  return { kind: allTypes ? 'export-type' : 'export', names };
}

function stripComments(text: string): string {
  return text.includes('/') ? text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, ' ') : text;
}

/** `/// <reference path="..." />` directives (only meaningful before the first statement). */
export function referencePaths(source: string, lines: LineIndex): RawImport[] {
  const out: RawImport[] = [];
  const pattern = /^[ \t]*\/\/\/[ \t]*<reference\s+path\s*=\s*(["'])([^"'\n]+)\1/gm;
  for (let match = pattern.exec(source); match !== null; match = pattern.exec(source)) {
    const specifier = detached(match[2] as string);
    const start = match.index + match[0].length - 1 - specifier.length;
    out.push({ specifier, kind: 'reference', line: lines.lineOf(start), start, end: start + specifier.length, names: [] });
  }
  return out;
}
