import type { ImportGraph } from '@monorefactor/core';

/**
 * Files that make up each package's public API: its entry files and everything they re-export
 * (`export * from`, `export { x } from`), transitively, inside the package.
 */
export function findPublicFiles(graph: ImportGraph): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
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
    out.set(name, seen);
  }
  return out;
}
