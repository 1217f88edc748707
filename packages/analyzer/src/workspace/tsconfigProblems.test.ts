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
