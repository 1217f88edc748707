import { matchingBrace, nextToken, type Token } from './lexer.js';

/** One entry of a `{ ... }` list: `type? imported as local` (for `export {} from`, `local` is the exported name). */
export interface NamedEntry {
  start: number;
  end: number;
  typeOnly: boolean;
  /** The name in the module the statement reads from (`default` included). */
  imported: string;
  /** The binding (import) or the exported name (export). */
  local: string;
}

/** A static `import ... from` / `export ... from` statement (or a local `export { }` list), with offsets. */
export interface ModuleStatement {
  keyword: 'import' | 'export';
  /** Offset of the keyword. */
  start: number;
  /** Offset after the statement (after `;` when there is one). */
  end: number;
  /** `import type` / `export type`. */
  typeOnly: boolean;
  defaultName?: string;
  /** `import * as ns` / `export * as ns`. */
  namespace?: string;
  /** `export * from`. */
  star: boolean;
  named?: { open: number; close: number; entries: NamedEntry[] };
  /** Specifier offsets inside the quotes; absent for a local `export { a, b }`. */
  spec?: { start: number; end: number; value: string; quote: string };
  semicolon: boolean;
}

/**
 * Parse the import/export statement whose specifier text starts at `specStart`: the keyword is
 * found by looking back for `import`/`export` and parsing forward until the parse lands on the
 * specifier. Undefined for forms that are not statements (`import()`, `require`) or cannot be read.
 */
export function statementAtSpecifier(source: string, specStart: number): ModuleStatement | undefined {
  const windowStart = Math.max(0, specStart - 8000);
  const text = source.slice(windowStart, specStart);
  const keywords = [...text.matchAll(/\b(?:import|export)\b/g)].map((m) => windowStart + (m.index ?? 0));
  for (let i = keywords.length - 1, tries = 0; i >= 0 && tries < 25; i--, tries++) {
    const at = keywords[i] as number;
    if (source[at - 1] === '.' || source[at - 1] === '$') continue;
    const parsed = parseModuleStatement(source, at);
    if (parsed?.spec?.start === specStart) return parsed;
  }
  return undefined;
}

/** Parse a static import/export statement starting at the keyword at `start`. */
export function parseModuleStatement(source: string, start: number): ModuleStatement | undefined {
  const keyword = nextToken(source, start);
  if (keyword.kind !== 'id' || (keyword.value !== 'import' && keyword.value !== 'export') || keyword.start !== start) return undefined;
  const statement: ModuleStatement = { keyword: keyword.value, start, end: keyword.end, typeOnly: false, star: false, semicolon: false };
  let tok = nextToken(source, keyword.end);
  if (tok.kind === 'id' && tok.value === 'type') {
    const after = nextToken(source, tok.end);
    const isModifier = after.value === '{' || after.value === '*' || (after.kind === 'id' && after.value !== 'from');
    if (isModifier) {
      statement.typeOnly = true;
      tok = after;
    }
  }
  if (statement.keyword === 'import') {
    if (tok.kind === 'str') return finish(source, statement, tok);
    if (tok.kind === 'id' && tok.value !== 'from') {
      const afterDefault = nextToken(source, tok.end);
      if (afterDefault.value === '=') return undefined; // import x = require()
      statement.defaultName = tok.value;
      tok = afterDefault;
      if (tok.value === ',') tok = nextToken(source, tok.end);
      else if (!(tok.kind === 'id' && tok.value === 'from')) return undefined;
    }
  }
  if (tok.value === '*') {
    const next = nextToken(source, tok.end);
    if (next.kind === 'id' && next.value === 'as') {
      const name = nextToken(source, next.end);
      if (name.kind !== 'id' && name.kind !== 'str') return undefined;
      statement.namespace = name.value;
      tok = nextToken(source, name.end);
    } else {
      if (statement.keyword === 'import') return undefined;
      statement.star = true;
      tok = next;
    }
  } else if (tok.value === '{') {
    const named = parseNamedList(source, tok);
    if (!named) return undefined;
    statement.named = named;
    tok = nextToken(source, named.close + 1);
  }
  if (tok.kind === 'id' && tok.value === 'from') {
    const spec = nextToken(source, tok.end);
    if (spec.kind !== 'str') return undefined;
    return finish(source, statement, spec);
  }
  if (statement.keyword === 'export' && statement.named && !statement.star && !statement.namespace) {
    // local export list: `export { a, b as c };`
    statement.end = statement.named.close + 1;
    if (tok.value === ';') {
      statement.end = tok.end;
      statement.semicolon = true;
    }
    return statement;
  }
  return undefined;
}

