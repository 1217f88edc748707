import { type Plan, type PlannedMove, RefactorError } from '@monorefactor/core';
import { findConflicts } from './conflicts.js';
import { inferDependencies } from './dependencies.js';

export interface PlanOptions {
  /** Most moves in one batch (default: unbounded). */
  maxBatch?: number;
  /** Moves already known to be impossible, carried into the plan for the report. */
  rejected?: { id: string; reason: string }[];
}

/**
 * Turn moves into batches a runner can execute in parallel: no two moves of a batch write the
 * same file, and every move comes after the moves it depends on. List scheduling: each round
 * takes the ready moves with the longest remaining chain first, skipping any that conflict with
 * one already chosen. Pure: no I/O.
 */
export function planBatches(moves: PlannedMove[], options: PlanOptions = {}): Plan {
  const maxBatch = options.maxBatch && options.maxBatch > 0 ? options.maxBatch : Number.POSITIVE_INFINITY;
  const byId = new Map(moves.map((m) => [m.id, m]));
  const deps = inferDependencies(moves);
  for (const [id, list] of deps) {
    for (const dep of list) if (!byId.has(dep)) throw new RefactorError('E_PLAN', `${id} depends on unknown move ${dep}`, { hint: 'fix dependsOn' });
  }
  const conflicts = findConflicts(moves);
  const cost = (id: string) => byId.get(id)?.cost ?? byId.get(id)?.footprint.length ?? 1;
  const chain = longestChains(moves, deps, cost);

  const placed = new Map<string, number>();
  const batches: string[][] = [];
  while (placed.size < moves.length) {
    const ready = moves
      .filter((m) => !placed.has(m.id) && (deps.get(m.id) ?? []).every((d) => placed.has(d)))
      .sort((a, b) => (chain.get(b.id) ?? 0) - (chain.get(a.id) ?? 0) || a.id.localeCompare(b.id, undefined, { numeric: true }));
    if (ready.length === 0) {
      const stuck = moves.filter((m) => !placed.has(m.id)).map((m) => m.id);
      throw new RefactorError('E_PLAN', `moves depend on each other in a cycle: ${stuck.join(', ')}`, { hint: 'remove one of the dependsOn links' });
    }
    const batch: string[] = [];
    for (const move of ready) {
      if (batch.length >= maxBatch) break;
      if (batch.some((other) => conflicts.get(move.id)?.has(other))) continue;
      batch.push(move.id);
    }
    for (const id of batch) placed.set(id, batches.length);
    batches.push(batch);
  }

  // Conflicting moves run in order too: they belong on the critical path like dependencies.
  const after = new Map<string, string[]>();
  for (const move of moves) {
    const preds = new Set(deps.get(move.id) ?? []);
    for (const other of conflicts.get(move.id) ?? []) if ((placed.get(other) ?? 0) < (placed.get(move.id) ?? 0)) preds.add(other);
    after.set(move.id, [...preds]);
  }
  const criticalPath = heaviestPath(moves, after, cost);
  const estimate = {
    sequential: moves.reduce((sum, m) => sum + cost(m.id), 0),
    parallel: batches.reduce((sum, batch) => sum + Math.max(0, ...batch.map(cost)), 0),
  };
  const plannedMoves = moves.map((m) => {
    const dependsOn = deps.get(m.id) ?? [];
    return dependsOn.length > 0 ? { ...m, dependsOn } : m;
  });
  const plan: Plan = { version: 1, moves: plannedMoves, batches, criticalPath, estimate };
  if (options.rejected?.length) plan.rejected = options.rejected;
  return plan;
}

/** Length (in cost) of the longest dependency chain starting at each move, for scheduling priority. */
function longestChains(moves: PlannedMove[], deps: Map<string, string[]>, cost: (id: string) => number): Map<string, number> {
  const dependents = new Map<string, string[]>();
  for (const [id, list] of deps) for (const d of list) dependents.set(d, [...(dependents.get(d) ?? []), id]);
  const memo = new Map<string, number>();
  const visit = (id: string, stack: Set<string>): number => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    if (stack.has(id)) return 0;
    stack.add(id);
    const value = cost(id) + Math.max(0, ...(dependents.get(id) ?? []).map((d) => visit(d, stack)));
    stack.delete(id);
    memo.set(id, value);
    return value;
  };
  for (const move of moves) visit(move.id, new Set());
  return memo;
}

/** The predecessor chain with the largest total cost. */
function heaviestPath(moves: PlannedMove[], preds: Map<string, string[]>, cost: (id: string) => number): string[] {
  const best = new Map<string, { total: number; path: string[] }>();
  const visit = (id: string): { total: number; path: string[] } => {
    const known = best.get(id);
    if (known) return known;
    best.set(id, { total: cost(id), path: [id] }); // guards against a malformed cycle
    let top = { total: 0, path: [] as string[] };
    for (const p of preds.get(id) ?? []) {
      const candidate = visit(p);
      if (candidate.total > top.total) top = candidate;
    }
    const result = { total: top.total + cost(id), path: [...top.path, id] };
    best.set(id, result);
    return result;
  };
  let winner = { total: 0, path: [] as string[] };
  for (const move of moves) {
    const candidate = visit(move.id);
    if (candidate.total > winner.total) winner = candidate;
  }
  return winner.path;
}
