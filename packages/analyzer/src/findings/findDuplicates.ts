import type { DuplicateFinding, ImportGraph, ModuleNode } from '@monorefactor/core';

/** Pairs at or above this Jaccard similarity of their token shingles are reported. */
export const DUPLICATE_THRESHOLD = 0.8;
/** A shingle shared by more files than this is boilerplate, not evidence of copying. */
const MAX_SHINGLE_FREQUENCY = 12;
/** shingle * FILE_SLOTS + file index stays an exact double (2^32 * 2^21 = 2^53). */
const FILE_SLOTS = 2 ** 21;
/** Tool configs (`vite.config.ts`, `.eslintrc.js`) look alike by design: copying them is not a smell to fix. */
const TOOL_CONFIG = /(?:^|\/)(?:[^/]+\.config|\.?[a-z-]*rc)\.[cm]?[jt]s$/;

/**
 * Modules in different packages whose normalised token streams (identifiers and literals
 * replaced) are identical or nearly so. Files identical to each other are one finding, however
 * many packages hold a copy; near copies are reported in pairs, one file standing for each set
 * of identical ones. Candidates come from an inverted index of shingles, so the cost grows with
 * the number of similar pairs, not with files squared.
 */
export function findDuplicates(graph: ImportGraph): DuplicateFinding[] {
  const candidates = [...graph.modules.values()].filter(
    (node) => node.fingerprint && node.package && !node.isTest && !/\.d\.[cm]?ts$/.test(node.path) && !TOOL_CONFIG.test(node.path) && !isBarrel(node),
  );
  const found: { files: string[]; similarity: number }[] = [];

  // Identical copies: one finding per set that spans packages; its first file stands for it below.
  const byHash = new Map<string, ModuleNode[]>();
  for (const node of candidates) {
    const hash = node.fingerprint?.hash as string;
    const list = byHash.get(hash);
    if (list) list.push(node);
    else byHash.set(hash, [node]);
  }
  const standIn = new Map<ModuleNode, ModuleNode>();
  for (const copies of byHash.values()) {
    copies.sort((a, b) => a.path.localeCompare(b.path));
    const first = copies[0] as ModuleNode;
    for (const node of copies) standIn.set(node, first);
    if (copies.length > 1 && new Set(copies.map((node) => node.package)).size > 1) found.push({ files: copies.map((node) => node.path), similarity: 1 });
  }

  const distinct = candidates.filter((node) => standIn.get(node) === node);
  // Every (shingle, file) pair in one typed array sorted natively: a run of equal shingles is the
  // files sharing it. (A Map of ~1M shingles to arrays was most of this function's time.)
  const sizes = distinct.map((node) => node.fingerprint?.shingles.length ?? 0);
  const pairs = new Float64Array(sizes.reduce((sum, size) => sum + size, 0));
  let filled = 0;
  distinct.forEach((node, i) => {
    for (const shingle of node.fingerprint?.shingles ?? []) pairs[filled++] = shingle * FILE_SLOTS + i;
  });
  pairs.sort();
  const shared = new Map<number, number>();
  for (let start = 0; start < pairs.length; ) {
    const shingle = Math.floor((pairs[start] as number) / FILE_SLOTS);
    let end = start + 1;
    while (end < pairs.length && Math.floor((pairs[end] as number) / FILE_SLOTS) === shingle) end++;
    const run = end - start;
    if (run >= 2 && run <= MAX_SHINGLE_FREQUENCY) {
      for (let a = start; a < end; a++) {
        for (let b = a + 1; b < end; b++) {
          const key = ((pairs[a] as number) % FILE_SLOTS) * distinct.length + ((pairs[b] as number) % FILE_SLOTS);
          shared.set(key, (shared.get(key) ?? 0) + 1);
        }
      }
    }
    start = end;
  }
  for (const [key, count] of shared) {
    const i = Math.floor(key / distinct.length);
    const j = key % distinct.length;
    const a = distinct[i] as ModuleNode;
    const b = distinct[j] as ModuleNode;
    if (a.package === b.package) continue;
    const similarity = count / ((sizes[i] as number) + (sizes[j] as number) - count);
    if (similarity >= DUPLICATE_THRESHOLD) found.push({ files: [a.path, b.path].sort(), similarity: Math.min(similarity, 0.99) });
  }
  found.sort((x, y) => y.similarity - x.similarity || (x.files[0] as string).localeCompare(y.files[0] as string));
  return found.map((finding, i) => ({ id: `D${i + 1}`, files: finding.files, similarity: Math.floor(finding.similarity * 100) / 100 }));
}

/** Nothing but re-exports (`export * from './x'` is 5 tokens): every package's barrel looks like every other's. */
function isBarrel(node: ModuleNode): boolean {
  const reexports = node.imports.filter((edge) => edge.kind === 'export' || edge.kind === 'export-type').length;
  return reexports > 0 && reexports === node.imports.length && (node.fingerprint?.tokens ?? 0) <= reexports * 16;
}
