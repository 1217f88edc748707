import { afterEach, describe, expect, it } from 'vitest';
import { type Tree, tempTree } from '../../../../tests/helpers/tree.js';
import { loadWorkspace } from './loadWorkspace.js';

let remove = () => {};
afterEach(() => remove());

function load(tree: Tree) {
  const temp = tempTree(tree);
  remove = temp.remove;
  return loadWorkspace(temp.root);
}

const packagesOf = (tree: Tree) => Object.fromEntries([...load(tree).packages.values()].map((p) => [p.name, p.dir]));

describe('workspace discovery beyond `workspaces`', () => {
  it('reads lerna.json `packages` when there are no workspaces (default packages/*)', () => {
    expect(
      packagesOf({
        'package.json': { name: 'root', private: true },
        'lerna.json': { version: 'independent', packages: ['modules/*'] },
        'modules/a/package.json': { name: '@l/a' },
        'packages/ignored/package.json': { name: '@l/ignored' },
      }),
    ).toEqual({ '@l/a': 'modules/a' });
    expect(packagesOf({ 'package.json': { name: 'root' }, 'lerna.json': { version: '1.0.0' }, 'packages/b/package.json': { name: '@l/b' } })).toEqual({
      '@l/b': 'packages/b',
    });
  });

  it('takes the project.json folders of an Nx workspace as packages, named by project.json', () => {
    const workspace = load({
      'package.json': { name: '@shop/source', private: true, dependencies: { react: '19.2.0' } },
      'nx.json': {},
      'apps/shop/project.json': { name: 'shop' },
      'libs/ui/project.json': { name: 'shared-ui' },
      'libs/ui/package.json': { name: '@shop/ui', dependencies: { clsx: '2' } },
      'dist/libs/ui/project.json': { name: 'built-copy' },
    });
    expect(Object.fromEntries([...workspace.packages.values()].map((p) => [p.name, p.dir]))).toEqual({ shop: 'apps/shop', '@shop/ui': 'libs/ui' });
    expect(workspace.packages.get('shop')?.dependencies.size).toBe(0);
    expect(workspace.problems).toEqual([]);
  });

  it('a package named after its folder is named (no problem)', () => {
    const workspace = load({ 'package.json': { private: true, workspaces: ['www', 'docs'] }, 'www/package.json': { name: 'www' }, 'docs/package.json': {} });
    expect([...workspace.packages.keys()].sort()).toEqual(['docs', 'www']);
    expect(workspace.problems).toEqual([{ file: 'docs/package.json', message: 'package has no "name"', hint: 'add a "name" so other packages can import it' }]);
  });

  it('a tsconfig rootDir above the package is not its source root', () => {
    const workspace = load({
      'package.json': { private: true, workspaces: ['packages/*'] },
      'packages/a/package.json': { name: '@t/a' },
      'packages/a/tsconfig.json': { compilerOptions: { rootDir: '../', outDir: './dist/types' } },
      'packages/a/index.ts': '',
      'packages/b/package.json': { name: '@t/b' },
      'packages/b/tsconfig.json': { compilerOptions: { rootDir: './lib' } },
      'packages/b/lib/index.ts': '',
    });
    expect(workspace.packages.get('@t/a')?.sourceRoot).toBe('packages/a');
    expect(workspace.packages.get('@t/b')?.sourceRoot).toBe('packages/b/lib');
  });
});
