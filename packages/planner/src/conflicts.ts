import type { PlannedMove } from '@monorefactor/core';

const GLOB = /[*?[\]{}!]/;

/**
 * Pairs of moves that cannot share a batch: their footprints overlap (a file both write, or a
 * file one moves and the other rewrites: moved files are in the footprint, old and new paths).
 * Agent tasks declare footprints as globs: two globs overlap when one's fixed directory prefix
 * contains the other's (`packages/agents/**` and `packages/agents/src/x.ts`).
 */
export function findConflicts(moves: PlannedMove[]): Map<string, Set<string>> {
  const conflicts = new Map<string, Set<string>>(moves.map((m) => [m.id, new Set<string>()]));
  const link = (a: string, b: string) => {
    if (a === b) return;
    conflicts.get(a)?.add(b);
    conflicts.get(b)?.add(a);
  };
  const writers = new Map<string, string[]>();
  const globs: { id: string; base: string }[] = [];
  for (const move of moves) {
    const touched = new Set([...move.footprint, ...move.files.flatMap((f) => [f.from, f.to])]);
    for (const entry of touched) {
      if (GLOB.test(entry)) globs.push({ id: move.id, base: staticBase(entry) });
      else writers.set(entry, [...(writers.get(entry) ?? []), move.id]);
    }
  }
  for (const ids of writers.values()) for (const a of ids) for (const b of ids) link(a, b);
  for (const glob of globs) {
    for (const other of globs) if (overlaps(glob.base, other.base)) link(glob.id, other.id);
    for (const [file, ids] of writers) if (overlaps(glob.base, file)) for (const id of ids) link(glob.id, id);
  }
  return conflicts;
}

/** The directory part of a glob before its first wildcard: `packages/a/src/**` -> `packages/a/src`. */
function staticBase(glob: string): string {
  const parts = glob.split('/');
  const fixed: string[] = [];
  for (const part of parts) {
    if (GLOB.test(part)) break;
    fixed.push(part);
  }
  return fixed.join('/');
}

function overlaps(a: string, b: string): boolean {
  return a === '' || b === '' || a === b || b.startsWith(`${a}/`) || a.startsWith(`${b}/`);
}
