import type { PackageUsage, Usages } from '../manifests/usage.js';

type Graph = Map<string, Map<string, string>>;

/**
 * Package cycles the move would create: for each package edge that exists only after the move,
 * a path back from its target to its source, unless the two were already in one cycle before.
 * Messages start with "would create package cycle" (the planner and executors refuse those moves).
 */
export function newCycleWarnings(usages: Usages): string[] {
  const before = toGraph(usages.before);
  const after = toGraph(usages.after);
  const warnings: string[] = [];
  const reported = new Set<string>();
  for (const [from, targets] of after) {
    for (const [to, file] of targets) {
      if (before.get(from)?.has(to)) continue;
      if (reaches(before, to, from) && reaches(before, from, to)) continue;
      const back = pathBetween(after, to, from);
      if (!back) continue;
      const cycle = [from, ...back];
      const key = [...new Set(cycle)].sort().join('\u0000');
      if (reported.has(key)) continue;
      reported.add(key);
      const members = cycle.length === 3 ? `${from} <-> ${to}` : cycle.join(' -> ');
      const steps = cycle.slice(0, -1).map((pkg, i) => {
        const next = cycle[i + 1] as string;
        return `${pkg} -> ${next} (${i === 0 ? file : after.get(pkg)?.get(next)})`;
      });
      warnings.push(`would create package cycle ${members}: ${steps.join('; ')}`);
    }
  }
  return warnings;
}

function toGraph(usage: Map<string, PackageUsage>): Graph {
  const graph: Graph = new Map();
  for (const [pkg, use] of usage) {
    const targets = new Map<string, string>();
    for (const [dep, info] of use.workspace) targets.set(dep, info.file);
    graph.set(pkg, targets);
  }
  return graph;
}

function reaches(graph: Graph, from: string, to: string): boolean {
  return pathBetween(graph, from, to) !== undefined;
}

/** Shortest package path from `from` to `to` (both included), breadth first. */
function pathBetween(graph: Graph, from: string, to: string): string[] | undefined {
  const previous = new Map<string, string>([[from, '']]);
  const queue = [from];
  while (queue.length > 0) {
    const current = queue.shift() as string;
    if (current === to) {
      const path = [to];
      let step = to;
      while (step !== from) {
        step = previous.get(step) as string;
        path.unshift(step);
      }
      return path;
    }
    for (const next of graph.get(current)?.keys() ?? []) {
      if (previous.has(next)) continue;
      previous.set(next, current);
      queue.push(next);
    }
  }
  return undefined;
}
