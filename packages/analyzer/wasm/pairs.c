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
static u32 table_bits, pairs_capacity;

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
  // Slots for half again as many shingles as there are (most repeat: a load well under 2/3).
  table_bits = 4;
  while ((1u << table_bits) < total + total / 2 + 16) table_bits++;
  pairs_capacity = files * 4 + 4096;
  // Fresh pages cost a fault each: the input and `last_file` areas are used again once indexed
  // (holder_files and pair_ids), so the module grows by ~30 bytes per shingle.
  u32 words = total + (files + 1) + files          // input (then holder_files)
              + total + (files + 1)                // ids, file_start
              + (1u << table_bits) + total * 2     // table, keys, last_file (then pair_ids)
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
  ids = take(&at, total);
  file_start = take(&at, files + 1);
  table = take(&at, 1u << table_bits);
  keys = take(&at, total);
  last_file = take(&at, total);
  holders = (u8 *)take(&at, total / 4 + 4);
  offsets = take(&at, total + 1);
  holder_files = sets;    // the input is read by index_shingles only
  pair_ids = last_file;   // last_file is index_shingles' own
  pair_start = take(&at, files + 1);
  shared = take(&at, files);
  touched = take(&at, files);
  filled = (u8 *)take(&at, total / 4 + 4);
  pairs_out = take(&at, pairs_capacity * 4);
  return (u32)sets;
}

/** The distinct shingles of every file as dense ids (first appearance order), and their holder counts. */
static u32 index_shingles(u32 files) {
  u32 mask = (1u << table_bits) - 1, distinct = 0, length = 0;
  for (u32 s = 0; s <= mask; s++) table[s] = 0;
  for (u32 file = 0; file < files; file++) {
    file_start[file] = length;
    for (u32 k = set_start[file]; k < set_start[file + 1]; k++) {
      u32 shingle = sets[k];
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
