import { realEdges } from '../footprint/moveContext.js';
import { indentationAt, newlineOf } from '../text/edits.js';
import { type ModuleStatement, statementAtSpecifier } from '../text/moduleStatement.js';
import { addEdit, type Session } from './session.js';

const IMPORT_FORMS = new Set(['import', 'import-type']);

/**
 * Add `entries` (`Moved`, `type T`, `a as b`, as they would be written in a new
 * `import { ... } from 'specifier'`) to an import of the same specifier the file already has,
 * instead of writing a second import of it. `typeOnly`: the new import would be `import type`.
 * False when there is no such import to extend (then the caller writes a new statement).
 */
export function mergeIntoExistingImport(
  session: Session,
  file: string,
  text: string,
  splitting: ModuleStatement,
  specifier: string,
  entries: string[],
  typeOnly: boolean,
): boolean {
  const target = existingImport(session, file, text, splitting, specifier, typeOnly || entries.every((e) => e.startsWith('type ')));
  const named = target?.named;
  if (!target || !named) return false;
  const present = new Set(named.entries.map((e) => e.local));
  const items = entries
    .map((entry) => (target.typeOnly ? entry.replace(/^type /, '') : typeOnly ? `type ${entry}` : entry))
    .filter((entry) => !present.has(localOf(entry)));
  if (items.length === 0) return true;
  const last = named.entries[named.entries.length - 1];
  if (!last) {
    addEdit(session, file, { start: named.open + 1, end: named.close, text: ` ${items.join(', ')} ` });
    return true;
  }
  const multiline = text.slice(named.open, named.close).includes('\n');
  const separator = multiline ? `,${newlineOf(text)}${indentationAt(text, last.start)}` : ', ';
  addEdit(session, file, { start: last.end, end: last.end, text: items.map((item) => separator + item).join('') });
  return true;
}

/** A static `import { ... } from 'specifier'` of the file that no other part of the move rewrites. */
function existingImport(
  session: Session,
  file: string,
  text: string,
  splitting: ModuleStatement,
  specifier: string,
  allTypes: boolean,
): ModuleStatement | undefined {
  const { ctx } = session;
  const node = ctx.graph.modules.get(file);
  if (!node) return undefined;
  const candidates: ModuleStatement[] = [];
  for (const edge of realEdges(node)) {
    if (edge.specifier !== specifier || !IMPORT_FORMS.has(edge.kind)) continue;
    // an import that is itself rewritten or split keeps its own edits
    if (edge.target.type === 'file' && (ctx.moves.has(edge.target.path) || ctx.barrels.has(edge.target.path))) continue;
    const statement = statementAtSpecifier(text, edge.start);
    if (!statement?.named || statement.keyword !== 'import' || statement.namespace || statement.start === splitting.start) continue;
    if (statement.typeOnly && !allTypes) continue;
    candidates.push(statement);
  }
  // types go to an `import type` when there is one
  return (allTypes ? candidates.find((s) => s.typeOnly) : undefined) ?? candidates[0];
}

/** The binding an entry creates: `b` for `a as b`, `T` for `type T`. */
function localOf(entry: string): string {
  const parts = entry.replace(/^type /, '').split(/\s+as\s+/);
  return (parts[parts.length - 1] ?? '').trim().replace(/^"|"$/g, '');
}
