import type { ImportKind } from '@monorefactor/core';
import { type Export, type Import, parse } from 'es-module-lexer';
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
    const { kind, names } = isExport ? reexportOf(exports, index, record.typeOnly) : importOf(head, record.typeOnly);
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
const NAME_ITEM = /^\s*(type\s+(?!as\b|,|$))?\s*("[^"]*"|'[^']*'|[\w$]+)/;

/** `import ... from` / `import x = require(`: the kind and the imported names (string ops: this runs per import). */
function importOf(head: string, typeOnly: boolean): { kind: ImportKind; names: string[] } {
  if (head.charCodeAt(head.length - 1) === 40 /* ( */ && REQUIRE_TAIL.test(head)) return { kind: typeOnly ? 'import-type' : 'import-equals', names: [] };
  const fromAt = head.lastIndexOf('from');
  let clause = (fromAt > 6 ? head.slice(6, fromAt) : head.slice(6)).trim();
  if (typeOnly && clause.startsWith('type')) clause = clause.slice(4).trimStart();
  const names: string[] = [];
  if (clause.length === 0) return { kind: typeOnly ? 'import-type' : 'import', names };
  let inlineTypes = 0;
  const brace = clause.indexOf('{');
  const first = clause.charCodeAt(0);
  if (first !== 123 /* { */ && first !== 42 /* * */ && first !== 44 /* , */) names.push('default');
  if ((brace === -1 ? clause : clause.slice(0, brace)).includes('*')) names.push('*');
  if (brace !== -1) {
    for (const item of clause.slice(brace + 1, clause.lastIndexOf('}')).split(',')) {
      const match = NAME_ITEM.exec(item);
      if (!match || match[2] === undefined) continue;
      if (match[1]) inlineTypes++;
      const name = match[2];
      const quote = name.charCodeAt(0);
      names.push(detached(quote === 34 || quote === 39 ? name.slice(1, -1) : name));
    }
  }
  const allInline = inlineTypes > 0 && inlineTypes === names.length;
  return { kind: typeOnly || allInline ? 'import-type' : 'import', names };
}

/** `export ... from`: the names it takes from the module, type-only when every one is. */
function reexportOf(exports: readonly Export[], importIndex: number, statementTypeOnly: boolean): { kind: ImportKind; names: string[] } {
  const names: string[] = [];
  let typeOnly = 0;
  for (const entry of exports) {
    if (entry.type === 'direct' || entry.importIndex !== importIndex) continue;
    names.push(entry.type === 'reexport' && entry.importName ? detached(entry.importName) : '*');
    if (entry.typeOnly) typeOnly++;
  }
  const allTypes = statementTypeOnly || (names.length > 0 && typeOnly === names.length);
  return { kind: allTypes ? 'export-type' : 'export', names };
}

/**
 * `s` as a string of its own. V8 makes a slice of 13+ characters a view into its parent, so a
 * specifier or name taken from a file's text would keep the whole text alive: every source file
 * of the repo held until the graph is dropped, and copied by each young-generation GC on the way
 * (a tenth of `analyze`'s time on the 7,505-file benchmark). Interned, so the copies are shared.
 */
function detached(s: string): string {
  let copy = interned.get(s);
  if (copy === undefined) {
    if (interned.size >= 100_000) interned.clear(); // a bound for long-running processes
    copy = ` ${s}`.slice(1); // flattens the concatenation: a copy, not a view into the source
    interned.set(copy, copy);
  }
  return copy;
}
const interned = new Map<string, string>();

function stripComments(text: string): string {
  return text.includes('/') ? text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, ' ') : text;
}

/** `/// <reference path="..." />` directives (only meaningful before the first statement). */
function referencePaths(source: string, lines: LineIndex): RawImport[] {
  const out: RawImport[] = [];
  const pattern = /^[ \t]*\/\/\/[ \t]*<reference\s+path\s*=\s*(["'])([^"'\n]+)\1/gm;
  for (let match = pattern.exec(source); match !== null; match = pattern.exec(source)) {
    const specifier = detached(match[2] as string);
    const start = match.index + match[0].length - 1 - specifier.length;
    out.push({ specifier, kind: 'reference', line: lines.lineOf(start), start, end: start + specifier.length, names: [] });
  }
  return out;
}
