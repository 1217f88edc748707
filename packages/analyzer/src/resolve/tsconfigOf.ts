import { existsSync } from 'node:fs';
import path from 'node:path';
import { dirnameRel, type TsconfigInfo, type Workspace, type WorkspacePackage } from '@monorefactor/core';
import { loadTsconfig } from '../workspace/loadTsconfig.js';

/**
 * The tsconfig that governs a file, as an editor finds it: the nearest `tsconfig.json` from the
 * file's folder up to its package that sets `paths` or `baseUrl` (a nested `client/tsconfig.json`
 * may declare its own aliases), else the package's, else the workspace root's.
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
  const nested = (dir: string, stop: string): TsconfigInfo | undefined => {
    if (dir === stop || dir === '.' || dir === '') return undefined;
    if (byDir.has(dir)) return byDir.get(dir);
    const file = path.join(workspace.root, dir, 'tsconfig.json');
    const own = existsSync(file) ? loadTsconfig(file, context) : undefined;
    // Only a config that changes resolution counts; a references-only one does not hide the package's.
    const found = own && (own.paths || own.baseUrl) ? own : nested(dirnameRel(dir), stop);
    byDir.set(dir, found);
    return found;
  };
  return (fromFile: string): TsconfigInfo | undefined => {
    const owner = packageOf(fromFile);
    const stop = owner?.dir ?? '.';
    return nested(dirnameRel(fromFile), stop) ?? owner?.tsconfig ?? workspace.tsconfig;
  };
}
