import type { PlannedMove } from '@monorefactor/core';

/**
 * Pairs of moves that cannot share a batch: their footprints overlap (a file both write, or a
 * file one moves and the other rewrites: moved files are in the footprint, old and new paths).
 */
export function findConflicts(moves: PlannedMove[]): Map<string, Set<string>> {
  const writers = new Map<string, string[]>();
  for (const move of moves) {
    const touched = new Set([...move.footprint, ...move.files.flatMap((f) => [f.from, f.to])]);
    for (const file of touched) writers.set(file, [...(writers.get(file) ?? []), move.id]);
  }
  const conflicts = new Map<string, Set<string>>(moves.map((m) => [m.id, new Set<string>()]));
  for (const ids of writers.values()) {
    for (const a of ids) for (const b of ids) if (a !== b) conflicts.get(a)?.add(b);
  }
  return conflicts;
}
