import type { Workspace } from '@monorefactor/core';
import { afterEach, describe, expect, it } from 'vitest';
import { type Tree, tempTree } from '../../../tests/helpers/tree.js';
import { typecheckPlan } from './typecheckPlan.js';

const trees: { remove(): void }[] = [];
afterEach(() => {
  for (const tree of trees.splice(0)) tree.remove();
});
function repo(files: Tree): string {
  const tree = tempTree(files);
  trees.push(tree);
  return tree.root;
}
/** Just what `typecheckPlan` reads of a workspace: the package folders. */
const workspace = (...dirs: string[]) => ({ packages: new Map(dirs.map((dir) => [dir, { dir }])) }) as unknown as Pick<Workspace, 'packages'>;

describe('typecheckPlan', () => {
  it('builds a solution-style root tsconfig (JSONC, extends) with tsc -b', () => {
    const root = repo({
      'tsconfig.json': '{\n  // solution\n  "extends": "./tsconfig.base.json",\n  "files": [],\n  "references": [{ "path": "packages/a" },],\n}\n',
      'tsconfig.base.json': { compilerOptions: { strict: true } },
    });
    expect(typecheckPlan(root, {})).toEqual({ command: 'npx --no-install tsc -b', build: true });
  });

  it('checks a root project without references with tsc --noEmit -p .', () => {
    const root = repo({ 'tsconfig.json': { include: ['src'] } });
    expect(typecheckPlan(root, {})).toEqual({ command: 'npx --no-install tsc --noEmit -p .', build: false });
  });

  it('prefers the config, then the typecheck script, to any tsconfig', () => {
    const root = repo({ 'tsconfig.json': { files: [], references: [{ path: 'a' }] }, 'package.json': { scripts: { typecheck: 'tsc -b' } } });
    expect(typecheckPlan(root, { typecheck: 'make types' })?.command).toBe('make types');
    expect(typecheckPlan(root, {})?.command).toBe('npm run -s typecheck');
    expect(typecheckPlan(root, { typecheck: false })).toBeUndefined();
  });

  it("without a root tsconfig, checks the packages' own and says so", () => {
    const root = repo({ 'packages/a/tsconfig.json': { include: ['src'] }, 'packages/b/tsconfig.json': { include: ['src'] }, 'packages/c/package.json': {} });
    const plan = typecheckPlan(root, {}, workspace('packages/b', 'packages/a', 'packages/c'));
    expect(plan?.command).toBe("npx --no-install tsc --noEmit -p 'packages/a' && npx --no-install tsc --noEmit -p 'packages/b'");
    expect(plan?.build).toBe(false);
    expect(plan?.note).toMatch(/no tsconfig\.json at the root: .* on 2 package tsconfigs/);
  });

  it('builds the packages when one references another', () => {
    const root = repo({ 'packages/a/tsconfig.json': { compilerOptions: { composite: true } }, 'packages/b/tsconfig.json': { references: [{ path: '../a' }] } });
    expect(typecheckPlan(root, {}, workspace('packages/a', 'packages/b'))).toMatchObject({
      command: "npx --no-install tsc -b 'packages/a' 'packages/b'",
      build: true,
    });
  });

  it('has nothing to run without any tsconfig', () => {
    expect(typecheckPlan(repo({ 'packages/a/package.json': {} }), {}, workspace('packages/a'))).toBeUndefined();
  });
});

describe('typecheckPlan reading a JSONC tsconfig', () => {
  it('sees references past a byte order mark, comments, trailing commas and strings that hold `//` or `,}`', () => {
    const text = '\uFEFF{ /* a */ "compilerOptions": { "baseUrl": "http://x//y", "outDir": "a,}" }, // b\n "references": [{ "path": "a" },], }';
    expect(typecheckPlan(repo({ 'tsconfig.json': text }), {})).toEqual({ command: 'npx --no-install tsc -b', build: true });
  });
});
