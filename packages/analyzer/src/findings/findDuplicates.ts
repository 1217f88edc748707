import type { DuplicateFinding, ImportGraph, ModuleNode } from '@monorefactor/core';

/** Pairs at or above this Jaccard similarity of their token shingles are reported. */
export const DUPLICATE_THRESHOLD = 0.8;
/** A shingle shared by more files than this is boilerplate, not evidence of copying. */
const MAX_SHINGLE_FREQUENCY = 12;
const EMPTY = new Uint32Array(0);
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
  const { sizes, shared } = sharedShingles(distinct.map((node) => node.fingerprint?.shingles ?? EMPTY));
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

/**
 * Each file's number of distinct shingles, and for each pair of files (key `a * files + b`,
 * a < b) the number of shingles both hold, counting only shingles held by 2..MAX_SHINGLE_FREQUENCY
 * files (a file's repeats of a shingle count once). An open-addressing table over typed
 * arrays: ~1M shingles on a large repo, where a Map of arrays (or sorting every pair) cost 100+ ms.
 */
function sharedShingles(sets: Uint32Array[]): { sizes: number[]; shared: Map<number, number> } {
  let total = 0;
  for (const set of sets) total += set.length;
  const bits = Math.max(4, Math.ceil(Math.log2(total * 2 + 1)));
  const mask = (1 << bits) - 1;
  const keys = new Uint32Array(mask + 1);
  const counts = new Uint16Array(mask + 1); // 0 = empty slot
  const lastFile = new Int32Array(mask + 1).fill(-1); // the last file counted in a slot
  // Sampled shingles share their low bits: spread them with a multiplicative hash.
  const slotOf = (shingle: number): number => {
    let slot = Math.imul(shingle, 0x9e3779b1) >>> (32 - bits);
    while (counts[slot] !== 0 && keys[slot] !== shingle) slot = (slot + 1) & mask;
    return slot;
  };
  const sizes = sets.map((set, file) => {
    let size = 0;
    for (let k = 0; k < set.length; k++) {
      const shingle = set[k] as number;
      const slot = slotOf(shingle);
      if (lastFile[slot] === file) continue;
      lastFile[slot] = file;
      size++;
      keys[slot] = shingle;
      if ((counts[slot] as number) < 0xffff) counts[slot] = (counts[slot] as number) + 1;
    }
    return size;
  });
  // Each interesting slot gets a range in one flat list of file indexes.
  const offsets = new Int32Array(mask + 2);
  let next = 0;
  for (let slot = 0; slot <= mask; slot++) {
    offsets[slot] = next;
    const count = counts[slot] as number;
    if (count >= 2 && count <= MAX_SHINGLE_FREQUENCY) next += count;
  }
  offsets[mask + 1] = next;
  const files = new Int32Array(next);
  const filled = new Uint8Array(mask + 1);
  lastFile.fill(-1);
  sets.forEach((set, file) => {
    for (let k = 0; k < set.length; k++) {
      const slot = slotOf(set[k] as number);
      const count = counts[slot] as number;
      if (count < 2 || count > MAX_SHINGLE_FREQUENCY || lastFile[slot] === file) continue;
      lastFile[slot] = file;
      files[(offsets[slot] as number) + (filled[slot] as number)] = file;
      filled[slot] = (filled[slot] as number) + 1;
    }
  });
  const shared = new Map<number, number>();
  for (let slot = 0; slot <= mask; slot++) {
    const count = counts[slot] as number;
    if (count < 2 || count > MAX_SHINGLE_FREQUENCY) continue;
    const start = offsets[slot] as number;
    for (let a = start; a < start + count; a++) {
      for (let b = a + 1; b < start + count; b++) {
        const key = (files[a] as number) * sets.length + (files[b] as number);
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
  }
  return { sizes, shared };
}
