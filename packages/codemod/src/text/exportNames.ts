import { parseModuleStatement } from './moduleStatement.js';

/** What a module exports, read from its top-level `export` lines. */
export interface ModuleExports {
  /** Exported names (`default` included). */
  names: Set<string>;
  /** `export * from '<spec>'` statements: offsets of their specifiers, to follow through the graph. */
  starSpecifiers: number[];
}

const DECLARATION =
  /^export\s+(?:declare\s+)?(default\s+)?(?:abstract\s+)?(?:async\s+)?(?:function\s*\*?|class|interface|type|enum|const\s+enum|namespace|module|const|let|var|using)\s+([A-Za-z_$][\w$]*)/;
const DESTRUCTURING = /^export\s+(?:declare\s+)?(?:const|let|var)\s+([{[])/;

/**
 * Exported names of a module: declarations (`export const a`, `export function f`, `export default`),
 * export lists (`export { a as b }`, `export * as ns from`), `export import X =`. Only statements that
 * start a line are read (top-level exports in formatted code do).
 */
export function scanExports(source: string): ModuleExports {
  const names = new Set<string>();
  const starSpecifiers: number[] = [];
  const lineStart = /^export\b/gm;
  for (const match of source.matchAll(lineStart)) {
    const at = match.index ?? 0;
    const head = source.slice(at, at + 300);
    const statement = parseModuleStatement(source, at);
    if (statement) {
      if (statement.star && statement.spec) starSpecifiers.push(statement.spec.start);
      if (statement.namespace) names.add(statement.namespace);
      for (const entry of statement.named?.entries ?? []) names.add(entry.local);
      continue;
    }
    const declaration = DECLARATION.exec(head);
    if (declaration) {
      names.add(declaration[1] ? 'default' : (declaration[2] as string));
      continue;
    }
    if (/^export\s+default\b/.test(head)) {
      names.add('default');
      continue;
    }
    const importEquals = /^export\s+import\s+([A-Za-z_$][\w$]*)\s*=/.exec(head);
    if (importEquals) {
      names.add(importEquals[1] as string);
      continue;
    }
    const destructuring = DESTRUCTURING.exec(head);
    if (destructuring) for (const name of destructuredNames(source, at + destructuring[0].length - 1)) names.add(name);
  }
  return { names, starSpecifiers };
}

/** Binding names of `{ a, b: c, ...d }` or `[a, , b]` starting at `open`. */
function destructuredNames(source: string, open: number): string[] {
  const close = source[open] === '{' ? '}' : ']';
  let depth = 0;
  let end = open;
  for (; end < source.length; end++) {
    const ch = source[end];
    if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) break;
    }
  }
  if (source[end] !== close) return [];
  const inner = source.slice(open + 1, end);
  const out: string[] = [];
  for (const part of inner.split(',')) {
    const target = part.includes(':') ? part.slice(part.indexOf(':') + 1) : part;
    const name = /^\s*(?:\.\.\.)?\s*([A-Za-z_$][\w$]*)/.exec(target.split('=')[0] ?? '');
    if (name) out.push(name[1] as string);
  }
  return out;
}
