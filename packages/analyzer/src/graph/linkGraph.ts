import { type ImportGraph, type ModuleNode, type PackageEdge, packageEdgeKey, type Workspace } from '@monorefactor/core';
import type { ResolveFn } from '../resolve/createResolver.js';

export interface Links {
  packageEntries: Map<string, string[]>;
  packageEdges: Map<string, PackageEdge>;
}

/**
 * What follows from resolved modules: the reverse index (filled into each node's empty
 * `importedBy`), the package edges and each package's entry files. A full build and an update
 * both derive them here, in module order, so they come out identical, order included.
 */
export function linkGraph(workspace: Workspace, modules: Map<string, ModuleNode>, resolve: ResolveFn): Links {
  const packageEdges = new Map<string, PackageEdge>();
  // The same package edges by importing package, then imported one: found without a joined key per import.
  const edgesFrom = new Map<string, Map<string, PackageEdge>>();
  for (const node of modules.values()) {
    const from = node.package;
    let edgesTo: Map<string, PackageEdge> | undefined;
    for (const edge of node.imports) {
      if (edge.target.type !== 'file') continue;
      const target = modules.get(edge.target.path);
      if (!target) continue;
      target.importedBy.add(node.path);
      const to = target.package;
      if (!from || !to || from === to) continue;
      if (!edgesTo) {
        edgesTo = edgesFrom.get(from) ?? new Map<string, PackageEdge>();
        edgesFrom.set(from, edgesTo);
      }
      let packageEdge = edgesTo.get(to);
      if (!packageEdge) {
        packageEdge = { from, to, edges: [] };
        edgesTo.set(to, packageEdge);
        packageEdges.set(packageEdgeKey(from, to), packageEdge);
      }
      packageEdge.edges.push({ from: node.path, to: target.path, specifier: edge.specifier, kind: edge.kind, line: edge.line });
    }
  }
  const packageEntries = new Map<string, string[]>();
  for (const pkg of workspace.packages.values()) {
    const subpaths = publicSubpaths(pkg.manifest.exports);
    const entries = new Set<string>();
    for (const subpath of subpaths) {
      const target = resolve(`${pkg.dir}/package.json`, subpath === '.' ? pkg.name : `${pkg.name}${subpath.slice(1)}`, 'import');
      if (target.type === 'file') entries.add(target.path);
    }
    packageEntries.set(pkg.name, [...entries].sort());
  }
  return { packageEntries, packageEdges };
}

/** Non-pattern subpaths a package exposes (`.` when it has no `exports`). */
function publicSubpaths(exports: unknown): string[] {
  if (exports === undefined || exports === null || typeof exports === 'string' || Array.isArray(exports)) return ['.'];
  const keys = Object.keys(exports as object);
  if (!keys.some((key) => key.startsWith('.'))) return ['.'];
  return keys.filter((key) => key.startsWith('.') && !key.includes('*') && !key.endsWith('/'));
}

/** The graph of resolved modules: linked (see `linkGraph`), with its stats. */
export function graphOf(workspace: Workspace, modules: Map<string, ModuleNode>, resolve: ResolveFn, started: number): ImportGraph {
  const { packageEntries, packageEdges } = linkGraph(workspace, modules, resolve);
  let edges = 0;
  for (const node of modules.values()) edges += node.imports.length;
  return { workspace, modules, packageEntries, packageEdges, stats: { files: modules.size, edges, ms: Math.round(performance.now() - started) } };
}