function parseNamedList(source: string, open: Token): ModuleStatement['named'] {
  const entries: NamedEntry[] = [];
  let tok = nextToken(source, open.end);
  while (tok.value !== '}') {
    if (tok.kind === 'eof') return undefined;
    const entryStart = tok.start;
    let typeOnly = false;
    if (tok.kind === 'id' && tok.value === 'type') {
      // TypeScript's reading: `type` | `type as` (type-only `as`) | `type as x` (`type` as x) |
      // `type as as` (`type` as `as`) | `type as as x` (type-only `as` as x) | `type X`
      const after = nextToken(source, tok.end);
      if (after.kind === 'id' && after.value === 'as') {
        const second = nextToken(source, after.end);
        if (second.value === ',' || second.value === '}') {
          entries.push({ start: entryStart, end: after.end, typeOnly: true, imported: 'as', local: 'as' });
          tok = second;
          if (tok.value === ',') tok = nextToken(source, tok.end);
          continue;
        }
        if (second.kind === 'id' && second.value === 'as') {
          const third = nextToken(source, second.end);
          if (third.kind === 'id' || third.kind === 'str') {
            entries.push({ start: entryStart, end: third.end, typeOnly: true, imported: 'as', local: third.value });
            tok = nextToken(source, third.end);
          } else {
            entries.push({ start: entryStart, end: second.end, typeOnly: false, imported: 'type', local: 'as' });
            tok = third;
          }
          if (tok.value === ',') tok = nextToken(source, tok.end);
          else if (tok.value !== '}') return undefined;
          continue;
        }
      } else if (after.kind === 'id' || after.kind === 'str') {
        typeOnly = true;
        tok = after;
      }
    }
    if (tok.kind !== 'id' && tok.kind !== 'str') return undefined;
    const imported = tok.value;
    let local = imported;
    let entryEnd = tok.end;
    tok = nextToken(source, tok.end);
    if (tok.kind === 'id' && tok.value === 'as') {
      const alias = nextToken(source, tok.end);
      if (alias.kind !== 'id' && alias.kind !== 'str') return undefined;
      local = alias.value;
      entryEnd = alias.end;
      tok = nextToken(source, alias.end);
    }
    entries.push({ start: entryStart, end: entryEnd, typeOnly, imported, local });
    if (tok.value === ',') tok = nextToken(source, tok.end);
    else if (tok.value !== '}') return undefined;
  }
  return { open: open.start, close: tok.start, entries };
}

function finish(source: string, statement: ModuleStatement, spec: Token): ModuleStatement {
  statement.spec = { start: spec.start + 1, end: spec.end - 1, value: spec.value, quote: source[spec.start] as string };
  let end = spec.end;
  let tok = nextToken(source, end);
  if (tok.kind === 'id' && (tok.value === 'with' || tok.value === 'assert')) {
    const open = nextToken(source, tok.end);
    if (open.value === '{') {
      const close = matchingBrace(source, open.start);
      if (close !== -1) {
        end = close;
        tok = nextToken(source, end);
      }
    }
  }
  if (tok.value === ';') {
    end = tok.end;
    statement.semicolon = true;
  }
  statement.end = end;
  return statement;
}
