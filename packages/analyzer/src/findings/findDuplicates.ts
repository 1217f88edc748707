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
    if (copies.length > 1) copies.sort((a, b) => a.path.localeCompare(b.path));
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
  const index = indexShingles(distinct.map((node) => node.fingerprint?.shingles ?? EMPTY));
  // Equal similarities of one file keep the order pairs had when they were counted slot by slot.
  const pairs = similarPairs(index, holdersOf(index), group).sort((x, y) => x.firstSlot - y.firstSlot || x.a - y.a || x.b - y.b);
  for (const pair of pairs) {
    const files = [(distinct[pair.a] as ModuleNode).path, (distinct[pair.b] as ModuleNode).path].sort();
    found.push({ files, similarity: Math.min(pair.similarity, 0.99) });
  }
  found.sort((x, y) => y.similarity - x.similarity || (x.files[0] as string).localeCompare(y.files[0] as string));
  return found.map((finding, i) => ({ id: `D${i + 1}`, files: finding.files, similarity: Math.floor(finding.similarity * 100) / 100 }));
}

/** Nothing but re-exports (`export * from './x'` is 5 tokens): every package's barrel looks like every other's. */
function isBarrel(node: ModuleNode): boolean {
  let reexports = 0;
  for (const edge of node.imports) if (edge.kind === 'export' || edge.kind === 'export-type') reexports++;
  return reexports > 0 && reexports === node.imports.length && (node.fingerprint?.tokens ?? 0) <= reexports * 16;
}

/**
 * Each file's distinct shingles as dense ids (`ids[start[f]..start[f + 1]]`), and per id how many
 * files hold it (capped at 255) and its table slot. One pass hashes every shingle into an
 * open-addressing table over typed arrays (~1M shingles on a large repo, where a Map of arrays
 * cost 100+ ms); everything after it reads ids, not the table. The passes are functions of their
 * own: V8 optimises a loop on entry (OSR), and one function of several loops deoptimised at each.
 */
interface ShingleIndex {
  files: number;
  ids: Int32Array;
  start: Int32Array;
  distinct: number;
  holders: Uint8Array;
  slotOf: Int32Array;
}

function indexShingles(sets: Uint32Array[]): ShingleIndex {
  let total = 0;
  for (const set of sets) total += set.length;
  // The table keeps the geometry it always had (twice the shingles, rounded up to a power of
  // two): its slot order is what orders pairs of equal similarity.
  const bits = Math.max(4, Math.ceil(Math.log2(total * 2 + 1)));
  const mask = (1 << bits) - 1;
  const keys = new Uint32Array(mask + 1);
  const slotIds = new Int32Array(mask + 1); // id + 1; 0 = empty slot
  let capacity = 1024;
  let slotOf: Int32Array = new Int32Array(capacity);
  let holders: Uint8Array = new Uint8Array(capacity);
  let lastFile: Int32Array = new Int32Array(capacity); // the last file that counted the shingle
  let distinct = 0;
  const ids = new Int32Array(total);
  const start = new Int32Array(sets.length + 1);
  let length = 0;
  for (let file = 0; file < sets.length; file++) {
    const set = sets[file] as Uint32Array;
    start[file] = length;
    for (let k = 0; k < set.length; k++) {
      const shingle = set[k] as number;
      // Sampled shingles share their low bits: spread them with a multiplicative hash.
      let slot = Math.imul(shingle, 0x9e3779b1) >>> (32 - bits);
      let id = (slotIds[slot] as number) - 1;
      while (id !== -1 && keys[slot] !== shingle) {
        slot = (slot + 1) & mask;
        id = (slotIds[slot] as number) - 1;
      }
      if (id === -1) {
        if (distinct === capacity) {
          capacity *= 2;
          slotOf = growInt32(slotOf, capacity);
          holders = growUint8(holders, capacity);
          lastFile = growInt32(lastFile, capacity);
        }
        id = distinct++;
        keys[slot] = shingle;
        slotIds[slot] = id + 1;
        slotOf[id] = slot;
        lastFile[id] = -1;
      }
      if (lastFile[id] === file) continue;
      lastFile[id] = file;
      if ((holders[id] as number) < 255) holders[id] = (holders[id] as number) + 1;
      ids[length++] = id;
    }
  }
  start[sets.length] = length;
  return { files: sets.length, ids, start, distinct, holders, slotOf };
}

/**
 * The shingles worth pairing on (held by 2..MAX_SHINGLE_FREQUENCY files): each one's files in
 * file order (`files[offsets[id]..offsets[id + 1]]`), and each file's such shingles
 * (`ids[start[f]..start[f + 1]]`), so pairing skips the rest.
 */
function holdersOf(index: ShingleIndex): { offsets: Int32Array; files: Int32Array; ids: Int32Array; start: Int32Array } {
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
 * Pairs of files a < b in different groups (packages) whose Jaccard similarity (shared worthwhile
 * shingles over the union of their distinct shingles) reaches DUPLICATE_THRESHOLD, with the first
 * table slot of a shingle they share. Counted file by file in an array indexed by the other file,
 * not in a Map of pair keys.
 */
function similarPairs(
  index: ShingleIndex,
  holders: ReturnType<typeof holdersOf>,
  group: Int32Array,
): { a: number; b: number; similarity: number; firstSlot: number }[] {
  const { offsets, files, ids, start } = holders;
  const { slotOf } = index;
  const size = (file: number) => (index.start[file + 1] as number) - (index.start[file] as number);
  const shared = new Int32Array(index.files);
  const firstSlot = new Int32Array(index.files).fill(0x7fffffff);
  const touched: number[] = [];
  const out: { a: number; b: number; similarity: number; firstSlot: number }[] = [];
  for (let a = 0; a < index.files; a++) {
    const groupA = group[a] as number;
    for (let k = start[a] as number; k < (start[a + 1] as number); k++) {
      const id = ids[k] as number;
      const slot = slotOf[id] as number;
      for (let h = offsets[id] as number; h < (offsets[id + 1] as number); h++) {
        const b = files[h] as number;
        if (b <= a || group[b] === groupA) continue;
        if (shared[b] === 0) touched.push(b);
        shared[b] = (shared[b] as number) + 1;
        if (slot < (firstSlot[b] as number)) firstSlot[b] = slot;
      }
    }
    for (const b of touched) {
      const count = shared[b] as number;
      const similarity = count / (size(a) + size(b) - count);
      if (similarity >= DUPLICATE_THRESHOLD) out.push({ a, b, similarity, firstSlot: firstSlot[b] as number });
      shared[b] = 0;
      firstSlot[b] = 0x7fffffff;
    }
    touched.length = 0;
  }
  return out;
}

function growInt32(array: Int32Array, capacity: number): Int32Array {
  const bigger = new Int32Array(capacity);
  bigger.set(array);
  return bigger;
}

function growUint8(array: Uint8Array, capacity: number): Uint8Array {
  const bigger = new Uint8Array(capacity);
  bigger.set(array);
  return bigger;
}
