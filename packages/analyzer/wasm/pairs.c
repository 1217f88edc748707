// Near-duplicate candidates for findings/findDuplicates.ts: the inverted index of token shingles
// (which files hold which sampled shingle) and the pairs of files in different packages whose
// Jaccard similarity reaches a threshold. The same algorithm as findings/shingleIndex.ts (kept as
// the fallback), here because it touches every sampled shingle of the repo (~1M on 7,500 files).
//
// JavaScript writes the files' shingles back to back, each file's start and its group (package);
// `similar_pairs` writes [a, b, shared, union] per pair found.
#include "scanner.h"

#define MAX_SHINGLE_FREQUENCY 12
#define GOLDEN 0x9e3779b1u

static u32 *sets, *set_start, *group;     // input
static u32 *ids, *file_start;              // each file's distinct shingle ids
static u32 *table, *keys, *last_file;      // shingle -> id (open addressing; slot holds id + 1)
static u8 *holders;                        // files per id, capped at 255
static u32 *offsets, *holder_files, *pair_ids, *pair_start, *shared, *touched;
static u8 *filled;
static u32 *pairs_out;
static u32 table_bits, max_table_bits, pairs_capacity;

static u32 *take(u8 **at, u32 words) {
  u32 *p = (u32 *)*at;
  *at += ((words * 4 + 15) & ~15u);
  return p;
}

/**
 * Room for `files` files holding `total` shingles, after every other area of the module (they are
 * free again once the pairs are read). Returns the address of the input (shingles, then starts,
 * then groups), or 0 when memory cannot grow.
 */
EXPORT(pairs_reserve) u32 pairs_reserve(u32 files, u32 total) {
  u32 base = scanner_end();
  // Room for a table of slots for half again as many shingles as there are; it starts small and
  // grows with the distinct ones (index_shingles), so only the part in use is ever touched.
  max_table_bits = 4;
  while ((1u << max_table_bits) < total + total / 2 + 16) max_table_bits++;
  pairs_capacity = files * 4 + 4096;
  // Fresh pages cost a fault each (~10 µs on a small VM, more than the work on them), and only
  // touched pages count: each file's distinct ids are written over its input, and the table's
  // area holds holder_files and `last_file`'s pair_ids once indexed. What is touched grows with
  // the distinct shingles and the shared ones, not with the room reserved here.
  u32 words = total + (files + 1) + files          // input (then each file's ids)
              + (files + 1)                        // file_start
              + (1u << max_table_bits) + total * 2 // table (then holder_files), keys, last_file (then pair_ids)
              + (total / 4 + 4)                    // holders (bytes)
              + (total + 1) + (files + 1) + files * 2 // offsets, pair_start, shared, touched
              + (total / 4 + 4)                    // filled (bytes)
              + pairs_capacity * 4 + 64;
  u32 needed = base + 16 + words * 4;
  u32 have = (u32)__builtin_wasm_memory_size(0) * 65536u;
  if (needed > have && __builtin_wasm_memory_grow(0, (needed - have + 65535) / 65536) == (unsigned long)-1) return 0;
  u8 *at = (u8 *)((base + 15) & ~15u);
  sets = take(&at, total);
  set_start = take(&at, files + 1);
  group = take(&at, files);
  ids = sets;             // a file's distinct ids are never more than its shingles, read before
  file_start = take(&at, files + 1);
  table = take(&at, 1u << max_table_bits);
  keys = take(&at, total);
  last_file = take(&at, total);
  holders = (u8 *)take(&at, total / 4 + 4);
  offsets = take(&at, total + 1);
  holder_files = table;   // the table is index_shingles' own; it has room for every shingle
  pair_ids = last_file;   // so is last_file
  pair_start = take(&at, files + 1);
  shared = take(&at, files);
  touched = take(&at, files);
  filled = (u8 *)take(&at, total / 4 + 4);
  pairs_out = take(&at, pairs_capacity * 4);
  return (u32)sets;
}

/** The table at twice its slots, refilled with ids 0..distinct-1; its new mask. */
static u32 grow_table(u32 distinct) {
  table_bits++;
  u32 mask = (1u << table_bits) - 1;
  for (u32 s = 0; s <= mask; s++) table[s] = 0;
  for (u32 id = 0; id < distinct; id++) {
    u32 slot = (keys[id] * GOLDEN) >> (32 - table_bits);
    while (table[slot] != 0) slot = (slot + 1) & mask;
    table[slot] = id + 1;
  }
  return mask;
}

