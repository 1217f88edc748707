import path from 'node:path';
import type { PlannedMove } from '@monorefactor/core';

/**
 * Ordering constraints: the explicit `dependsOn`, plus "moves into a directory another move
 * creates" (the creator goes first, so the second move lands next to what already arrived).
 */
export function inferDependencies(moves: PlannedMove[]): Map<string, string[]> {
  const deps = new Map<string, string[]>(moves.map((m) => [m.id, [...(m.dependsOn ?? [])]]));
  const created = moves.map((m) => ({
    id: m.id,
    dirs: new Set(m.files.map((f) => path.posix.dirname(f.to))),
    existing: new Set(m.files.map((f) => path.posix.dirname(f.from))),
  }));
  for (const move of moves) {
    const targetDirs = new Set(move.files.map((f) => path.posix.dirname(f.to)));
    for (const other of created) {
      if (other.id === move.id || (deps.get(other.id) ?? []).includes(move.id)) continue;
      const createsOurDir = [...targetDirs].some((dir) => other.dirs.has(dir) && !other.existing.has(dir));
      // Only one direction: the move with the smaller id creates, the other follows.
      if (createsOurDir && other.id.localeCompare(move.id, undefined, { numeric: true }) < 0) {
        const list = deps.get(move.id) ?? [];
        if (!list.includes(other.id)) list.push(other.id);
        deps.set(move.id, list);
      }
    }
  }
  return deps;
}
