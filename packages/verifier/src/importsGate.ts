import type { Findings } from '@monorefactor/core';

export interface ImportsGateResult {
  ok: boolean;
  problems: string[];
}

/**
 * Gate 1, on our own graph: compared with the findings before the batch, no import became
 * unresolved (nothing points at an old location), no new package cycle, no new undeclared
 * dependency.
 */
export function checkImports(before: Findings, after: Findings): ImportsGateResult {
  const problems: string[] = [];
  const unresolvedBefore = new Set(before.unresolved.map((u) => `${u.file}\u0000${u.specifier}`));
  for (const u of after.unresolved) {
    if (!unresolvedBefore.has(`${u.file}\u0000${u.specifier}`))
      problems.push(`${u.file}${u.line ? `:${u.line}` : ''}: "${u.specifier}" does not resolve (${u.reason})`);
  }
  const cycleKey = (packages: string[]) => [...packages].sort().join(' <-> ');
  const cyclesBefore = before.cycles.map((c) => new Set(c.packages));
  for (const cycle of after.cycles) {
    // A cycle is new unless an old one already contained all of its packages.
    if (!cyclesBefore.some((old) => cycle.packages.every((p) => old.has(p)))) {
      const edge = cycle.edges[0];
      problems.push(`new package cycle ${cycleKey(cycle.packages)}${edge ? ` (${edge.from} imports ${edge.specifier})` : ''}`);
    }
  }
  const undeclaredBefore = new Set(before.undeclared.map((u) => `${u.package}\u0000${u.dependency}`));
  for (const u of after.undeclared) {
    if (!undeclaredBefore.has(`${u.package}\u0000${u.dependency}`))
      problems.push(`${u.package} now imports ${u.dependency} without declaring it (${u.files[0] ?? ''})`);
  }
  return { ok: problems.length === 0, problems };
}
