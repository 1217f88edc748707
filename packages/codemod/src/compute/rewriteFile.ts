import { isReexportKind } from '@monorefactor/core';
import { realEdges } from '../footprint/moveContext.js';
import { splitBarrelImport } from './barrelImports.js';
import type { BarrelPlan } from './barrels.js';
import { chooseSpecifier } from './chooseSpecifier.js';
import { addEdit, type EdgeAfter, type Session, warn } from './session.js';

/**
 * Rewrite one file's imports for the move (a moved file: all of them; an importer: those of moved
 * files and of barrels that passed on moved names) and record where each import leads afterwards.
 */
export function rewriteFile(session: Session, plan: BarrelPlan, file: string): void {
  const { ctx, world } = session;
  const node = ctx.graph.modules.get(file);
  if (!node) return;
  const text = session.texts.get(file);
  const fileAfter = ctx.moves.get(file) ?? file;
  if (text === undefined) {
    warn(session, `${file}: cannot read it; its imports were not rewritten`);
    return;
  }
  const moved = ctx.moves.has(file);
  const edges: EdgeAfter[] = [];
  const edited = new Set<number>();
  for (const edge of realEdges(node)) {
    const target = edge.target;
    if (target.type === 'external') {
      edges.push({ external: target.package });
      continue;
    }
    if (target.type === 'builtin') continue;
    if (target.type === 'unresolved') {
      if (moved && (edge.specifier.startsWith('.') || edge.kind === 'reference')) {
        warn(session, `${fileAfter}: '${edge.specifier}' (line ${edge.line}) did not resolve before the move (${target.reason}); left as written`);
      }
      continue;
    }
    const targetFile = target.path;
    if (ctx.directBarrels.has(file) && ctx.moves.has(targetFile) && isReexportKind(edge.kind)) {
      // removed by planBarrels; with --shim it still names the old path, now the shim; kept for a
      // namespace, it names the new package (which the old one then depends on)
      if (session.shim) edges.push({ workspacePackage: ctx.from.name });
      else if (plan.kept.has(file)) edges.push({ workspacePackage: ctx.to.name });
      continue;
    }
    if (ctx.barrels.has(targetFile) && !ctx.barrels.has(file)) {
      const split = splitBarrelImport(session, plan, file, edge, text);
      if (split.handled) {
        edges.push(...split.edges);
        if (!split.remaining) continue;
      }
    }
    const targetAfter = ctx.moves.get(targetFile) ?? targetFile;
    if (moved || ctx.moves.has(targetFile)) {
      const specifier = chooseSpecifier(session, {
        file,
        fileAfter,
        specifier: edge.specifier,
        kind: edge.kind,
        targetBefore: targetFile,
        target: targetAfter,
        names: edge.names,
      });
      if (specifier !== edge.specifier && !edited.has(edge.start)) {
        edited.add(edge.start);
        addEdit(session, file, { start: edge.start, end: edge.end, text: specifier });
        // MIGRATION.md tells consumers how to reach moved code: a moved file's own imports of code
        // that stays are no concern of theirs (its old specifier still leads where it did).
        if (ctx.moves.has(targetFile))
          session.specifierChanges.push({ file: fileAfter, from: edge.specifier, to: specifier, target: targetAfter, names: edge.names });
      }
    }
    edges.push({ workspacePackage: world.packageNameOf(targetAfter) });
  }
  session.edgesAfter.set(file, { file: fileAfter, isTest: node.isTest, edges });
}
