import type { DuplicateFinding, ImportGraph, ModuleNode } from '@monorefactor/core';

/** Pairs at or above this Jaccard similarity of their token shingles are reported. */
export const DUPLICATE_THRESHOLD = 0.8;
/** A shingle shared by more files than this is boilerplate, not evidence of copying. */
const MAX_SHINGLE_FREQUENCY = 12;

/**
 * Modules in different packages whose normalised token streams (identifiers and literals
 * replaced) are identical or nearly so. Candidates come from an inverted index of shingles,
 * so the cost grows with the number of similar pairs, not with files squared.
 */
export function findDuplicates(graph: ImportGraph): DuplicateFinding[] {
  const candidates = [...graph.modules.values()].filter((node) => node.fingerprint && node.package && !node.isTest && !/\.d\.[cm]?ts$/.test(node.path));
  const index = new Map<number, number[]>();
  candidates.forEach((node, i) => {
    for (const shingle of node.fingerprint?.shingles ?? []) {
      const list = index.get(shingle);
      if (list) list.push(i);
      else index.set(shingle, [i]);
    }
  });
  const shared = new Map<number, number>();
  for (const list of index.values()) {
    if (list.length < 2 || list.length > MAX_SHINGLE_FREQUENCY) continue;
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const key = (list[a] as number) * candidates.length + (list[b] as number);
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
  }
  const pairs: { a: ModuleNode; b: ModuleNode; similarity: number }[] = [];
  for (const [key, count] of shared) {
    const a = candidates[Math.floor(key / candidates.length)] as ModuleNode;
    const b = candidates[key % candidates.length] as ModuleNode;
    if (a.package === b.package) continue;
    const sizeA = a.fingerprint?.shingles.length ?? 0;
    const sizeB = b.fingerprint?.shingles.length ?? 0;
    const similarity = a.fingerprint?.hash === b.fingerprint?.hash ? 1 : count / (sizeA + sizeB - count);
    if (similarity >= DUPLICATE_THRESHOLD) pairs.push({ a, b, similarity });
  }
  pairs.sort((x, y) => y.similarity - x.similarity || x.a.path.localeCompare(y.a.path));
  return pairs.map((pair, i) => ({
    id: `D${i + 1}`,
    files: [pair.a.path, pair.b.path].sort(),
    similarity: Math.round(pair.similarity * 100) / 100,
  }));
}
