import { detached } from './detached.js';
import { lexImports, referencePaths } from './lexImports.js';
import { LineIndex } from './lineIndex.js';
import { needsWalk, oxcImports } from './oxcImports.js';
import { findModuleCalls, HINT_IMPORT_CALL, type ModuleRead, readModule, scanSource } from './scanner.js';
import type { ExtractedFile, RawImport } from './types.js';

export type { ExtractedFile, RawImport } from './types.js';

export interface ExtractOptions {
  fingerprint?: boolean;
  /**
   * `auto` (default): the scanner's tokenizer reads most files in one pass; what it cannot read
   * for sure goes to es-module-lexer, and files that need an AST (require, mocks, import() in
   * type positions) or that the lexer cannot read to oxc's full parse.
   * `oxc`: always the full parse (slower; also reports every syntax error).
   */
  parser?: 'auto' | 'oxc';
}

/**
 * The lexer's imports, plus the module-path calls (`require`, `vi.mock`...) the scanner finds when
 * the file has some; undefined when the file needs oxc: the lexer or the scanner cannot read it,
 * or it has `import()` in a type position.
 */
function lexWithCalls(file: string, source: string, lines: LineIndex, hints: number): RawImport[] | undefined {
  const walk = needsWalk(source, hints);
  if (walk && needsWalk(source, hints & HINT_IMPORT_CALL)) return undefined;
  const calls = walk ? findModuleCalls(source) : [];
  if (!calls) return undefined;
  const lexed = lexImports(source, lines, { jsx: /\.(?:[jt]sx|js)$/.test(file), hints });
  if (!lexed || calls.length === 0) return lexed;
  const seen = new Set(lexed.map((record) => record.start));
  for (const call of calls) {
    if (seen.has(call.start)) continue;
    const specifier = detached(source.slice(call.start, call.end));
    lexed.push({ specifier, kind: call.kind, line: lines.lineOf(call.start), start: call.start, end: call.end, names: [] });
  }
  return lexed;
}

/** Every import form of one file (DESIGN.md "Import forms"), with exact specifier offsets. */
export function extractImports(file: string, source: string, options: ExtractOptions = {}): ExtractedFile {
  if (options.parser !== 'oxc') {
    const read = readModule(file, source, { fingerprint: options.fingerprint ?? false });
    if (read) return fromModuleRead(read, source);
  }
  return extractSlowly(file, source, options);
}

/** The module reader's records of `source` as the file's imports: with its `/// <reference path>`s. */
export function fromModuleRead(read: ModuleRead, source: string): ExtractedFile {
  const { imports, tripleSlash, fingerprint } = read;
  if (tripleSlash) {
    imports.push(...referencePaths(source, new LineIndex(source)));
    imports.sort((a, b) => a.start - b.start);
  }
  return fingerprint ? { imports, errors: [], fingerprint } : { imports, errors: [] };
}

/** `extractImports` without the module reader (it gave up on the file, or the caller wants the full parse). */
export function extractSlowly(file: string, source: string, options: ExtractOptions = {}): ExtractedFile {
  const lines = new LineIndex(source);
  const { hints, fingerprint } = scanSource(source, options.fingerprint ?? false, file);
  const lexed = options.parser === 'oxc' ? undefined : lexWithCalls(file, source, lines, hints);
  const { imports, errors } = lexed ? { imports: lexed, errors: [] } : oxcImports(file, source, lines, hints);
  imports.sort((a, b) => a.start - b.start);
  const extracted: ExtractedFile = { imports, errors };
  if (fingerprint) extracted.fingerprint = fingerprint;
  return extracted;
}
