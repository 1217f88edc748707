import { compareStrings, type ImportGraph, type UnresolvedFinding } from '@monorefactor/core';

/** Every import whose target could not be found, with the resolver's reason. */
export function findUnresolved(graph: ImportGraph): UnresolvedFinding[] {
  const out: UnresolvedFinding[] = [];
  for (const node of graph.modules.values()) {
    for (const edge of node.imports) {
      if (edge.target.type === 'unresolved') out.push({ file: node.path, specifier: edge.specifier, reason: edge.target.reason, line: edge.line });
    }
  }
  return out.sort((a, b) => compareStrings(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0));
}
