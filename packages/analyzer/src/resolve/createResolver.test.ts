import type { ImportKind, Resolution, Workspace } from '@monorefactor/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Tree, tempTree } from '../../../../tests/helpers/tree.js';
import { listSourceFiles } from '../workspace/listSourceFiles.js';
import { loadWorkspace } from '../workspace/loadWorkspace.js';
import { createResolver, type ResolveFn } from './createResolver.js';

const file = (path: string): Resolution => ({ type: 'file', path });
const external = (name: string): Resolution => ({ type: 'external', package: name });
const builtin = (name: string): Resolution => ({ type: 'builtin', name });

interface Repo {
  workspace: Workspace;
  files: string[];
  resolve: (from: string, specifier: string, kind?: ImportKind) => Resolution;
}

/** Write `tree` to a temp dir, load it as a workspace, and resolve against its source files. */
function useRepo(tree: Tree): () => Repo {
  let repo: Repo | undefined;
  let remove = () => {};
  beforeAll(() => {
    const temp = tempTree(tree);
    remove = temp.remove;
    const workspace = loadWorkspace(temp.root);
    const { files } = listSourceFiles(workspace);
    const resolve: ResolveFn = createResolver(workspace, new Set(files));
    repo = { workspace, files, resolve: (from, specifier, kind = 'import') => resolve(from, specifier, kind) };
  });
  afterAll(() => remove());
  return () => {
    if (!repo) throw new Error('repo not loaded');
    return repo;
  };
}

const npmRoot = { name: 'root', private: true, workspaces: ['packages/*'] };

describe('a missing file in a generated dot-folder (found on starlight: ../.astro/types.d.ts)', () => {
  const repo = useRepo({
    'package.json': npmRoot,
    'packages/site/package.json': { name: 'site' },
    'packages/site/src/env.d.ts': '/// <reference path="../.astro/types.d.ts" />\n',
    'packages/site/src/index.ts': "import '../.svelte-kit/ambient';\n",
    'packages/site/.cache/keep.json': '{}',
  });

  it('says the folder is missing and may be generated, whatever the import form', () => {
    expect(repo().resolve('packages/site/src/env.d.ts', '../.astro/types.d.ts', 'reference')).toEqual({
      type: 'unresolved',
      reason: "no such file: packages/site/.astro/ does not exist (generated? run the framework's typegen or build step)",
    });
    expect(repo().resolve('packages/site/src/index.ts', '../.svelte-kit/ambient')).toMatchObject({
      reason: expect.stringMatching(/^no such file: packages\/site\/\.svelte-kit\/ does not exist/),
    });
  });

  it('is a plain miss when the dot-folder is there, or when no dot-folder is on the path', () => {
    expect(repo().resolve('packages/site/src/index.ts', '../.cache/gone')).toEqual({ type: 'unresolved', reason: 'no such file' });
    expect(repo().resolve('packages/site/src/index.ts', './gone')).toEqual({ type: 'unresolved', reason: 'no such file' });
  });
});

