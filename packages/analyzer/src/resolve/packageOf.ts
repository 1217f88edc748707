import { dirnameRel, type Workspace, type WorkspacePackage } from '@monorefactor/core';

/** Returns the workspace package owning a root-relative file (deepest package dir wins). */
export function createPackageLocator(workspace: Workspace): (file: string) => WorkspacePackage | undefined {
  const byDir = new Map<string, WorkspacePackage>();
  for (const pkg of workspace.packages.values()) byDir.set(pkg.dir, pkg);
  // null: known to be outside every package (one lookup, not has() then get()).
  const cache = new Map<string, WorkspacePackage | null>();
  const ofDir = (dir: string): WorkspacePackage | undefined => {
    const known = cache.get(dir);
    if (known !== undefined) return known ?? undefined;
    const found = byDir.get(dir) ?? (dir === '.' || dir === '' ? undefined : ofDir(dirnameRel(dir)));
    cache.set(dir, found ?? null);
    return found;
  };
  return (file) => ofDir(dirnameRel(file));
}
