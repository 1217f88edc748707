import type { ImportGraph, ModuleNode } from '@monorefactor/core';

/**
 * How two graphs differ, order aside: files, each file's imports with their resolution, reverse
 * index, package, syntax errors and fingerprint, package edges with the file edges behind them,
 * package entries, the workspace's packages and problems. Empty when they are the same graph; at
 * most `limit` lines. For checking an updated graph against a full rebuild.
 */
export function graphDifferences(a: ImportGraph, b: ImportGraph, limit = 20): string[] {
  const out: string[] = [];
  const report = (line: string) => {
    if (out.length < limit) out.push(line);
  };
  for (const [kind, left, right] of [
    ['module', moduleRecords(a), moduleRecords(b)],
    ['package edge', packageEdgeRecords(a), packageEdgeRecords(b)],
    ['package entries', entryRecords(a), entryRecords(b)],
    ['workspace', workspaceRecords(a), workspaceRecords(b)],
  ] as const) {
    for (const [key, value] of left) {
      const other = right.get(key);
      if (other === undefined) report(`${kind} ${key}: only in the first graph`);
      else if (other !== value) report(`${kind} ${key}: ${firstDifference(value, other)}`);
    }
    for (const key of right.keys()) if (!left.has(key)) report(`${kind} ${key}: only in the second graph`);
  }
  if (a.stats.files !== b.stats.files || a.stats.edges !== b.stats.edges)
    report(`stats: ${a.stats.files} files / ${a.stats.edges} edges vs ${b.stats.files} / ${b.stats.edges}`);
  return out;
}

function moduleRecords(graph: ImportGraph): Map<string, string> {
  const out = new Map<string, string>();
  for (const node of graph.modules.values()) out.set(node.path, JSON.stringify(moduleRecord(node)));
  return out;
}

function moduleRecord(node: ModuleNode): unknown {
  return {
    package: node.package ?? null,
    isTest: node.isTest,
    size: node.size,
    parseErrors: node.parseErrors,
    fingerprint: node.fingerprint ?? null,
    imports: node.imports.map((e) => JSON.stringify([e.specifier, e.kind, e.line, e.start, e.end, [...e.names].sort(), e.target])).sort(),
    importedBy: [...node.importedBy].sort(),
  };
}

function packageEdgeRecords(graph: ImportGraph): Map<string, string> {
  const out = new Map<string, string>();
  for (const edge of graph.packageEdges.values()) {
    const edges = edge.edges.map((e) => JSON.stringify([e.from, e.to, e.specifier, e.kind, e.line])).sort();
    out.set(`${edge.from} -> ${edge.to}`, JSON.stringify(edges));
  }
  return out;
}

function entryRecords(graph: ImportGraph): Map<string, string> {
  return new Map([...graph.packageEntries].map(([name, files]) => [name, JSON.stringify([...files].sort())]));
}

function workspaceRecords(graph: ImportGraph): Map<string, string> {
  const { workspace } = graph;
  const out = new Map<string, string>();
  for (const pkg of workspace.packages.values()) {
    const { name, dir, manifest, sourceRoot, tsconfig } = pkg;
    out.set(`package ${name}`, JSON.stringify({ dir, manifest, sourceRoot, tsconfig, dependencies: [...pkg.dependencies].sort() }));
  }
  out.set('root', JSON.stringify({ root: workspace.root, kind: workspace.kind, manifest: workspace.rootManifest, tsconfig: workspace.tsconfig }));
  out.set('problems', JSON.stringify(workspace.problems.map((p) => JSON.stringify(p)).sort()));
  return out;
}

/** Where two JSON texts part, with a little context. */
function firstDifference(left: string, right: string): string {
  let i = 0;
  while (i < left.length && left[i] === right[i]) i++;
  const from = Math.max(0, i - 40);
  return `…${left.slice(from, i + 60)}… vs …${right.slice(from, i + 60)}…`;
}