describe('relative imports (NodeNext and Bundler styles)', () => {
  const repo = useRepo({
    'package.json': npmRoot,
    'packages/a/package.json': { name: '@t/a', type: 'module' },
    'packages/a/src/index.ts': "export * from './util.js';",
    'packages/a/src/util.ts': 'export const u = 1;',
    'packages/a/src/view.tsx': 'export const V = 1;',
    'packages/a/src/esm.mts': 'export const e = 1;',
    'packages/a/src/common.cts': 'export const c = 1;',
    'packages/a/src/plain.js': 'export const p = 1;',
    'packages/a/src/types.d.ts': 'export type T = 1;',
    'packages/a/src/dir/index.ts': 'export const d = 1;',
    'packages/a/src/data.json': '{}',
    // compiled in place: the .ts source and its .js output side by side
    'packages/a/src/both.ts': 'export const b = 1;',
    'packages/a/src/both.js': 'export const b = 1;',
  });
  const from = 'packages/a/src/index.ts';

  it('a `.js` specifier names the `.ts` / `.tsx` source (NodeNext)', () => {
    expect(repo().resolve(from, './util.js')).toEqual(file('packages/a/src/util.ts'));
    expect(repo().resolve(from, './view.js')).toEqual(file('packages/a/src/view.tsx'));
    expect(repo().resolve(from, './view.jsx')).toEqual(file('packages/a/src/view.tsx'));
    expect(repo().resolve(from, './esm.mjs')).toEqual(file('packages/a/src/esm.mts'));
    expect(repo().resolve(from, './common.cjs')).toEqual(file('packages/a/src/common.cts'));
    expect(repo().resolve(from, './dir/index.js')).toEqual(file('packages/a/src/dir/index.ts'));
  });

  it('a `.js` specifier prefers the `.ts` source over a `.js` file of the same name (as tsc does)', () => {
    expect(repo().resolve(from, './both.js')).toEqual(file('packages/a/src/both.ts'));
    expect(repo().resolve(from, './both')).toEqual(file('packages/a/src/both.ts'));
  });

  it('a real `.js` file, extensionless paths, directories, declaration files and assets', () => {
    expect(repo().resolve(from, './plain.js')).toEqual(file('packages/a/src/plain.js'));
    expect(repo().resolve(from, './util')).toEqual(file('packages/a/src/util.ts'));
    expect(repo().resolve(from, './dir')).toEqual(file('packages/a/src/dir/index.ts'));
    expect(repo().resolve(from, './types')).toEqual(file('packages/a/src/types.d.ts'));
    expect(repo().resolve(from, './data.json')).toEqual(file('packages/a/src/data.json'));
    expect(repo().resolve('packages/a/src/dir/index.ts', '../util.js')).toEqual(file('packages/a/src/util.ts'));
  });

  it('a `/// <reference path>` is relative even without `./`', () => {
    expect(repo().resolve(from, 'types.d.ts', 'reference')).toEqual(file('packages/a/src/types.d.ts'));
  });

  it('missing files and paths outside the workspace are unresolved with a reason', () => {
    expect(repo().resolve(from, './missing.js')).toEqual({ type: 'unresolved', reason: 'no such file' });
    expect(repo().resolve(from, '../../../../elsewhere')).toEqual({ type: 'unresolved', reason: 'points outside the workspace' });
  });

  it('builtins with and without `node:`, subpaths included', () => {
    expect(repo().resolve(from, 'node:fs')).toEqual(builtin('node:fs'));
    expect(repo().resolve(from, 'fs')).toEqual(builtin('fs'));
    expect(repo().resolve(from, 'fs/promises')).toEqual(builtin('fs/promises'));
    expect(repo().resolve(from, 'node:fs/promises')).toEqual(builtin('node:fs/promises'));
  });

  it('external packages by their name, scoped or not, whatever the subpath', () => {
    expect(repo().resolve(from, '@scope/pkg')).toEqual(external('@scope/pkg'));
    expect(repo().resolve(from, '@scope/pkg/deep/path.js')).toEqual(external('@scope/pkg'));
    expect(repo().resolve(from, 'lodash/fp')).toEqual(external('lodash'));
  });
});

