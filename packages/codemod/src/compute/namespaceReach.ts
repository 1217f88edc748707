import { type ImportEdge, isReexportKind } from '@monorefactor/core';
import { edgesTo } from '../footprint/moveContext.js';
import { namespaceReexportName } from '../text/bindingNames.js';
import { statementAtSpecifier } from '../text/moduleStatement.js';
import { namespaceUsedAsValue } from './namespaceImports.js';
import type { Session } from './session.js';

/** Why a direct barrel keeps its re-exports of moved modules: the namespace edge that reaches it. */
export interface NamespaceReach {
  /** The file holding the namespace (`export * as ns from` / `import * as ns`). */
  file: string;
  line: number;
  /** What that file does with the namespace, for the warning. */
  how: string;
}

/**
 * Direct barrels of the old package whose re-exports of moved modules must stay (pointing at the
 * new place) instead of being deleted: a namespace reaches them, itself or through the barrels
 * above that pass their names on. The codemod follows `ns.Moved` only for an `import * as ns` of a
 * barrel whose binding is used just for members; a namespace re-export (`export * as http from
 * './http/index.js'`, then `http.get` in an app), a namespace used as a value, or one imported by
 * another barrel keeps every member it had only if the barrel keeps the name.
 */
export function namespaceReachedBarrels(session: Session): Map<string, NamespaceReach> {
  const { ctx } = session;
  const reached = new Map<string, NamespaceReach>();
  for (const barrel of ctx.barrels) {
    const importers = [...(ctx.graph.modules.get(barrel)?.importedBy ?? [])].filter((file) => !ctx.moves.has(file)).sort();
    for (const importer of importers) {
      const edges = edgesTo(ctx.graph.modules.get(importer), barrel);
      const found = edges.map((edge) => ({ edge, how: holdsNamespace(session, importer, edge) })).find((e) => e.how !== undefined);
      if (found?.how === undefined) continue;
      reached.set(barrel, { file: importer, line: found.edge.line, how: found.how });
      break;
    }
  }
  const out = new Map<string, NamespaceReach>();
  if (reached.size === 0) return out;
  for (const direct of ctx.directBarrels) {
    const found = reachAbove(session, direct, reached);
    if (found) out.set(direct, found);
  }
  return out;
}

/** The first namespace reach of `barrel` or of a barrel that re-exports it, transitively. */
function reachAbove(session: Session, barrel: string, reached: Map<string, NamespaceReach>): NamespaceReach | undefined {
  const { ctx } = session;
  const seen = new Set([barrel]);
  const queue = [barrel];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    const found = reached.get(file);
    if (found) return found;
    for (const importer of ctx.graph.modules.get(file)?.importedBy ?? []) {
      if (seen.has(importer) || !ctx.barrels.has(importer)) continue;
      if (!edgesTo(ctx.graph.modules.get(importer), file).some((e) => isReexportKind(e.kind))) continue;
      seen.add(importer);
      queue.push(importer);
    }
  }
  return undefined;
}

/** How the edge binds the barrel's namespace in a way whose member uses are not rewritten, else undefined. */
function holdsNamespace(session: Session, importer: string, edge: ImportEdge): string | undefined {
  const reexported = 're-exports it as a namespace';
  if (edge.names.some((name) => namespaceReexportName(name) !== undefined)) return reexported;
  if (!edge.names.includes('*')) return undefined;
  const text = session.texts.get(importer);
  if (isReexportKind(edge.kind)) {
    // `['*']` on an export is `export * from` (or, from an analyzer before `'* as ns'`, maybe a namespace: read it)
    return text !== undefined && statementAtSpecifier(text, edge.start)?.namespace !== undefined ? reexported : undefined;
  }
  if (edge.kind !== 'import' && edge.kind !== 'import-type') return undefined;
  // another barrel's `import * as ns` is never split; a file's own is, unless `ns` is used as a value
  if (session.ctx.barrels.has(importer) || text === undefined) return 'imports it as a namespace';
  const statement = statementAtSpecifier(text, edge.start);
  return statement?.namespace !== undefined && namespaceUsedAsValue(text, statement) ? 'uses its namespace as a value' : undefined;
}
