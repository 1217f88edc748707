/**
 * The inverted index behind duplicate detection: which files share which token shingles. ~1M
 * shingles on a large repo, so everything is typed arrays indexed by dense ids (a Map of arrays,
 * or of pair keys, cost 100+ ms). Each pass is a function of its own: V8 optimises a hot loop on
 * entry (OSR), and a function of several loops was deoptimised at each next one.
 */

/** A shingle held by more files than this is boilerplate, not evidence of copying. */
const MAX_SHINGLE_FREQUENCY = 12;
/** Sampled shingles share their low bits: a multiplicative hash spreads them. */
const GOLDEN = 0x9e3779b1;

export interface ShingleIndex {
  files: number;
  /** Shingles of all files, repeats included. */
  total: number;
  /** Each distinct shingle by id, ids in order of first appearance. */
  keys: Uint32Array;
  distinct: number;
  /** Files holding each shingle, capped at 255. */
  holders: Uint8Array;
  /** Each file's distinct shingle ids: `ids[start[f]..start[f + 1]]`. */
  ids: Int32Array;
  start: Int32Array;
}

/** One pass over every shingle: a table sized by the distinct ones (it grows), not by all of them. */
export function indexShingles(sets: Uint32Array[]): ShingleIndex {
  let total = 0;
  for (const set of sets) total += set.length;
  let bits = 10;
  let mask = (1 << bits) - 1;
  let table: Int32Array = new Int32Array((mask + 1) * 2); // per slot: shingle, id + 1 (0: empty)
  let capacity = 1024;
  let keys = new Uint32Array(capacity);
  let holders = new Uint8Array(capacity);
  let lastFile = new Int32Array(capacity); // the last file that counted the shingle
  let distinct = 0;
  const ids = new Int32Array(total);
  const start = new Int32Array(sets.length + 1);
  let length = 0;
  for (let file = 0; file < sets.length; file++) {
    const set = sets[file] as Uint32Array;
    start[file] = length;
    for (let k = 0; k < set.length; k++) {
      const shingle = set[k] as number;
      let slot = Math.imul(shingle, GOLDEN) >>> (32 - bits);
      let id = (table[slot * 2 + 1] as number) - 1;
      while (id !== -1 && table[slot * 2] !== (shingle | 0)) {
        slot = (slot + 1) & mask;
        id = (table[slot * 2 + 1] as number) - 1;
      }
      if (id === -1) {
        id = distinct++;
        if (id === capacity) {
          capacity *= 2;
          keys = grow(keys, new Uint32Array(capacity));
          holders = grow(holders, new Uint8Array(capacity));
          lastFile = grow(lastFile, new Int32Array(capacity));
        }
        keys[id] = shingle;
        lastFile[id] = -1;
        if (distinct * 2 > mask + 1) {
          bits++;
          mask = (1 << bits) - 1;
          table = rehash(keys, distinct, bits);
        } else {
          table[slot * 2] = shingle | 0;
          table[slot * 2 + 1] = id + 1;
        }
      }
      if (lastFile[id] === file) continue;
      lastFile[id] = file;
      if ((holders[id] as number) < 255) holders[id] = (holders[id] as number) + 1;
      ids[length++] = id;
    }
  }
  start[sets.length] = length;
  return { files: sets.length, total, keys, distinct, holders, ids, start };
}

function rehash(keys: Uint32Array, distinct: number, bits: number): Int32Array {
  const mask = (1 << bits) - 1;
  const table = new Int32Array((mask + 1) * 2);
  for (let id = 0; id < distinct; id++) {
    const shingle = keys[id] as number;
    let slot = Math.imul(shingle, GOLDEN) >>> (32 - bits);
    while (table[slot * 2 + 1] !== 0) slot = (slot + 1) & mask;
    table[slot * 2] = shingle | 0;
    table[slot * 2 + 1] = id + 1;
  }
  return table;
}

function grow<T extends Uint32Array | Uint8Array | Int32Array>(array: T, bigger: T): T {
  bigger.set(array);
  return bigger;
}

/**
 * The shingles worth pairing on (held by 2..MAX_SHINGLE_FREQUENCY files): each one's files in
 * file order (`files[offsets[id]..offsets[id + 1]]`), and each file's such shingles
 * (`ids[start[f]..start[f + 1]]`), so pairing skips the rest.
 */
export interface Holders {
  offsets: Int32Array;
  files: Int32Array;
  ids: Int32Array;
  start: Int32Array;
}

export function holdersOf(index: ShingleIndex): Holders {
  const { holders, distinct } = index;
  const offsets = new Int32Array(distinct + 1);
  let next = 0;
  for (let id = 0; id < distinct; id++) {
    offsets[id] = next;
    const count = holders[id] as number;
    if (count >= 2 && count <= MAX_SHINGLE_FREQUENCY) next += count;
  }
  offsets[distinct] = next;
  const files = new Int32Array(next);
  const ids = new Int32Array(next);
  const start = new Int32Array(index.files + 1);
  const filled = new Uint8Array(distinct);
  let length = 0;
  for (let file = 0; file < index.files; file++) {
    start[file] = length;
    for (let k = index.start[file] as number; k < (index.start[file + 1] as number); k++) {
      const id = index.ids[k] as number;
      const count = holders[id] as number;
      if (count < 2 || count > MAX_SHINGLE_FREQUENCY) continue;
      files[(offsets[id] as number) + (filled[id] as number)] = file;
      filled[id] = (filled[id] as number) + 1;
      ids[length++] = id;
    }
  }
  start[index.files] = length;
  return { offsets, files, ids, start };
}

/**
 * Pairs of files a < b in different groups (packages) whose Jaccard similarity (shingles worth
 * pairing they share, over the union of their distinct shingles) is at least `threshold`.
 * Counted file by file in an array indexed by the other file, not in a Map of pair keys.
 */
export function similarPairs(index: ShingleIndex, holders: Holders, group: Int32Array, threshold: number): { a: number; b: number; similarity: number }[] {
  const { offsets, files, ids, start } = holders;
  const shared = new Int32Array(index.files);
  const touched: number[] = [];
  const out: { a: number; b: number; similarity: number }[] = [];
  for (let a = 0; a < index.files; a++) {
    const groupA = group[a] as number;
    for (let k = start[a] as number; k < (start[a + 1] as number); k++) {
      const id = ids[k] as number;
      for (let h = offsets[id] as number; h < (offsets[id + 1] as number); h++) {
        const b = files[h] as number;
        if (b <= a || group[b] === groupA) continue;
        if (shared[b] === 0) touched.push(b);
        shared[b] = (shared[b] as number) + 1;
      }
    }
    const sizeA = (index.start[a + 1] as number) - (index.start[a] as number);
    for (const b of touched) {
      const count = shared[b] as number;
      const similarity = count / (sizeA + ((index.start[b + 1] as number) - (index.start[b] as number)) - count);
      if (similarity >= threshold) out.push({ a, b, similarity });
      shared[b] = 0;
    }
    touched.length = 0;
  }
  return out;
}
