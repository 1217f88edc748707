import type { ExportsField } from '@monorefactor/core';

/** Result of matching a subpath against a package's `exports` or `imports` map. */
export type ExportsMatch =
  /** Targets to try in order (conditions expanded, `*` substituted). */
  | { type: 'targets'; targets: string[] }
  /** The map exists but does not expose this subpath. */
  | { type: 'not-exported' };

/** How the importer loads the module: `import`/`import()` or `require()`, which pick different `exports` conditions. */
export type ModuleSystem = 'import' | 'require';

/** Conditions only the other module system matches. */
const OTHER_SYSTEM: Record<ModuleSystem, ReadonlySet<string>> = {
  import: new Set(['require']),
  require: new Set(['import', 'module']),
};

/**
 * Match `subpath` (`.`, `./utils/x`, `#internal/y`) against an `exports`/`imports` field as Node
 * does (exact keys, then the `*` pattern with the longest prefix), and expand conditions. Every
 * condition is kept, in order: the caller takes the first target that leads to a source file,
 * since a monorepo imports its packages' source whatever the build conditions say. Targets under
 * a condition only the other module system matches (`require` for an import, `import` for a
 * `require()`) come last: a dual package whose two builds come from different sources resolves
 * to the one Node would load, and to the other only when that one has no source.
 */
export function matchExports(field: ExportsField | undefined, subpath: string, system: ModuleSystem = 'import'): ExportsMatch {
  if (field === undefined) return { type: 'not-exported' };
  const map = toSubpathMap(field);
  if (!map) return { type: 'not-exported' };
  if (Object.hasOwn(map, subpath)) return expand(map[subpath] as ExportsField, undefined, system);
  let best: { key: string; rest: string } | undefined;
  for (const key of Object.keys(map)) {
    const star = key.indexOf('*');
    if (star === -1) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (subpath.length < key.length || !subpath.startsWith(prefix) || !subpath.endsWith(suffix)) continue;
    if (!best || comparePatternKeys(key, best.key) < 0) best = { key, rest: subpath.slice(prefix.length, subpath.length - suffix.length) };
  }
  if (!best) {
    // Legacy folder mappings: "./utils/": "./src/utils/"
    for (const key of Object.keys(map)) {
      if (key.endsWith('/') && subpath.startsWith(key)) {
        const value = map[key];
        if (typeof value === 'string') return { type: 'targets', targets: [value + subpath.slice(key.length)] };
      }
    }
    return { type: 'not-exported' };
  }
  return expand(map[best.key] as ExportsField, best.rest, system);
}

/** Node's PATTERN_KEY_COMPARE: longer prefix first, then longer key. */
function comparePatternKeys(a: string, b: string): number {
  const aStar = a.indexOf('*');
  const bStar = b.indexOf('*');
  if (aStar !== bStar) return bStar - aStar;
  return b.length - a.length;
}

function toSubpathMap(field: ExportsField): Record<string, ExportsField> | undefined {
  if (field === null) return undefined;
  if (typeof field === 'string' || Array.isArray(field)) return { '.': field };
  const keys = Object.keys(field);
  if (keys.length === 0) return undefined;
  const subpathKeys = keys.some((key) => key.startsWith('.') || key.startsWith('#'));
  return subpathKeys ? field : { '.': field };
}

function expand(value: ExportsField, star: string | undefined, system: ModuleSystem): ExportsMatch {
  const targets: string[] = [];
  const otherSystems: string[] = [];
  const other = OTHER_SYSTEM[system];
  let excluded = false;
  const visit = (v: ExportsField, into: string[]) => {
    if (v === null) {
      excluded = targets.length === 0 && otherSystems.length === 0;
      return;
    }
    if (typeof v === 'string') {
      into.push(star === undefined ? v : v.replaceAll('*', star));
      return;
    }
    if (Array.isArray(v)) {
      for (const item of v) visit(item, into);
      return;
    }
    for (const [condition, nested] of Object.entries(v)) {
      // Type-only conditions come first in most manifests; they still name the source's twin.
      if (condition === 'browser' || condition === 'react-native' || condition === 'deno') continue;
      visit(nested, other.has(condition) ? otherSystems : into);
    }
  };
  visit(value, targets);
  if (targets.length === 0 && otherSystems.length === 0 && excluded) return { type: 'not-exported' };
  return { type: 'targets', targets: [...new Set([...targets, ...otherSystems])] };
}

/** Split a bare specifier into its package name and the `./subpath` inside it (string scans: called per edge by several findings). */
export function splitPackageSpecifier(specifier: string): { name: string; subpath: string } {
  const end = packageNameEnd(specifier);
  if (end === -1) return { name: specifier, subpath: '.' };
  const rest = specifier.slice(end + 1);
  return { name: specifier.slice(0, end), subpath: rest ? `./${rest}` : '.' };
}

/** Whether `splitPackageSpecifier(specifier).name` is `name`, without slicing it out (asked per edge). */
export function namesPackage(specifier: string, name: string): boolean {
  const end = packageNameEnd(specifier);
  return (end === -1 ? specifier.length : end) === name.length && specifier.startsWith(name);
}

/** Where the package name of a bare specifier ends (the `/` after `@scope/name` or `name`), -1 when it is all name. */
function packageNameEnd(specifier: string): number {
  const first = specifier.indexOf('/');
  return first === -1 ? -1 : specifier.startsWith('@') ? specifier.indexOf('/', first + 1) : first;
}
