import {
  type AnalysisResult,
  compareStrings,
  type Findings,
  type GraphModuleJson,
  type ImportGraph,
  type PackageSummary,
  type Resolution,
} from '@monorefactor/core';

/** The version-1 `analyze --json` document of a graph and its findings. */
export function toAnalysisResult(graph: ImportGraph, findings: Findings, options: { graph?: boolean } = {}): AnalysisResult {
  const files = new Map<string, number>();
  for (const node of graph.modules.values()) if (node.package) files.set(node.package, (files.get(node.package) ?? 0) + 1);
  const dependsOn = new Map<string, Set<string>>();
  const dependents = new Map<string, Set<string>>();
  for (const edge of graph.packageEdges.values()) {
    if (!dependsOn.has(edge.from)) dependsOn.set(edge.from, new Set());
    dependsOn.get(edge.from)?.add(edge.to);
    if (!dependents.has(edge.to)) dependents.set(edge.to, new Set());
    dependents.get(edge.to)?.add(edge.from);
  }
  const packages: PackageSummary[] = [...graph.workspace.packages.values()]
    .sort((a, b) => compareStrings(a.dir, b.dir))
    .map((pkg) => ({
      name: pkg.name,
      dir: pkg.dir,
      files: files.get(pkg.name) ?? 0,
      dependsOn: [...(dependsOn.get(pkg.name) ?? [])].sort(),
      dependents: [...(dependents.get(pkg.name) ?? [])].sort(),
    }));
  const result: AnalysisResult = { version: 1, root: graph.workspace.root, packages, stats: { ...graph.stats }, findings };
  if (options.graph) result.modules = [...graph.modules.values()].map(toModuleJson);
  return result;
}

function toModuleJson(node: ImportGraph['modules'] extends Map<string, infer M> ? M : never): GraphModuleJson {
  return {
    path: node.path,
    package: node.package ?? null,
    imports: node.imports.map((edge) => ({ specifier: edge.specifier, kind: edge.kind, resolved: describeResolution(edge.target), line: edge.line })),
  };
}

/** `packages/x/src/a.ts`, `external:react`, `builtin:node:fs`, `unresolved:<reason>`. */
export function describeResolution(target: Resolution): string {
  switch (target.type) {
    case 'file':
      return target.path;
    case 'external':
      return `external:${target.package}`;
    case 'builtin':
      return `builtin:${target.name}`;
    case 'unresolved':
      return `unresolved:${target.reason}`;
  }
}
