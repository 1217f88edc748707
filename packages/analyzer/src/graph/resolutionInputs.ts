import { DEPENDENCY_FIELDS, type PackageManifest, type TsconfigInfo, type Workspace } from '@monorefactor/core';

/**
 * The workspace as import resolution sees it, as one string: two workspaces with the same string
 * resolve every import the same way over the same files. Left out are only what resolution never
 * reads and a move edits all the time: dependency lists (findings read them from the new
 * workspace) and tsconfig project references. Everything else counts, so a manifest or tsconfig
 * edit the resolver might care about re-resolves every import rather than risk a stale one.
 */
export function resolutionInputs(workspace: Workspace): string {
  return JSON.stringify({
    root: workspace.root,
    kind: workspace.kind,
    rootManifest: withoutDependencies(workspace.rootManifest),
    tsconfig: withoutReferences(workspace.tsconfig),
    packages: [...workspace.packages.values()].map((pkg) => ({
      name: pkg.name,
      dir: pkg.dir,
      sourceRoot: pkg.sourceRoot,
      manifest: withoutDependencies(pkg.manifest),
      tsconfig: withoutReferences(pkg.tsconfig),
    })),
  });
}

function withoutDependencies(manifest: PackageManifest): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...manifest };
  for (const field of DEPENDENCY_FIELDS) delete copy[field];
  return copy;
}

function withoutReferences(tsconfig: TsconfigInfo | undefined): Omit<TsconfigInfo, 'references'> | undefined {
  if (!tsconfig) return undefined;
  const { references: _references, ...rest } = tsconfig;
  return rest;
}
