import { type CycleFinding, compareStrings, type ImportGraph } from '@monorefactor/core';

/**
 * Package cycles: strongly connected components of the package graph (Tarjan), each with the
 * file edges between its packages that create it.
 */
export function findPackageCycles(graph: ImportGraph): CycleFinding[] {
  const adjacency = new Map<string, string[]>();
  for (const edge of graph.packageEdges.values()) {
    const list = adjacency.get(edge.from) ?? [];
    list.push(edge.to);
    adjacency.set(edge.from, list);
  }
  const components = stronglyConnected([...graph.workspace.packages.keys()].sort(), (node) => (adjacency.get(node) ?? []).sort());
  const cycles = components.filter((component) => component.length > 1).map((component) => component.sort());
  cycles.sort((a, b) => compareStrings(a[0] ?? '', b[0] ?? ''));
  return cycles.map((packages, index) => {
    const members = new Set(packages);
    const edges = [...graph.packageEdges.values()]
      .filter((edge) => members.has(edge.from) && members.has(edge.to))
      .flatMap((edge) => edge.edges.map((e) => ({ from: e.from, to: e.to, specifier: e.specifier, line: e.line, kind: e.kind })))
      .sort((a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to) || a.line - b.line);
    return { id: `C${index + 1}`, packages, edges };
  });
}

/** Iterative Tarjan: no recursion, so a long package chain cannot overflow the stack. */
export function stronglyConnected<T>(nodes: T[], next: (node: T) => T[]): T[][] {
  const index = new Map<T, number>();
  const low = new Map<T, number>();
  const onStack = new Set<T>();
  const stack: T[] = [];
  const result: T[][] = [];
  let counter = 0;
  for (const start of nodes) {
    if (index.has(start)) continue;
    const work: { node: T; children: T[]; i: number }[] = [];
    const open = (node: T) => {
      index.set(node, counter);
      low.set(node, counter);
      counter++;
      stack.push(node);
      onStack.add(node);
      work.push({ node, children: next(node), i: 0 });
    };
    open(start);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { node: T; children: T[]; i: number };
      if (frame.i < frame.children.length) {
        const child = frame.children[frame.i++] as T;
        if (!index.has(child)) open(child);
        else if (onStack.has(child)) low.set(frame.node, Math.min(low.get(frame.node) as number, index.get(child) as number));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node) as number, low.get(frame.node) as number));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: T[] = [];
        let member: T;
        do {
          member = stack.pop() as T;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        result.push(component);
      }
    }
  }
  return result;
}
