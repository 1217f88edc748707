import type { ImportGraph } from '@monorefactor/core';
import { SCAN } from './probeSession.js';

/**
 * For each file of a graph, the paths its imports' resolutions looked up, and the reverse. A file
 * must be resolved again exactly when one of those paths appeared, disappeared or changed.
 * Never mutated once attached: an update builds a new index and the old graph keeps its own.
 */
export interface ProbeIndex {
  byImporter: ReadonlyMap<string, readonly string[]>;
  importersOf: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Kept beside the graph rather than in it: the graph's shape is the core package's contract. */
const indexes = new WeakMap<ImportGraph, ProbeIndex>();

export function probeIndexOf(graph: ImportGraph): ProbeIndex | undefined {
  return indexes.get(graph);
}

export function attachProbeIndex(graph: ImportGraph, index: ProbeIndex): void {
  indexes.set(graph, index);
}

export function buildProbeIndex(probes: Map<string, readonly string[]>): ProbeIndex {
  const importersOf = new Map<string, Set<string>>();
  for (const [importer, paths] of probes) {
    for (const probed of paths) {
      let set = importersOf.get(probed);
      if (!set) {
        set = new Set();
        importersOf.set(probed, set);
      }
      set.add(importer);
    }
  }
  return { byImporter: probes, importersOf };
}

/**
 * The files whose resolutions depend on one of `paths` (or looked at the whole file set). Callers
 * pass every path whose presence or content may differ from the indexed graph.
 */
export function importersAffectedBy(index: ProbeIndex, paths: Iterable<string>): Set<string> {
  const out = new Set<string>(index.importersOf.get(SCAN) ?? []);
  for (const probed of paths) for (const importer of index.importersOf.get(probed) ?? []) out.add(importer);
  return out;
}

/**
 * A new index: `previous` without the entries of `dropped` files, plus `fresh` ones. Only the
 * reverse sets that change are copied, so an update costs what it touches, not the repo size.
 */
export function updateProbeIndex(previous: ProbeIndex, dropped: Iterable<string>, fresh: Map<string, readonly string[]>): ProbeIndex {
  const byImporter = new Map(previous.byImporter);
  const importersOf = new Map(previous.importersOf);
  const copied = new Set<string>();
  const writable = (probed: string): Set<string> => {
    const current = importersOf.get(probed);
    if (current && copied.has(probed)) return current as Set<string>;
    const copy = new Set(current);
    copied.add(probed);
    importersOf.set(probed, copy);
    return copy;
  };
  for (const importer of dropped) {
    for (const probed of byImporter.get(importer) ?? []) {
      const set = writable(probed);
      set.delete(importer);
      if (set.size === 0) importersOf.delete(probed);
    }
    byImporter.delete(importer);
  }
  for (const [importer, paths] of fresh) {
    byImporter.set(importer, paths);
    for (const probed of paths) writable(probed).add(importer);
  }
  return { byImporter, importersOf };
}
