import type { ImportKind, ModuleFingerprint } from '@monorefactor/core';
import { type ParseResult, parseSync, type StaticExport, type StaticImport } from 'oxc-parser';
import { fingerprintSource } from './fingerprint.js';
import { LineIndex } from './lineIndex.js';

/** An import as written in a file, before resolution. */
export interface RawImport {
  specifier: string;
  kind: ImportKind;
  line: number;
  /** Offsets of the specifier text inside its quotes. */
  start: number;
  end: number;
  names: string[];
}

export interface ExtractedFile {
  imports: RawImport[];
  errors: string[];
  fingerprint?: ModuleFingerprint;
}

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
/** Cheap pre-check: only files that may contain such calls pay for an AST walk. */
// Literal dynamic imports come from oxc's module record; only `import('m').T` type forms need the walk.
const NEEDS_WALK =
  /\brequire\s*[.(]|\b(?:vi|jest)\s*\.\s*\w+\s*\(|\btypeof\s+import\s*\(|\bimport\s*\(\s*['"`][^'"`]*['"`]\s*\)\s*[.<]|\bimport\s+\w+\s*=\s*require\b/;

/** Every import form of one file (DESIGN.md "Import forms"), with exact specifier offsets. */
export function extractImports(file: string, source: string, options: { fingerprint?: boolean } = {}): ExtractedFile {
  let result: ParseResult;
  try {
    result = parseSync(file, source, { sourceType: 'unambiguous', preserveParens: false });
  } catch (error) {
    return { imports: [], errors: [String((error as Error).message ?? error)] };
  }
  const lines = new LineIndex(source);
  const imports: RawImport[] = [];
  const errors = result.errors.filter((e) => e.severity === 'Error').map((e) => e.message);
  const module = result.module;
  for (const statement of module.staticImports) imports.push(fromStaticImport(statement, source, lines));
  for (const statement of module.staticExports) {
    const fromExport = fromStaticExport(statement, source, lines);
    if (fromExport) imports.push(fromExport);
  }
  const seen = new Set(imports.map((imp) => imp.start));
  if (NEEDS_WALK.test(source)) {
    walkCalls(result.program, source, lines, imports, seen);
  } else {
    for (const dynamic of module.dynamicImports) {
      const literal = readLiteral(source, dynamic.moduleRequest.start, dynamic.moduleRequest.end);
      if (literal && !seen.has(literal.start)) imports.push({ ...literal, kind: 'dynamic-import', line: lines.lineOf(literal.start), names: [] });
    }
  }
  for (const comment of result.comments) {
    if (comment.type !== 'Line' || !comment.value.startsWith('/')) continue;
    const match = /^\/\s*<reference\s+path\s*=\s*(["'])([^"']+)\1/.exec(comment.value);
    if (!match || match[2] === undefined) continue;
    const start = comment.start + 2 + (match.index + match[0].length - 1 - match[2].length);
    imports.push({ specifier: match[2], kind: 'reference', line: lines.lineOf(start), start, end: start + match[2].length, names: [] });
  }
  imports.sort((a, b) => a.start - b.start);
  const extracted: ExtractedFile = { imports, errors };
  if (options.fingerprint) {
    const fingerprint = fingerprintSource(source);
    if (fingerprint) extracted.fingerprint = fingerprint;
  }
  return extracted;
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
  const names = entries.map((entry) => (entry.importName.kind === 'Name' ? (entry.importName.name ?? '') : '*'));
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
