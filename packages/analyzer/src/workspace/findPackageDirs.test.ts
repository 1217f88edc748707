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

describe('workspace globs read without the glob library (`packages/*`, plain folders)', () => {
  it('finds what the glob finds: folders with a package.json, not dot folders, files or node_modules', () => {
    expect(
      packagesOf({
        'package.json': { name: 'root', private: true, workspaces: ['packages/*', 'tools/cli', 'missing/*'] },
        'packages/a/package.json': { name: '@w/a' },
        'packages/b/src/index.ts': 'export {};',
        'packages/.cache/package.json': { name: '@w/cache' },
        'packages/node_modules/package.json': { name: '@w/nm' },
        'packages/README.md': '# packages',
        'tools/cli/package.json': { name: '@w/cli' },
        'tools/other/package.json': { name: '@w/other' },
      }),
    ).toEqual({ '@w/a': 'packages/a', '@w/cli': 'tools/cli' });
  });

  it('leaves other patterns to the glob library: nested globs and negations', () => {
    expect(
      packagesOf({
        'package.json': { name: 'root', private: true, workspaces: ['packages/**', '!packages/legacy/*'] },
        'packages/a/package.json': { name: '@w/a' },
        'packages/group/b/package.json': { name: '@w/b' },
        'packages/legacy/old/package.json': { name: '@w/old' },
      }),
    ).toEqual({ '@w/a': 'packages/a', '@w/b': 'packages/group/b' });
  });
});

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
