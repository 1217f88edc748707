import { existsSync } from 'node:fs';
import path from 'node:path';
import { dirnameRel, type TsconfigInfo, type Workspace, type WorkspacePackage } from '@monorefactor/core';
import { loadTsconfig } from '../workspace/loadTsconfig.js';

/**
 * The tsconfig that governs a file, as an editor finds it: the nearest `tsconfig.json` from the
 * file's folder up to its package that sets `paths`, `baseUrl` or `rootDirs` (a nested
 * `client/tsconfig.json` may declare its own aliases), else the package's, else the nearest one
 * above the package, else the workspace root's.
 */
export function createTsconfigLocator(workspace: Workspace, packageOf: (file: string) => WorkspacePackage | undefined) {
  const byDir = new Map<string, TsconfigInfo | undefined>();
  const context = {
    root: workspace.root,
    packageDir: (name: string) => {
      const pkg = workspace.packages.get(name);
      return pkg ? path.join(workspace.root, pkg.dir) : undefined;
    },
    // Problems of nested configs are not reported: the package's own tsconfig already is.
    problems: [],
  };
  // The listing saw every folder it walked: no disk check for those.
  const hasTsconfig = (dir: string): boolean => workspace.listedDirs?.get(dir) ?? existsSync(path.join(workspace.root, dir, 'tsconfig.json'));
  const nested = (dir: string, stop: string): TsconfigInfo | undefined => {
    if (dir === stop || dir === '.' || dir === '') return undefined;
    if (byDir.has(dir)) return byDir.get(dir);
    const own = hasTsconfig(dir) ? loadTsconfig(path.join(workspace.root, dir, 'tsconfig.json'), context) : undefined;
    // Only a config that changes resolution counts; a references-only one does not hide the package's.
    const found = own && (own.paths || own.baseUrl || own.rootDirs) ? own : nested(dirnameRel(dir), stop);
    byDir.set(dir, found);
    return found;
  };
  // A package without a tsconfig of its own is governed by the nearest one above it (vite's
  // playground/tsconfig.json for every playground/* package), as an editor finds it.
  const aboveDir = new Map<string, TsconfigInfo | undefined>();
  const above = (dir: string): TsconfigInfo | undefined => {
    if (dir === '.' || dir === '') return workspace.tsconfig;
    if (aboveDir.has(dir)) return aboveDir.get(dir);
    const found = (hasTsconfig(dir) ? loadTsconfig(path.join(workspace.root, dir, 'tsconfig.json'), context) : undefined) ?? above(dirnameRel(dir));
    aboveDir.set(dir, found);
    return found;
  };
  return (fromFile: string): TsconfigInfo | undefined => {
    const owner = packageOf(fromFile);
    const stop = owner?.dir ?? '.';
    return nested(dirnameRel(fromFile), stop) ?? owner?.tsconfig ?? (owner ? above(dirnameRel(owner.dir)) : workspace.tsconfig);
  };
}
