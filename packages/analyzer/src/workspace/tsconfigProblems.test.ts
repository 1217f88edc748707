import { afterEach, describe, expect, it } from 'vitest';
import { tempTree } from '../../../../tests/helpers/tree.js';
import { loadWorkspace } from './loadWorkspace.js';

let remove = () => {};
afterEach(() => remove());

describe('a tsconfig that extends a missing file', () => {
  it('says which ones a framework generates (SvelteKit, Nuxt) and how to get them', () => {
    const temp = tempTree({
      'package.json': { name: 'root', private: true, workspaces: ['apps/*'] },
      'apps/kit/package.json': { name: 'kit' },
      'apps/kit/tsconfig.json': { extends: './.svelte-kit/tsconfig.json' },
      'apps/plain/package.json': { name: 'plain' },
      'apps/plain/tsconfig.json': { extends: '../../config/base.json' },
    });
    remove = temp.remove;
    const problems = loadWorkspace(temp.root).problems;
    expect(problems.map((p) => [p.file, p.message])).toEqual([
      ['apps/kit/tsconfig.json', 'tsconfig extends "./.svelte-kit/tsconfig.json", which does not exist (a file a framework generates)'],
      ['apps/plain/tsconfig.json', 'tsconfig extends "../../config/base.json", which does not exist'],
    ]);
    expect(problems[0]?.hint).toMatch(/svelte-kit sync/);
  });
});

describe('a tsconfig that extends a path through node_modules before an install', () => {
  it('reads the workspace package the path links to (vercel/ai: ./node_modules/@vercel/ai-tsconfig/...)', () => {
    const temp = tempTree({
      'package.json': { name: 'root', private: true, workspaces: ['packages/*', 'tools/*'] },
      'tools/tsconfig/package.json': { name: '@acme/tsconfig' },
      'tools/tsconfig/library.json': { compilerOptions: { paths: { '#lib/*': ['./src/*'] } } },
      'packages/ai/package.json': { name: 'ai' },
      'packages/ai/tsconfig.json': { extends: './node_modules/@acme/tsconfig/library.json' },
    });
    remove = temp.remove;
    const workspace = loadWorkspace(temp.root);
    expect(workspace.problems).toEqual([]);
    expect(workspace.packages.get('ai')?.tsconfig?.paths).toEqual({ '#lib/*': ['./src/*'] });
  });
});
