import { createPackageLocator } from '@monorefactor/analyzer';
import { type FileMove, type ImportGraph, packageEdgeKey, type WorkspacePackage } from '@monorefactor/core';
import { createMoveContext, type MoveContext } from './moveContext.js';
import { tsconfigsWithMovedPaths } from './tsconfigPaths.js';

/**
 * Every file a move writes, from the graph alone: moved files (old and new paths), their importers,
 * the old package's barrels and whoever imports moved symbols through them, the new package's entry
 * when it takes over re-exports, the manifests whose dependencies or `exports` can change, and the
 * tsconfigs whose `references`/`paths` follow. Sorted. A superset where the graph cannot tell
 * (names reached through `export *`); `computeMoveChanges` never writes outside it.
 */
export function moveFootprint(graph: ImportGraph, files: FileMove[], fromPackage: string, toPackage: string): string[] {
  return footprintOf(createMoveContext(graph, files, fromPackage, toPackage));
}

export function footprintOf(ctx: MoveContext): string[] {
  const out = new Set<string>();
  for (const [from, to] of ctx.moves) out.add(from).add(to);
  for (const file of ctx.importers) out.add(file);
  for (const file of ctx.barrels) out.add(file);
  for (const file of ctx.barrelImporters) out.add(file);
  if (ctx.targetEntry) out.add(ctx.targetEntry);
  const manifests = manifestPackages(ctx);
  for (const pkg of manifests) out.add(manifestPath(pkg));
  const usesReferences = workspaceUsesReferences(ctx);
  if (usesReferences) for (const pkg of manifests) if (pkg.tsconfig?.file === ownTsconfig(pkg)) out.add(pkg.tsconfig.file);
  for (const { origin } of tsconfigsWithMovedPaths(ctx)) if (origin.type === 'file') out.add(origin.file);
  return [...out].sort();
}

export function manifestPath(pkg: WorkspacePackage): string {
  return pkg.dir === '.' ? 'package.json' : `${pkg.dir}/package.json`;
}

export function ownTsconfig(pkg: WorkspacePackage): string {
  return pkg.dir === '.' ? 'tsconfig.json' : `${pkg.dir}/tsconfig.json`;
}

export function workspaceUsesReferences(ctx: MoveContext): boolean {
  if ((ctx.workspace.tsconfig?.references.length ?? 0) > 0) return true;
  for (const pkg of ctx.workspace.packages.values()) if ((pkg.tsconfig?.references.length ?? 0) > 0) return true;
  return false;
}

/**
 * Packages whose manifest the move may write: the old and new package always (dependencies of the
 * moved code, `exports`), an importing package that lacks the new package or may stop using the
 * old one, and a third package a moved file reached by a relative path (it may need an `exports` entry).
 */
export function manifestPackages(ctx: MoveContext): WorkspacePackage[] {
  const { graph, workspace, from, to, moves } = ctx;
  const out = new Map<string, WorkspacePackage>([
    [from.name, from],
    [to.name, to],
  ]);
  // a move inside one package changes no importer's package: their manifests stay as they are
  const touched = ctx.cross ? new Set([...ctx.importers, ...ctx.barrelImporters]) : new Set<string>();
  const checked = new Set<string>();
  for (const file of touched) {
    const name = graph.modules.get(file)?.package;
    if (!name || out.has(name) || checked.has(name)) continue;
    checked.add(name);
    const pkg = workspace.packages.get(name);
    if (!pkg) continue;
    if (!pkg.dependencies.has(to.name)) {
      out.set(name, pkg);
      continue;
    }
    const edges = graph.packageEdges.get(packageEdgeKey(name, from.name))?.edges ?? [];
    if (pkg.dependencies.has(from.name) && edges.every((e) => moves.has(e.to) || ctx.barrels.has(e.to))) out.set(name, pkg);
  }
  const packageOf = createPackageLocator(workspace);
  for (const node of ctx.movedModules) {
    for (const edge of node.imports) {
      if (edge.target.type !== 'file' || moves.has(edge.target.path)) continue;
      if (!edge.specifier.startsWith('.') && edge.kind !== 'reference') continue;
      const owner = packageOf(edge.target.path);
      if (owner && !out.has(owner.name)) out.set(owner.name, owner);
    }
  }
  return [...out.values()];
}
