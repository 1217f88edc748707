import { dirnameRel, type Workspace, type WorkspacePackage } from '@monorefactor/core';

/** Returns the workspace package owning a root-relative file (deepest package dir wins). */
export function createPackageLocator(workspace: Workspace): (file: string) => WorkspacePackage | undefined {
  const byDir = new Map<string, WorkspacePackage>();
  for (const pkg of workspace.packages.values()) byDir.set(pkg.dir, pkg);
  const cache = new Map<string, WorkspacePackage | undefined>();
  const ofDir = (dir: string): WorkspacePackage | undefined => {
    if (cache.has(dir)) return cache.get(dir);
    const found = byDir.get(dir) ?? (dir === '.' || dir === '' ? undefined : ofDir(dirnameRel(dir)));
    cache.set(dir, found);
    return found;
  };
  return (file) => ofDir(dirnameRel(file));
}
