import { describe, expect, it } from 'vitest';
import { readModule } from '../parse/scanner.js';
import { DUPLICATE_THRESHOLD, pairsInJavaScript } from './findDuplicates.js';
import { similarPairsInWasm } from './similarPairsWasm.js';

/** A seeded generator (mulberry32), so the sets are the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `files` shingle sets in `groups` packages; every 7th file is a near copy (10% changed) of the one before. */
function shingleSets(files: number, groups: number, seed: number): { sets: Uint32Array[]; group: Int32Array } {
  const next = random(seed);
  const sets: Uint32Array[] = [];
  for (let f = 0; f < files; f++) {
    const previous = sets[f - 1];
    const size = 20 + Math.floor(next() * 300);
    const set =
      f % 7 === 6 && previous
        ? previous.map((value) => (next() < 0.1 ? (next() * 2 ** 32) >>> 0 : value))
        : Uint32Array.from({ length: size }, () => (next() * 2 ** 32) >>> 0);
    // Common boilerplate shingles every file holds (above the frequency cap: never evidence).
    set[0] = 1;
    set[1] = 2;
    sets.push(set);
  }
  return { sets, group: Int32Array.from({ length: files }, (_, f) => f % groups) };
}

describe('similarPairsInWasm: the shingle index and pairs in the scanner module', () => {
  it('finds the same pairs with the same similarity as the JavaScript version', () => {
    for (const [files, groups, seed] of [
      [300, 5, 1],
      [2000, 40, 2],
      [50, 1, 3],
    ] as const) {
      const { sets, group } = shingleSets(files, groups, seed);
      const wasm = similarPairsInWasm(sets, group, DUPLICATE_THRESHOLD);
      const js = pairsInJavaScript(sets, group);
      expect(wasm).toBeDefined();
      const key = (pair: { a: number; b: number; similarity: number }) => `${pair.a}-${pair.b}:${pair.similarity}`;
      expect(wasm?.map(key).sort()).toEqual(js.map(key).sort());
      // Planted copies in different packages are found; none within one package.
      if (groups > 1) expect(js.length).toBeGreaterThan(0);
      else expect(js).toEqual([]);
    }
  });

  it('works again after the module reads other files (its areas are reused)', () => {
    const { sets, group } = shingleSets(400, 8, 4);
    const first = similarPairsInWasm(sets, group, DUPLICATE_THRESHOLD);
    // A file larger than any before moves the scanner's areas over the pairs' memory.
    expect(readModule('big.ts', "import { a } from './a';\n".repeat(200_000))?.imports).toHaveLength(200_000);
    const again = similarPairsInWasm(sets, group, DUPLICATE_THRESHOLD);
    expect(again).toEqual(first);
  });
});
