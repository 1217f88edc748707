import { joinRel, type TsconfigInfo } from '@monorefactor/core';

export interface PathsMatch {
  /** The file the first existing substitution names. */
  found?: string;
  /** Root-relative substitutions tried, when a key matched and none exists. */
  tried: string[];
  /**
   * A miss says nothing: the key is the bare `*` (it matches every package name) or a target is
   * in node_modules (`react` -> `node_modules/@types/react`), which is never installed here.
   */
  inconclusive: boolean;
}

/**
 * tsconfig `paths`: the exact key, else the `*` pattern with the longest prefix, each substitution
 * tried in order. Undefined when no key matches the specifier.
 */
export function matchTsPaths(tsconfig: TsconfigInfo, specifier: string, resolvePath: (rel: string) => string | undefined): PathsMatch | undefined {
  const { paths, pathsBase } = tsconfig;
  if (!paths || pathsBase === undefined) return undefined;
  let bestKey: string | undefined;
  let bestRest = '';
  if (Object.hasOwn(paths, specifier)) bestKey = specifier;
  else {
    for (const key of Object.keys(paths)) {
      const star = key.indexOf('*');
      if (star === -1) continue;
      const prefix = key.slice(0, star);
      const suffix = key.slice(star + 1);
      if (specifier.length < prefix.length + suffix.length || !specifier.startsWith(prefix) || !specifier.endsWith(suffix)) continue;
      if (bestKey === undefined || prefix.length > bestKey.indexOf('*')) {
        bestKey = key;
        bestRest = specifier.slice(prefix.length, specifier.length - suffix.length);
      }
    }
  }
  if (bestKey === undefined) return undefined;
  const tried: string[] = [];
  let inconclusive = bestKey === '*';
  const targets = paths[bestKey];
  for (const target of Array.isArray(targets) ? targets : []) {
    if (typeof target !== 'string') continue;
    const rel = joinRel(pathsBase, target.replace('*', bestRest));
    const found = resolvePath(rel);
    if (found) return { found, tried, inconclusive };
    tried.push(rel);
    if (/(?:^|\/)node_modules\//.test(rel)) inconclusive = true;
  }
  return { tried, inconclusive };
}
