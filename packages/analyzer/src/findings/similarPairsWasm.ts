import { instance } from '../parse/scanner.js';

export interface SimilarPair {
  a: number;
  b: number;
  similarity: number;
}

/**
 * `similarPairs` (shingleIndex.ts) run in the scanner's WebAssembly module (wasm/pairs.c): the
 * same index and pairs, ~4x faster than the typed-array JavaScript. Undefined when the module has
 * no room (memory cannot grow, or more pairs than it expects): the caller then counts in JavaScript.
 */
export function similarPairsInWasm(sets: readonly Uint32Array[], group: Int32Array, threshold: number): SimilarPair[] | undefined {
  const wasm = instance();
  let total = 0;
  for (const set of sets) total += set.length;
  const files = sets.length;
  const address = wasm.pairs_reserve(files, total);
  if (address === 0) return undefined;
  // Input: the shingles back to back, each file's start, each file's group.
  const memory = new Uint32Array(wasm.memory.buffer);
  let at = address >>> 2;
  const starts = new Uint32Array(files + 1);
  let offset = 0;
  for (let file = 0; file < files; file++) {
    const set = sets[file] as Uint32Array;
    starts[file] = offset;
    memory.set(set, at + offset);
    offset += set.length;
  }
  starts[files] = offset;
  at += align4(total);
  memory.set(starts, at);
  at += align4(files + 1);
  memory.set(group, at);
  const count = wasm.similar_pairs(files, threshold) >>> 0;
  if (count === 0xffffffff) return undefined;
  const out = new Uint32Array(wasm.memory.buffer, wasm.pairs_address(), count * 4);
  const pairs: SimilarPair[] = [];
  for (let i = 0; i < count; i++) {
    const shared = out[i * 4 + 2] as number;
    pairs.push({ a: out[i * 4] as number, b: out[i * 4 + 1] as number, similarity: shared / (out[i * 4 + 3] as number) });
  }
  return pairs;
}

/** u32s up to the next 16-byte boundary, as pairs.c lays its areas out. */
function align4(words: number): number {
  return (words + 3) & ~3;
}