describe('workspace packages whose manifests point at build output', () => {
  const repo = useRepo({
    'package.json': npmRoot,
    // tsconfig outDir/rootDir with names the dist->src heuristic does not know
    'packages/built/package.json': {
      name: '@t/built',
      exports: { '.': { types: './output/index.d.ts', import: './output/index.js' }, './feature/*': './output/feature/*.js' },
    },
    'packages/built/tsconfig.json': '{\n  // JSONC\n  "compilerOptions": { "rootDir": "source", "outDir": "output", },\n}\n',
    'packages/built/source/index.ts': 'export const b = 1;',
    'packages/built/source/feature/x.ts': 'export const x = 1;',
    // no tsconfig: dist/ -> src/ by convention
    'packages/heur/package.json': {
      name: '@t/heur',
      main: './dist/index.js',
      types: './dist/index.d.ts',
      exports: {
        '.': { types: './dist/index.d.ts', import: './dist/index.js', require: './dist/cjs/index.cjs' },
        './utils/*': { types: './dist/utils/*.d.ts', import: './dist/utils/*.js' },
        './package.json': './package.json',
      },
    },
    'packages/heur/src/index.ts': 'export const h = 1;',
    'packages/heur/src/utils/strings.ts': 'export const s = 1;',
    'packages/heur/src/internal.ts': 'export const i = 1;',
    'packages/heur/bin/run.js': "require('../dist/index.js');",
    'packages/mainonly/package.json': { name: '@t/mainonly', main: './lib/index.js' },
    'packages/mainonly/src/index.ts': 'export const m = 1;',
    'packages/mainonly/src/extra.ts': 'export const e = 1;',
    // a bundler (tsup/tsdown) emits index.mjs from index.ts (seen in changesets)
    'packages/bundled/package.json': { name: '@t/bundled', exports: { '.': './dist/index.mjs', './package.json': './package.json' } },
    'packages/bundled/src/index.ts': 'export const u = 1;',
    'packages/app/package.json': { name: '@t/app' },
    'packages/app/src/index.ts': '',
  });
  const from = 'packages/app/src/index.ts';

  it('maps a bundled `.mjs` entry back to its `.ts` source', () => {
    expect(repo().resolve(from, '@t/bundled')).toEqual(file('packages/bundled/src/index.ts'));
  });

  it('maps outDir back to rootDir (tsconfig)', () => {
    expect(repo().workspace.packages.get('@t/built')?.tsconfig).toMatchObject({ rootDir: 'packages/built/source', outDir: 'packages/built/output' });
    expect(repo().resolve(from, '@t/built')).toEqual(file('packages/built/source/index.ts'));
    expect(repo().resolve(from, '@t/built/feature/x')).toEqual(file('packages/built/source/feature/x.ts'));
  });

  it('maps dist/ back to src/ without a tsconfig (exports, patterns, main)', () => {
    expect(repo().resolve(from, '@t/heur')).toEqual(file('packages/heur/src/index.ts'));
    expect(repo().resolve(from, '@t/heur/utils/strings')).toEqual(file('packages/heur/src/utils/strings.ts'));
    expect(repo().resolve(from, '@t/mainonly')).toEqual(file('packages/mainonly/src/index.ts'));
    expect(repo().resolve(from, '@t/mainonly/extra')).toEqual(file('packages/mainonly/src/extra.ts'));
  });

  it("a package's relative import of its own build output is its source", () => {
    expect(repo().resolve('packages/heur/bin/run.js', '../dist/index.js', 'require')).toEqual(file('packages/heur/src/index.ts'));
  });

  it('a subpath the exports map does not expose is unresolved, naming the package', () => {
    const result = repo().resolve(from, '@t/heur/internal');
    expect(result.type).toBe('unresolved');
    expect(result.type === 'unresolved' && result.reason).toMatch(/not exported by @t\/heur/);
  });

  it('never resolves into a dist/ that does not exist', () => {
    for (const specifier of ['@t/built', '@t/heur', '@t/heur/utils/strings', '@t/mainonly']) {
      const result = repo().resolve(from, specifier);
      expect(result.type === 'file' && /\/(dist|output|lib)\//.test(result.path)).toBe(false);
    }
  });
});

describe('a dual package whose import and require builds come from different sources', () => {
  const repo = useRepo({
    'package.json': npmRoot,
    'packages/dual/package.json': {
      name: '@t/dual',
      exports: { '.': { import: './src/esm.ts', require: './src/cjs.cts' }, './node': { require: './dist/node.cjs', import: './dist/node.mjs' } },
      imports: { '#impl': { require: './src/impl.cts', default: './src/impl.ts' } },
    },
    'packages/dual/src/esm.ts': '',
    'packages/dual/src/cjs.cts': '',
    'packages/dual/src/node.mts': '',
    'packages/dual/src/impl.ts': '',
    'packages/dual/src/impl.cts': '',
    'packages/app/package.json': { name: '@t/app', dependencies: { '@t/dual': '*' } },
    'packages/app/src/index.ts': '',
    'packages/app/src/legacy.cjs': '',
  });

  it('resolves import() and import to the import build, require() to the require build, from the same directory', () => {
    expect(repo().resolve('packages/app/src/index.ts', '@t/dual')).toEqual(file('packages/dual/src/esm.ts'));
    expect(repo().resolve('packages/app/src/legacy.cjs', '@t/dual', 'require')).toEqual(file('packages/dual/src/cjs.cts'));
    expect(repo().resolve('packages/app/src/index.ts', '@t/dual', 'dynamic-import')).toEqual(file('packages/dual/src/esm.ts'));
    expect(repo().resolve('packages/app/src/index.ts', '@t/dual', 'import-equals')).toEqual(file('packages/dual/src/cjs.cts'));
  });

  it('falls back to the other build when the matching one has no source', () => {
    // ./dist/node.cjs maps back to no source; ./dist/node.mjs to src/node.mts.
    expect(repo().resolve('packages/app/src/legacy.cjs', '@t/dual/node', 'require')).toEqual(file('packages/dual/src/node.mts'));
  });

  it('applies the same choice to #imports', () => {
    expect(repo().resolve('packages/dual/src/esm.ts', '#impl')).toEqual(file('packages/dual/src/impl.ts'));
    expect(repo().resolve('packages/dual/src/cjs.cts', '#impl', 'require')).toEqual(file('packages/dual/src/impl.cts'));
  });
});

describe('package.json "imports" (#specifiers)', () => {
  const repo = useRepo({
    'package.json': npmRoot,
    'packages/core/package.json': { name: '@t/core', imports: { '#internal/*': './src/internal/*.ts', '#dist/*': './dist/*.js', '#dep': 'left-pad' } },
    'packages/core/src/index.ts': '',
    'packages/core/src/internal/assert.ts': '',
    'packages/core/src/x.ts': '',
    'packages/other/package.json': { name: '@t/other' },
    'packages/other/src/index.ts': '',
  });

  it('resolves patterns to source, maps build targets back to src/, and passes bare targets on', () => {
    expect(repo().resolve('packages/core/src/index.ts', '#internal/assert')).toEqual(file('packages/core/src/internal/assert.ts'));
    expect(repo().resolve('packages/core/src/index.ts', '#dist/x')).toEqual(file('packages/core/src/x.ts'));
    expect(repo().resolve('packages/core/src/index.ts', '#dep')).toEqual(external('left-pad'));
  });

  it('is unresolved for an unknown key or in a package without an imports map', () => {
    expect(repo().resolve('packages/core/src/index.ts', '#nope').type).toBe('unresolved');
    expect(repo().resolve('packages/other/src/index.ts', '#internal/assert').type).toBe('unresolved');
  });
});

describe('pnpm workspace with negations, tsconfig paths/baseUrl inherited from a workspace package', () => {
  const repo = useRepo({
    'package.json': { name: 'root', private: true },
    'pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n  - 'apps/**'\n  - '!apps/**/fixtures/**'\n  - '!packages/excluded'\n",
    'packages/tsconfig/package.json': { name: '@t/tsconfig' },
    'packages/tsconfig/base.json':
      '{\n  // baseUrl is relative to this file: the repo root\n  "compilerOptions": {\n    "baseUrl": "../..",\n    "paths": { "@lib/*": ["packages/lib/src/*"], "@lib-exact": ["packages/lib/src/exact.ts"], "@lib/special/*": ["packages/lib/src/deep/*"] },\n  },\n}\n',
    'packages/tsconfig/paths-only.json': { compilerOptions: { paths: { '@shared/*': ['../lib/src/*'] } } },
    'packages/lib/package.json': { name: '@t/lib', exports: { '.': './src/index.ts' } },
    'packages/lib/src/index.ts': '',
    'packages/lib/src/format.ts': '',
    'packages/lib/src/exact.ts': '',
    'packages/lib/src/deep/x.ts': '',
    'packages/excluded/package.json': { name: '@t/excluded' },
    'apps/web/package.json': { name: '@t/web', dependencies: { '@t/lib': 'workspace:*' } },
    'apps/web/tsconfig.json': { extends: '@t/tsconfig/base.json', compilerOptions: { rootDir: 'src' } },
    'apps/web/src/index.ts': '',
    'apps/web/fixtures/legacy/package.json': { name: '@t/legacy', dependencies: { 'left-pad': '1' } },
    'apps/group/admin/package.json': { name: '@t/admin' },
    'apps/group/admin/tsconfig.json': { extends: '@t/tsconfig/paths-only.json' },
    'apps/group/admin/src/index.ts': '',
  });

  it('finds the packages of nested globs and leaves out negated ones (and the root)', () => {
    const { workspace } = repo();
    expect(workspace.kind).toBe('pnpm');
    expect(Object.fromEntries([...workspace.packages.values()].map((p) => [p.name, p.dir]))).toEqual({
      '@t/admin': 'apps/group/admin',
      '@t/web': 'apps/web',
      '@t/lib': 'packages/lib',
      '@t/tsconfig': 'packages/tsconfig',
    });
    expect(workspace.problems).toEqual([]);
  });

  it('resolves `extends: "@t/tsconfig/base.json"` through the workspace package (no node_modules)', () => {
    expect(repo().workspace.packages.get('@t/web')?.tsconfig).toMatchObject({
      file: 'apps/web/tsconfig.json',
      baseUrl: '.',
      pathsBase: '.',
      rootDir: 'apps/web/src',
    });
  });

  it('paths: patterns, exact keys, the longest prefix, and baseUrl-relative bare paths', () => {
    const from = 'apps/web/src/index.ts';
    expect(repo().resolve(from, '@lib/format')).toEqual(file('packages/lib/src/format.ts'));
    expect(repo().resolve(from, '@lib-exact')).toEqual(file('packages/lib/src/exact.ts'));
    expect(repo().resolve(from, '@lib/special/x')).toEqual(file('packages/lib/src/deep/x.ts'));
    expect(repo().resolve(from, 'packages/lib/src/deep/x')).toEqual(file('packages/lib/src/deep/x.ts'));
    expect(repo().resolve(from, '@t/lib')).toEqual(file('packages/lib/src/index.ts'));
  });

  it('paths without baseUrl are relative to the tsconfig that declares them', () => {
    expect(repo().workspace.packages.get('@t/admin')?.tsconfig?.pathsBase).toBe('packages/tsconfig');
    expect(repo().resolve('apps/group/admin/src/index.ts', '@shared/format')).toEqual(file('packages/lib/src/format.ts'));
  });

  it('an alias that matches no file is unresolved (often generated code), not a dependency to declare', () => {
    expect(repo().resolve('apps/web/src/index.ts', '@lib/nothing-here')).toEqual({
      type: 'unresolved',
      reason: 'tsconfig paths map @lib/nothing-here to packages/lib/src/nothing-here, which does not exist',
    });
  });
});

describe('specifiers that are not npm packages (found on trpc, vitest, documenso, TanStack query)', () => {
  const repo = useRepo({
    'package.json': { ...npmRoot, dependencies: { JSONStream: '1' } },
    'tsconfig.json': { files: [], references: [{ path: 'packages/app' }] },
    'tsconfig.base.json': { compilerOptions: { baseUrl: '.', paths: { '#test-utils': ['test-utils/index.ts'] } } },
    'test-utils/index.ts': '',
    'packages/app/package.json': { name: '@t/app' },
    'packages/app/tsconfig.json': {
      compilerOptions: { paths: { '~/*': ['./src/*'], react: ['./node_modules/@types/react'], '*': ['./types/*'] } },
    },
    'packages/app/src/index.ts': '',
    'packages/app/src/present.ts': '',
    'packages/app/client/tsconfig.json': { compilerOptions: { paths: { '@client/*': ['./lib/*'] } } },
    'packages/app/client/lib/x.ts': '',
    'packages/app/client/main.ts': '',
    'packages/plain/package.json': { name: '@t/plain' },
    'packages/plain/src/index.ts': '',
  });
  const from = 'packages/app/src/index.ts';
  const plain = 'packages/plain/src/index.ts';

  it('`.bin/x` is a path inside node_modules, not a relative import', () => {
    expect(repo().resolve(plain, '.bin/jscodeshift', 'require-resolve')).toEqual(external('.bin'));
  });

  it('URL schemes belong to the runtime or the bundler', () => {
    for (const specifier of ['cloudflare:workers', 'bun:test', 'virtual:pwa-register', 'astro:content']) {
      expect(repo().resolve(plain, specifier)).toEqual(builtin(specifier));
    }
  });

  it('names npm refuses are aliases of some tool, unresolved (not undeclared packages)', () => {
    for (const specifier of ['~/server/x', '$lib/api', '@/components/button', '@theme/Layout', '@docusaurus/Link']) {
      const result = repo().resolve(plain, specifier);
      expect(result.type, specifier).toBe('unresolved');
      expect(result.type === 'unresolved' && result.reason).toMatch(/not an npm package name/);
    }
    expect(repo().resolve(plain, 'JSONStream')).toEqual(external('JSONStream'));
  });

  it('a paths alias with a missing target is unresolved, naming the target', () => {
    expect(repo().resolve(from, '~/present')).toEqual(file('packages/app/src/present.ts'));
    expect(repo().resolve(from, '~/server/routers/_app')).toEqual({
      type: 'unresolved',
      reason: 'tsconfig paths map ~/server/routers/_app to packages/app/src/server/routers/_app, which does not exist',
    });
  });

  it('a miss through the catch-all `*` or into node_modules says nothing: external', () => {
    expect(repo().resolve(from, 'react')).toEqual(external('react'));
    expect(repo().resolve(from, 'lodash/fp')).toEqual(external('lodash'));
  });

  it('`#x` keys of tsconfig paths come before the imports map; tsconfig.base.json when tsconfig.json is a solution', () => {
    expect(repo().workspace.tsconfig?.file).toBe('tsconfig.base.json');
    expect(repo().resolve(plain, '#test-utils')).toEqual(file('test-utils/index.ts'));
  });

  it('a nested tsconfig with its own paths governs its folder', () => {
    expect(repo().resolve('packages/app/client/main.ts', '@client/x')).toEqual(file('packages/app/client/lib/x.ts'));
    expect(repo().resolve(from, '@client/x')).toEqual(external('@client/x'));
  });
});

// TypeScript's literal placeholder, not a template.
const CONFIG_DIR = ['$', '{configDir}'].join('');

describe('build output mapped back to source (found on vitest, TanStack query, trpc)', () => {
  const repo = useRepo({
    'package.json': npmRoot,
    // rollup names each output: dist/index.js comes from src/node/index.ts
    'packages/browser/package.json': {
      name: '@t/browser',
      exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' }, './cli': './dist/cli.mjs', './context': './context.js' },
    },
    'packages/browser/rollup.config.js': "const input = {\n  index: './src/node/index.ts',\n  'cli': 'src/cli/main.ts',\n}\nexport default [{ input }]\n",
    'packages/browser/src/node/index.ts': '',
    'packages/browser/src/cli/main.ts': '',
    'packages/browser/src/index.ts': '',
    'packages/browser/context.d.ts': "export * from './dist/index.js';",
    'packages/browser/context.js': '',
    // tsup's build/modern and build/legacy folders
    'packages/core/package.json': { name: '@t/core', exports: { '.': { import: './build/modern/index.js', require: './build/legacy/index.cjs' } } },
    'packages/core/src/index.ts': '',
    // TS 5.5 `${configDir}` in a shared base: dist/src/index.js from src/index.ts
    'packages/tsconfig/package.json': { name: '@t/tsconfig' },
    'packages/tsconfig/base.json': { compilerOptions: { rootDir: CONFIG_DIR, outDir: `${CONFIG_DIR}/dist` } },
    'packages/api/package.json': { name: '@t/api', exports: { '.': { types: './dist/src/index.d.ts', default: './dist/src/index.js' } } },
    'packages/api/tsconfig.json': { extends: '@t/tsconfig/base.json' },
    'packages/api/src/index.ts': '',
    'packages/app/package.json': { name: '@t/app' },
    'packages/app/src/index.ts': '',
  });
  const from = 'packages/app/src/index.ts';

  it("follows the bundler config's entry names", () => {
    expect(repo().resolve(from, '@t/browser')).toEqual(file('packages/browser/src/node/index.ts'));
    expect(repo().resolve(from, '@t/browser/cli')).toEqual(file('packages/browser/src/cli/main.ts'));
    expect(repo().resolve('packages/browser/context.d.ts', './dist/index.js')).toEqual(file('packages/browser/src/node/index.ts'));
  });

  it('looks below format folders (build/modern/x.js -> src/x.ts)', () => {
    expect(repo().resolve(from, '@t/core')).toEqual(file('packages/core/src/index.ts'));
  });

  it('reads the configDir placeholder of an inherited rootDir/outDir as the inheriting config folder', () => {
    expect(repo().workspace.packages.get('@t/api')?.tsconfig).toMatchObject({ rootDir: 'packages/api', outDir: 'packages/api/dist' });
    expect(repo().resolve(from, '@t/api')).toEqual(file('packages/api/src/index.ts'));
  });
});

describe('answers shared between importers only where they cannot differ', () => {
  const repo = useRepo({
    'package.json': npmRoot,
    'packages/a/package.json': { name: '@t/a', imports: { '#env': './src/env.ts' } },
    'packages/a/tsconfig.json': { compilerOptions: { paths: { 'lib/*': ['./src/lib/*'] } } },
    'packages/a/src/env.ts': 'export const a = 1;',
    'packages/a/src/lib/x.ts': 'export const x = 1;',
    'packages/a/src/deep/y.ts': 'export const y = 1;',
    'packages/a/src/deep/index.ts': "import '../lib/x';",
    'packages/b/package.json': { name: '@t/b', imports: { '#env': './src/env.ts' } },
    'packages/b/src/env.ts': 'export const b = 1;',
    'packages/b/src/deep/y.ts': 'export const y = 1;',
    'packages/c/package.json': { name: '@t/c' },
    'packages/c/src/index.ts': 'export const c = 1;',
  });

  it('a relative path per the directory it is written in, the same path from any directory', () => {
    expect(repo().resolve('packages/a/src/index.ts', './deep/y')).toEqual(file('packages/a/src/deep/y.ts'));
    expect(repo().resolve('packages/b/src/index.ts', './deep/y')).toEqual(file('packages/b/src/deep/y.ts'));
    expect(repo().resolve('packages/a/src/deep/index.ts', '../lib/x')).toEqual(file('packages/a/src/lib/x.ts'));
    expect(repo().resolve('packages/a/src/index.ts', './lib/x')).toEqual(file('packages/a/src/lib/x.ts'));
  });

  it('`#x` per package, `paths` aliases per tsconfig, workspace packages the same everywhere', () => {
    expect(repo().resolve('packages/a/src/deep/index.ts', '#env')).toEqual(file('packages/a/src/env.ts'));
    expect(repo().resolve('packages/b/src/deep/y.ts', '#env')).toEqual(file('packages/b/src/env.ts'));
    expect(repo().resolve('packages/a/src/deep/index.ts', 'lib/x')).toEqual(file('packages/a/src/lib/x.ts'));
    expect(repo().resolve('packages/b/src/deep/y.ts', 'lib/x')).toEqual(external('lib'));
    expect(repo().resolve('packages/a/src/env.ts', '@t/c')).toEqual(file('packages/c/src/index.ts'));
    expect(repo().resolve('packages/b/src/env.ts', '@t/c')).toEqual(file('packages/c/src/index.ts'));
  });

  it('a reference is read as a path, a bare specifier of the same text as a package', () => {
    expect(repo().resolve('packages/c/src/index.ts', 'index.ts', 'reference')).toEqual(file('packages/c/src/index.ts'));
    expect(repo().resolve('packages/c/src/index.ts', 'index.ts')).toEqual(external('index.ts'));
  });
});
