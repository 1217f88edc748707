import { createRequire } from 'node:module';
import type { ImportKind } from '@monorefactor/core';
import type { ParseResult, StaticExport, StaticImport } from 'oxc-parser';
import type { LineIndex } from './lineIndex.js';
import { HINT_IMPORT_CALL, HINT_MOCK, HINT_REQUIRE } from './scanner.js';
import type { RawImport } from './types.js';

/** Calls that take a module path: `require`, `require.resolve`, and test-runner mocks. */
const MOCK_METHODS = new Set([
  'mock',
  'doMock',
  'unmock',
  'doUnmock',
  'importActual',
  'importMock',
  'requireActual',
  'requireMock',
  'dontMock',
  'setMock',
  'createMockFromModule',
]);
const CALLS = /\brequire\s*[.(]|\bimport\s+(?:type\s+)?[\w$]+\s*=\s*require\b/;
// Only the module-path methods: `vi.fn(` and `vi.spyOn(` are in nearly every test file. With
// type arguments too: `vi.importMock<typeof M>('m')`.
const MOCKS =
  /\b(?:vi|jest)\s*\.\s*(?:mock|doMock|unmock|doUnmock|importActual|importMock|requireActual|requireMock|dontMock|setMock|createMockFromModule)\s*[(<]/;
const IMPORT_CALL = /\bimport\s*\(/g;
/** `import('m')` in a type position: `typeof import(`, `: import(`, `<import(`, or followed by `.x` / `<T>`. */
const TYPE_BEFORE = /(?:\btypeof|[:|&<,])\s*$/;
const TYPE_AFTER = /^\s*['"`][^'"`]*['"`]\s*\)\s*[.<]/;

/**
 * Cheap pre-check: only files that may contain calls taking a module path (require, test-runner
 * mocks, `import x = require()`) or `import()` in a type position pay for oxc's AST walk (the
 * es-module-lexer path does not see those). `hints` (from `scanSource`) says which of the
 * substrings `require`, `vi.`/`jest.`, `import(` occur at all: the regexes run only then.
 */
export function needsWalk(source: string, hints: number): boolean {
  if (hints & HINT_REQUIRE && CALLS.test(source)) return true;
  if (hints & HINT_MOCK && MOCKS.test(source)) return true;
  if (!(hints & HINT_IMPORT_CALL)) return false;
  IMPORT_CALL.lastIndex = 0;
  for (let match = IMPORT_CALL.exec(source); match !== null; match = IMPORT_CALL.exec(source)) {
    const before = source.slice(Math.max(0, match.index - 12), match.index);
    if (TYPE_BEFORE.test(before) || TYPE_AFTER.test(source.slice(match.index + match[0].length, match.index + match[0].length + 300))) return true;
  }
  return false;
}

// Loaded on first use: most files take the lexer path, and loading the native parser costs
// 20-50 ms per thread. (require() of this ES module is supported from Node 20.19.)
const requireHere = createRequire(import.meta.url);
let oxc: typeof import('oxc-parser') | undefined;

/** Every import form of one file (DESIGN.md "Import forms"), from oxc's full parse. */
export function oxcImports(file: string, source: string, lines: LineIndex, hints: number): { imports: RawImport[]; errors: string[] } {
  let result: ParseResult;
  try {
    oxc ??= requireHere('oxc-parser') as typeof import('oxc-parser');
    // A `.js` file may hold JSX (React apps, docs sites): parse it as JSX, a superset of JS here.
    const lang = file.endsWith('.js') ? { lang: 'jsx' as const } : {};
    result = oxc.parseSync(file, source, { sourceType: 'unambiguous', preserveParens: false, ...lang });
  } catch (error) {
    return { imports: [], errors: [String((error as Error).message ?? error)] };
  }
  const imports: RawImport[] = [];
  const errors = result.errors.filter((e) => e.severity === 'Error').map((e) => e.message);
  const module = result.module;
  for (const statement of module.staticImports) imports.push(fromStaticImport(statement, source, lines));
  for (const statement of module.staticExports) {
    const fromExport = fromStaticExport(statement, source, lines);
    if (fromExport) imports.push(fromExport);
  }
  const seen = new Set(imports.map((imp) => imp.start));
  if (needsWalk(source, hints)) {
    walkCalls(result.program, source, lines, imports, seen);
  } else {
    for (const dynamic of module.dynamicImports) {
      const literal = readLiteral(source, dynamic.moduleRequest.start, dynamic.moduleRequest.end);
      // oxc lists some dynamic imports twice (`({ a } = await import('./x'))`): one record each.
      if (!literal || seen.has(literal.start)) continue;
      seen.add(literal.start);
      imports.push({ ...literal, kind: 'dynamic-import', line: lines.lineOf(literal.start), names: [] });
    }
  }
  for (const comment of result.comments) {
    if (comment.type !== 'Line' || !comment.value.startsWith('/')) continue;
    const match = /^\/\s*<reference\s+path\s*=\s*(["'])([^"']+)\1/.exec(comment.value);
    if (!match || match[2] === undefined) continue;
    const start = comment.start + 2 + (match.index + match[0].length - 1 - match[2].length);
    imports.push({ specifier: match[2], kind: 'reference', line: lines.lineOf(start), start, end: start + match[2].length, names: [] });
  }
  return { imports, errors };
}

function fromStaticImport(statement: StaticImport, source: string, lines: LineIndex): RawImport {
  const request = statement.moduleRequest;
  const names = statement.entries.map((entry) =>
    entry.importName.kind === 'Name' ? (entry.importName.name ?? '') : entry.importName.kind === 'Default' ? 'default' : '*',
  );
  const typeOnly = statement.entries.length > 0 && statement.entries.every((entry) => entry.isType);
  // `import type X = require()` and `import type {} from` have no entries; read the keyword.
  const typeKeyword = statement.entries.length === 0 && /^import\s+type\s/.test(source.slice(statement.start, request.start));
  return {
    specifier: request.value,
    kind: typeOnly || typeKeyword ? 'import-type' : 'import',
    line: lines.lineOf(request.start + 1),
    start: request.start + 1,
    end: request.end - 1,
    names,
  };
}

function fromStaticExport(statement: StaticExport, _source: string, lines: LineIndex): RawImport | undefined {
  // `import { a } from './x'; export { a };` lists the local export with the import's module
  // request (and the import's statement span); in a real re-export the exported name comes before the `from` string.
  const first = statement.entries.find((entry) => entry.moduleRequest && entry.start < entry.moduleRequest.start);
  const request = first?.moduleRequest;
  if (!request) return undefined;
  const entries = statement.entries.filter((entry) => entry.moduleRequest?.start === request.start && entry.start < request.start);
  const names = entries.map((entry) => {
    if (entry.importName.kind === 'Name') return entry.importName.name ?? '';
    // `export * as ns from` (All; `export *` is AllButDefault): the module's names stay inside `ns`.
    if (entry.importName.kind === 'All') return `* as ${entry.exportName.kind === 'Default' ? 'default' : (entry.exportName.name ?? '')}`;
    return '*';
  });
  const typeOnly = statement.entries.every((entry) => entry.isType);
  return {
    specifier: request.value,
    kind: typeOnly ? 'export-type' : 'export',
    line: lines.lineOf(request.start + 1),
    start: request.start + 1,
    end: request.end - 1,
    names,
  };
}

/** A string literal (or a template literal without substitutions) spanning [start, end). */
function readLiteral(source: string, start: number, end: number): { specifier: string; start: number; end: number } | undefined {
  const quote = source[start];
  if ((quote !== '"' && quote !== "'" && quote !== '`') || source[end - 1] !== quote || end - start < 2) return undefined;
  const specifier = source.slice(start + 1, end - 1);
  if (quote === '`' && specifier.includes('${')) return undefined;
  if (specifier.includes('\\')) return undefined;
  return { specifier, start: start + 1, end: end - 1 };
}

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';
}

function walkCalls(program: unknown, source: string, lines: LineIndex, out: RawImport[], seen: Set<number>): void {
  const push = (literalNode: unknown, kind: ImportKind, names: string[] = []) => {
    if (!isNode(literalNode)) return;
    const literal = readLiteral(source, literalNode.start, literalNode.end);
    if (!literal || seen.has(literal.start)) return;
    seen.add(literal.start);
    out.push({ ...literal, kind, line: lines.lineOf(literal.start), names });
  };
  const stack: unknown[] = [program];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item === 'object' && item !== null) stack.push(item);
      continue;
    }
    if (!isNode(value)) continue;
    switch (value.type) {
      case 'ImportExpression':
        push(value.source, 'dynamic-import');
        break;
      case 'CallExpression':
        classifyCall(value, push);
        break;
      case 'TSImportEqualsDeclaration': {
        const ref = value.moduleReference;
        if (isNode(ref) && ref.type === 'TSExternalModuleReference') push(ref.expression, value.importKind === 'type' ? 'import-type' : 'import-equals');
        break;
      }
      case 'TSImportType': {
        const argument = value.argument;
        const literal = isNode(argument) && argument.type === 'TSLiteralType' ? argument.literal : (value.source ?? argument);
        push(literal, 'import-type');
        break;
      }
    }
    for (const key in value) {
      if (key === 'type' || key === 'start' || key === 'end' || key === 'range' || key === 'loc') continue;
      const child = value[key];
      if (typeof child === 'object' && child !== null) stack.push(child);
    }
  }
}

function classifyCall(call: Node, push: (literal: unknown, kind: ImportKind) => void): void {
  const callee = call.callee;
  const args = call.arguments;
  if (!isNode(callee) || !Array.isArray(args) || args.length === 0) return;
  const first = args[0];
  if (callee.type === 'Identifier' && callee.name === 'require') {
    push(first, 'require');
    return;
  }
  if (callee.type !== 'MemberExpression' || callee.computed) return;
  const object = callee.object;
  const property = callee.property;
  if (!isNode(object) || !isNode(property) || object.type !== 'Identifier') return;
  const method = property.name as string;
  if (object.name === 'require' && method === 'resolve') push(first, 'require-resolve');
  else if ((object.name === 'vi' || object.name === 'jest') && MOCK_METHODS.has(method)) push(first, 'mock');
}
