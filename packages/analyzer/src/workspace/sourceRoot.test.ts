import { afterEach, describe, expect, it } from 'vitest';
import { type Tree, tempTree } from '../../../../tests/helpers/tree.js';
import { loadWorkspace } from './loadWorkspace.js';

let remove = () => {};
afterEach(() => remove());

function sourceRoots(tree: Tree): Record<string, string> {
  const temp = tempTree(tree);
  remove = temp.remove;
  return Object.fromEntries([...loadWorkspace(temp.root).packages.values()].map((p) => [p.name, p.sourceRoot]));
}

describe('a package source root', () => {
  it('is tsconfig rootDir inside the package, else src/, else the package folder', () => {
    expect(
      sourceRoots({
        'package.json': { name: 'root', private: true, workspaces: ['packages/*'] },
        // TanStack query's layout: rootDir "." so tests and configs compile, the code in src/.
        'packages/dot/package.json': { name: '@s/dot' },
        'packages/dot/tsconfig.json': { compilerOptions: { rootDir: '.', outDir: 'build' } },
        'packages/dot/src/index.ts': 'export {};',
        'packages/lib/package.json': { name: '@s/lib' },
        'packages/lib/tsconfig.json': { compilerOptions: { rootDir: 'lib' } },
        'packages/lib/lib/index.ts': 'export {};',
        'packages/flat/package.json': { name: '@s/flat' },
        'packages/flat/tsconfig.json': { compilerOptions: { rootDir: '.' } },
        'packages/flat/index.ts': 'export {};',
        'packages/plain/package.json': { name: '@s/plain' },
        'packages/plain/src/index.ts': 'export {};',
      }),
    ).toEqual({ '@s/dot': 'packages/dot/src', '@s/lib': 'packages/lib/lib', '@s/flat': 'packages/flat', '@s/plain': 'packages/plain/src' });
  });
});
