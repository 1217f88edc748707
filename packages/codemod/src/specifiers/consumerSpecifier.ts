import { createResolver, type ResolveFn, splitPackageSpecifier } from '@monorefactor/analyzer';
import type { TsconfigInfo, Workspace, WorkspacePackage } from '@monorefactor/core';
import type { Session } from '../compute/session.js';
import { takesNamespace } from '../text/bindingNames.js';
import { exportCandidates } from './exportsReverse.js';
import { deepPathSpecifier, entryReexports } from './packageSpecifier.js';

/** Where a consumer outside the repository imports from: no package of the workspace holds it. */
const OUTSIDE = '.refactor-consumer/index.ts';

/**
 * The specifier code outside the repository writes for `target` (post-move path) after the move, or
 * undefined when none reaches it (not in `exports`, behind `src/`, an app without an entry). Such
 * code has the packages as npm installs them: their manifests (with the `exports` entries the move
 * added), never this repository's tsconfig `paths`. Read-only: it adds no `exports` entry.
 */
export function consumerSpecifier(session: Session, resolve: ResolveFn, target: string, names: string[]): string | undefined {
  const { world } = session;
  const pkg = world.packageOf(target);
  if (!pkg) return undefined;
  const leads = (spec: string) => {
    const found = resolve(OUTSIDE, spec, 'import');
    return found.type === 'file' && found.path === target;
  };
  const exports = pkg.manifest.exports;
  for (const subpath of exportCandidates(pkg, exports, target)) {
    const spec = subpath === '.' ? pkg.name : pkg.name + subpath.slice(1);
    if (leads(spec)) return spec;
  }
  if (exports === undefined && leads(pkg.name)) return pkg.name;
  const entry = resolve(OUTSIDE, pkg.name, 'import');
  if (names.length > 0 && !takesNamespace(names) && entry.type === 'file' && entryReexports(session, pkg, target, names)) return pkg.name;
  const deep = exports === undefined ? deepPathSpecifier(pkg, target) : undefined;
  return deep !== undefined && leads(deep) ? deep : undefined;
}

/** A resolver over the post-move workspace as an outside consumer sees it: no tsconfig `paths` or `baseUrl`. */
export function consumerResolver(session: Session): ResolveFn {
  const { world } = session;
  const strip = ({ paths: _paths, pathsBase: _base, pathsFile: _file, baseUrl: _url, ...rest }: TsconfigInfo): TsconfigInfo => rest;
  const packages = new Map<string, WorkspacePackage>();
  for (const [name, { tsconfig, ...pkg }] of world.workspace.packages) packages.set(name, tsconfig ? { ...pkg, tsconfig: strip(tsconfig) } : pkg);
  const { tsconfig, ...rest } = world.workspace;
  const workspace: Workspace = tsconfig ? { ...rest, packages, tsconfig: strip(tsconfig) } : { ...rest, packages };
  return createResolver(workspace, world.files);
}

/** A specifier of a workspace package (`@p/x`), as opposed to a relative path, `#import` or tsconfig alias. */
export function isWorkspacePackageSpecifier(session: Session, specifier: string): boolean {
  if (specifier.startsWith('.') || specifier.startsWith('#') || specifier.startsWith('/')) return false;
  return session.world.workspace.packages.has(splitPackageSpecifier(specifier).name);
}
