import { createPackageLocator } from '@monorefactor/analyzer';
import type { ImportGraph } from '@monorefactor/core';

/**
 * What a batch can affect: the packages it touched and every package that depends on them
 * (transitively), as directories, plus the test files in those packages.
 */
export function affectedScope(graph: ImportGraph, touched: string[]): { packages: string[]; dirs: string[]; testFiles: string[] } {
  const packageOf = createPackageLocator(graph.workspace);
  const affected = new Set<string>();
  for (const file of touched) {
    const pkg = packageOf(file);
    if (pkg) affected.add(pkg.name);
  }
  const dependents = new Map<string, string[]>();
  for (const edge of graph.packageEdges.values()) dependents.set(edge.to, [...(dependents.get(edge.to) ?? []), edge.from]);
  const queue = [...affected];
  while (queue.length > 0) {
    for (const dependent of dependents.get(queue.pop() as string) ?? []) {
      if (!affected.has(dependent)) {
        affected.add(dependent);
        queue.push(dependent);
      }
    }
  }
  const packages = [...affected].sort();
  const dirs = packages.map((name) => graph.workspace.packages.get(name)?.dir).filter((dir): dir is string => dir !== undefined && dir !== '.');
  const testFiles = [...graph.modules.values()].filter((node) => node.isTest && node.package && affected.has(node.package)).map((node) => node.path);
  return { packages, dirs, testFiles: testFiles.sort() };
}