/** The distinct shingles of every file as dense ids (first appearance order), and their holder counts. */
static u32 index_shingles(u32 files) {
  table_bits = max_table_bits < 16 ? max_table_bits : 16;
  u32 mask = (1u << table_bits) - 1, distinct = 0, length = 0;
  for (u32 s = 0; s <= mask; s++) table[s] = 0;
  for (u32 file = 0; file < files; file++) {
    file_start[file] = length;
    // Read before `ids` (the same area) is written: length never passes k.
    u32 end = set_start[file + 1];
    for (u32 k = set_start[file]; k < end; k++) {
      u32 shingle = sets[k];
      // At half full, twice the slots (cleared and filled again from `keys`): at most 3/4 full below.
      if (distinct * 2 > mask && table_bits < max_table_bits) mask = grow_table(distinct);
      u32 slot = (shingle * GOLDEN) >> (32 - table_bits);
      u32 id;
      for (;;) {
        u32 entry = table[slot];
        if (entry == 0) {
          id = distinct++;
          table[slot] = id + 1;
          keys[id] = shingle;
          last_file[id] = 0xffffffffu;
          holders[id] = 0;
          break;
        }
        if (keys[entry - 1] == shingle) {
          id = entry - 1;
          break;
        }
        slot = (slot + 1) & mask;
      }
      if (last_file[id] == file) continue;
      last_file[id] = file;
      if (holders[id] < 255) holders[id]++;
      ids[length++] = id;
    }
  }
  file_start[files] = length;
  return distinct;
}

/** The shingles worth pairing on (held by 2..MAX_SHINGLE_FREQUENCY files): their files, and each file's such shingles. */
static void holders_of(u32 files, u32 distinct) {
  u32 next = 0;
  for (u32 id = 0; id < distinct; id++) {
    offsets[id] = next;
    filled[id] = 0;
    if (holders[id] >= 2 && holders[id] <= MAX_SHINGLE_FREQUENCY) next += holders[id];
  }
  offsets[distinct] = next;
  u32 length = 0;
  for (u32 file = 0; file < files; file++) {
    pair_start[file] = length;
    for (u32 k = file_start[file]; k < file_start[file + 1]; k++) {
      u32 id = ids[k];
      if (holders[id] < 2 || holders[id] > MAX_SHINGLE_FREQUENCY) continue;
      holder_files[offsets[id] + filled[id]++] = file;
      pair_ids[length++] = id;
    }
  }
  pair_start[files] = length;
}

/**
 * Pairs a < b in different groups whose similarity (shared shingles over the union of their
 * distinct ones) is at least `threshold`: [a, b, shared, union] each. The count, or AMBIGUOUS when
 * there are more than the room for them (the caller then counts in JavaScript).
 */
EXPORT(similar_pairs) u32 similar_pairs(u32 files, double threshold) {
  u32 distinct = index_shingles(files);
  holders_of(files, distinct);
  for (u32 f = 0; f < files; f++) shared[f] = 0;
  u32 found = 0;
  for (u32 a = 0; a < files; a++) {
    u32 touched_count = 0, group_a = group[a];
    for (u32 k = pair_start[a]; k < pair_start[a + 1]; k++) {
      u32 id = pair_ids[k];
      for (u32 h = offsets[id]; h < offsets[id + 1]; h++) {
        u32 b = holder_files[h];
        if (b <= a || group[b] == group_a) continue;
        if (shared[b] == 0) touched[touched_count++] = b;
        shared[b]++;
      }
    }
    u32 size_a = file_start[a + 1] - file_start[a];
    for (u32 t = 0; t < touched_count; t++) {
      u32 b = touched[t];
      u32 count = shared[b];
      u32 union_size = size_a + (file_start[b + 1] - file_start[b]) - count;
      shared[b] = 0;
      if ((double)count / (double)union_size < threshold) continue;
      if (found == pairs_capacity) return AMBIGUOUS;
      u32 *out = pairs_out + found * 4;
      out[0] = a;
      out[1] = b;
      out[2] = count;
      out[3] = union_size;
      found++;
    }
  }
  return found;
}

EXPORT(pairs_address) u32 pairs_address(void) { return (u32)pairs_out; }
