import { lexImports } from './lexImports.js';
import { LineIndex } from './lineIndex.js';
import { needsWalk, oxcImports } from './oxcImports.js';
import { scanSource } from './scanner.js';
import type { ExtractedFile } from './types.js';

export type { ExtractedFile, RawImport } from './types.js';

export interface ExtractOptions {
  fingerprint?: boolean;
  /**
   * `auto` (default): es-module-lexer for plain ES modules, oxc's full parse for files that
   * need an AST (require, mocks, import() in type positions) or that the lexer cannot read.
   * `oxc`: always the full parse (slower; also reports every syntax error).
   */
  parser?: 'auto' | 'oxc';
}

/** Every import form of one file (DESIGN.md "Import forms"), with exact specifier offsets. */
export function extractImports(file: string, source: string, options: ExtractOptions = {}): ExtractedFile {
  const lines = new LineIndex(source);
  const { hints, fingerprint } = scanSource(source, options.fingerprint ?? false);
  const lexed = options.parser !== 'oxc' && !needsWalk(source, hints) ? lexImports(source, lines, { jsx: /\.(?:[jt]sx|js)$/.test(file), hints }) : undefined;
  const { imports, errors } = lexed ? { imports: lexed, errors: [] } : oxcImports(file, source, lines, hints);
  imports.sort((a, b) => a.start - b.start);
  const extracted: ExtractedFile = { imports, errors };
  if (fingerprint) extracted.fingerprint = fingerprint;
  return extracted;
}
