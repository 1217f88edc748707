import { compareStrings, type DuplicateFinding, type ImportGraph, isReexportKind, type ModuleNode } from '@monorefactor/core';
import { holdersOf, indexShingles, similarPairs } from './shingleIndex.js';
import { type SimilarPair, similarPairsInWasm } from './similarPairsWasm.js';

/** Pairs at or above this Jaccard similarity of their token shingles are reported. */
export const DUPLICATE_THRESHOLD = 0.8;
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
  const candidates: ModuleNode[] = [];
  for (const node of graph.modules.values()) {
    if (node.fingerprint && node.package && !node.isTest && !/\.d\.[cm]?ts$/.test(node.path) && !TOOL_CONFIG.test(node.path) && !isBarrel(node))
      candidates.push(node);
  }
  const found: { files: string[]; similarity: number }[] = [];

  // Identical copies: one finding per set that spans packages; its first file stands for it below.
  const byHash = new Map<string, ModuleNode[]>();
  for (const node of candidates) {
    const hash = node.fingerprint?.hash as string;
    const list = byHash.get(hash);
    if (list) list.push(node);
    else byHash.set(hash, [node]);
  }
  const distinct: ModuleNode[] = [];
  for (const copies of byHash.values()) {
    if (copies.length > 1) copies.sort((a, b) => compareStrings(a.path, b.path));
    const first = copies[0] as ModuleNode;
    distinct.push(first);
    if (copies.some((node) => node.package !== first.package)) found.push({ files: copies.map((node) => node.path), similarity: 1 });
  }
  // Stand-ins in candidate order, as the shingle index numbers files.
  const standsIn = new Set(distinct);
  distinct.length = 0;
  for (const node of candidates) if (standsIn.has(node)) distinct.push(node);

  const packageIds = new Map<string | undefined, number>();
  const group = Int32Array.from(distinct, (node) => {
    const known = packageIds.get(node.package);
    if (known !== undefined) return known;
    packageIds.set(node.package, packageIds.size);
    return packageIds.size - 1;
  });
  const sets = distinct.map((node) => node.fingerprint?.shingles ?? EMPTY);
  const pairs = similarPairsInWasm(sets, group, DUPLICATE_THRESHOLD) ?? pairsInJavaScript(sets, group);
  const near = pairs.map((pair) => ({
    files: [(distinct[pair.a] as ModuleNode).path, (distinct[pair.b] as ModuleNode).path].sort(),
    similarity: Math.min(pair.similarity, 0.99),
  }));
  found.push(...near);
  // Most similar first; then by file paths, so the order never depends on hashing.
  found.sort(
    (x, y) =>
      y.similarity - x.similarity || compareStrings(x.files[0] as string, y.files[0] as string) || compareStrings(x.files[1] as string, y.files[1] as string),
  );
  return found.map((finding, i) => ({ id: `D${i + 1}`, files: finding.files, similarity: Math.floor(finding.similarity * 100) / 100 }));
}

/** The same pairs as `similarPairsInWasm`, counted in JavaScript (when the wasm module has no room). */
export function pairsInJavaScript(sets: Uint32Array[], group: Int32Array): SimilarPair[] {
  const index = indexShingles(sets);
  return similarPairs(index, holdersOf(index), group, DUPLICATE_THRESHOLD);
}

/** Nothing but re-exports (`export * from './x'` is 5 tokens): every package's barrel looks like every other's. */
function isBarrel(node: ModuleNode): boolean {
  let reexports = 0;
  for (const edge of node.imports) if (isReexportKind(edge.kind)) reexports++;
  return reexports > 0 && reexports === node.imports.length && (node.fingerprint?.tokens ?? 0) <= reexports * 16;
}
