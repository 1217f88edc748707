/**
 * How the analyzer records an edge's `names`: `export * from` (a flat re-export of every name but
 * `default`) and `import * as ns` are `['*']`; `export * as ns from` is `['* as ns']`, one name that
 * holds the module's namespace and exposes none of its names at the top level.
 */

const NAMESPACE_REEXPORT = /^\* as (.+)$/;

/** The `ns` of a `'* as ns'` entry (an `export * as ns from`), else undefined. */
export function namespaceReexportName(name: string): string | undefined {
  return NAMESPACE_REEXPORT.exec(name)?.[1];
}

/** An `export` edge that passes on every name of its module at the top level (`export * from`). */
export function reexportsEveryName(names: readonly string[]): boolean {
  return names.includes('*');
}

/** The binding takes the module object itself (`import * as ns`, `export * as ns from`, `export * from`), not named members. */
export function takesNamespace(names: readonly string[]): boolean {
  return names.some((name) => name === '*' || namespaceReexportName(name) !== undefined);
}
