import type { ImportGraph } from '@monorefactor/core';
import { namesPackage } from '../resolve/exportsMap.js';

export interface PublicApi {
  /** Each package's public files. */
  files: Map<string, Set<string>>;
  /** Packages whose entry re-exports none of their files: they are used file by file, by path. */
  byPath: Set<string>;
}

/**
 * Files that make up each package's public API: its entry files and everything they re-export
 * (`export * from`, `export { x } from`), transitively, inside the package. A package without
 * such a barrel (an empty `index.ts`, or none) is consumed by path (`@acme/ui/primitives/button`):
 * then every file another package imports by the package's name is public too.
 */
export function findPublicApi(graph: ImportGraph): PublicApi {
  const files = new Map<string, Set<string>>();
  const byPath = new Set<string>();
  for (const [name, entries] of graph.packageEntries) {
    const seen = new Set<string>(entries);
    const queue = [...entries];
    while (queue.length > 0) {
      const node = graph.modules.get(queue.pop() as string);
      if (!node) continue;
      for (const edge of node.imports) {
        if ((edge.kind !== 'export' && edge.kind !== 'export-type') || edge.target.type !== 'file') continue;
        const target = graph.modules.get(edge.target.path);
        if (target?.package !== name || seen.has(target.path)) continue;
        seen.add(target.path);
        queue.push(target.path);
      }
    }
    files.set(name, seen);
    if (seen.size === new Set(entries).size) byPath.add(name);
  }
  if (byPath.size > 0) {
    const dotted = hasDottedPackage(graph);
    for (const node of graph.modules.values()) {
      for (const edge of node.imports) {
        if (edge.target.type !== 'file' || (!dotted && edge.specifier.startsWith('.'))) continue;
        const owner = graph.modules.get(edge.target.path)?.package;
        if (!owner || owner === node.package || !byPath.has(owner)) continue;
        if (namesPackage(edge.specifier, owner)) files.get(owner)?.add(edge.target.path);
      }
    }
  }
  return { files, byPath };
}

/**
 * Whether a module belongs to a package whose name starts with a dot. Only then can a relative
 * specifier (`./x`, `../x`) name its package: otherwise an edge-by-edge search for imports by
 * package name skips most edges before looking up their target.
 */
function hasDottedPackage(graph: ImportGraph): boolean {
  for (const node of graph.modules.values()) if (node.package?.startsWith('.')) return true;
  return false;
}

/** Each package's public files (see `findPublicApi`). */
export function findPublicFiles(graph: ImportGraph): Map<string, Set<string>> {
  return findPublicApi(graph).files;
}
