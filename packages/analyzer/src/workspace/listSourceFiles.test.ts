import { afterEach, describe, expect, it } from 'vitest';
import { tempTree } from '../../../../tests/helpers/tree.js';
import { listSourceFiles } from './listSourceFiles.js';
import { loadWorkspace } from './loadWorkspace.js';

let remove = () => {};
afterEach(() => remove());

describe('listSourceFiles', () => {
  it('skips build output beside a package.json, but not source folders of the same names deeper down', () => {
    const temp = tempTree({
      'package.json': { name: 'root', private: true, workspaces: ['packages/*'] },
      'build/script.js': 'export {};\n',
      'packages/astro/package.json': { name: 'astro' },
      'packages/astro/dist/index.js': 'export {};\n',
      'packages/astro/build/index.js': 'export {};\n',
      'packages/astro/coverage/report.js': 'export {};\n',
      'packages/astro/node_modules/dep/index.js': 'export {};\n',
      'packages/astro/src/index.ts': 'export {};\n',
      // astro's own layout: src/core/build/ holds the build command's source.
      'packages/astro/src/core/build/index.ts': 'export {};\n',
      'packages/astro/src/core/out/writer.ts': 'export {};\n',
      'packages/astro/src/node_modules/vendored.ts': 'export {};\n',
    });
    remove = temp.remove;
    expect(listSourceFiles(loadWorkspace(temp.root)).files).toEqual([
      'packages/astro/src/core/build/index.ts',
      'packages/astro/src/core/out/writer.ts',
      'packages/astro/src/index.ts',
    ]);
  });
});
