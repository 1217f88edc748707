import path from 'node:path';
import type { ImportKind, Resolution, Workspace } from '@monorefactor/core';
import { createUnsharedResolver, type ResolveFn } from '../resolve/createResolver.js';

/** Stands for "looked at the whole file set" (the set was iterated or sized): any change matters. */
export const SCAN = '\u0000*';

/**
 * The file set handed to the resolver, telling who asks: every `has(path)` is a path whose
 * presence the current resolution depends on. The resolver consults the disk only for paths it
 * first looked up here (assets), so these lookups are all a resolution's inputs besides the
 * workspace itself.
 */
class ProbingSet implements ReadonlySet<string> {
  constructor(
    private readonly inner: ReadonlySet<string>,
    private readonly probe: (file: string) => void,
  ) {}

  has(file: string): boolean {
    this.probe(file);
    return this.inner.has(file);
  }

  get size(): number {
    this.probe(SCAN);
    return this.inner.size;
  }

  forEach(callback: (value: string, key: string, set: ReadonlySet<string>) => void, thisArg?: unknown): void {
    this.probe(SCAN);
    for (const file of this.inner) callback.call(thisArg, file, file, this);
  }

  entries(): ReturnType<ReadonlySet<string>['entries']> {
    this.probe(SCAN);
    return this.inner.entries();
  }

  keys(): ReturnType<ReadonlySet<string>['keys']> {
    this.probe(SCAN);
    return this.inner.keys();
  }

  values(): ReturnType<ReadonlySet<string>['values']> {
    this.probe(SCAN);
    return this.inner.values();
  }

  [Symbol.iterator](): ReturnType<ReadonlySet<string>['values']> {
    return this.values();
  }
}

/**
 * One resolver over one file set that records, per (importer directory, specifier), the paths the
 * resolution looked up. The resolver caches on that pair (plus "is a reference"), so a cached
 * answer was computed under the same key here and its lookups are already recorded.
 */
export class ProbeSession {
  readonly resolve: ResolveFn;
  private readonly byKey = new Map<string, Set<string>>();
  private current: Set<string> | undefined;

  constructor(workspace: Workspace, files: ReadonlySet<string>) {
    const inner = createUnsharedResolver(workspace, new ProbingSet(files, (file) => this.current?.add(file)));
    this.resolve = (fromFile: string, specifier: string, kind: ImportKind): Resolution => {
      const key = probeKey(fromFile, specifier);
      let probes = this.byKey.get(key);
      if (!probes) {
        probes = new Set();
        this.byKey.set(key, probes);
      }
      const outer = this.current;
      this.current = probes;
      try {
        return inner(fromFile, specifier, kind);
      } finally {
        this.current = outer;
      }
    };
  }

  /** Every path the resolutions of `file`'s specifiers looked up in this session. */
  probesOf(file: string, specifiers: Iterable<string>): string[] {
    const out = new Set<string>();
    for (const specifier of specifiers) for (const probe of this.byKey.get(probeKey(file, specifier)) ?? []) out.add(probe);
    return [...out];
  }
}

function probeKey(fromFile: string, specifier: string): string {
  return `${path.posix.dirname(fromFile)}\u0000${specifier}`;
}
