import { afterEach, describe, expect, it } from 'vitest';
import { resolveMoveSpec } from '../spec/resolveMoveSpec.js';
import { graphOf, json, linkPackages, makeRepo, moveIn, read, removeRepo, runTsc } from '../testing/tempRepo.js';
import { computeMoveChanges } from './computeMoveChanges.js';

const PATTERN_EXPORTS = { '.': './src/index.ts', './*': './src/*.ts' };

/** Extensionless (Bundler) workspace whose `main.ts` imports `format.ts` in every form we know. */
function formsRepo(): Record<string, string> {
  return {
    'package.json': json({ name: 'forms', private: true, workspaces: ['packages/*'] }),
    'tsconfig.json': json({
      compilerOptions: {
        target: 'ES2022',
        module: 'preserve',
        moduleResolution: 'bundler',
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: ['node'],
        paths: { '~app/*': ['./packages/app/src/*'] },
      },
      include: ['packages/*/src', 'types'],
    }),
    'types/globals.d.ts': 'declare const vi: { mock(path: string): void };\ndeclare const jest: { mock(path: string): void };\n',
    'node_modules/left-pad-lite/package.json': json({ name: 'left-pad-lite', version: '1.0.0', types: 'index.d.ts', main: 'index.js' }),
    'node_modules/left-pad-lite/index.d.ts': 'export declare function pad(text: string, width: number): string;\n',
    'node_modules/left-pad-lite/index.js': 'exports.pad = (t, w) => t.padStart(w);\n',
    'packages/lib/package.json': json({ name: '@x/lib', version: '1.0.0', exports: PATTERN_EXPORTS }),
    'packages/lib/src/index.ts': "export const LIB = 'lib';\n",
    'packages/app/package.json': json({
      name: '@x/app',
      version: '1.0.0',
      exports: PATTERN_EXPORTS,
      dependencies: { '@x/lib': '*', 'left-pad-lite': '^1.0.0' },
    }),
    'packages/app/src/format.ts': [
      "import { pad } from 'left-pad-lite';",
      "import { LIB } from '@x/lib';",
      '',
      'export interface Formatted {',
      '  text: string;',
      '}',
      '',
      'export function format(value: string, width = 0): Formatted {',
      "  return { text: pad(LIB + ':' + value, width) };",
      '}',
      '',
      'export default format;',
      '',
    ].join('\n'),
    'packages/app/src/format.test.ts': ["import { format } from './format';", '', "vi.mock('./format');", '', "export const sample = format('x');", ''].join(
      '\n',
    ),
    'packages/app/src/options.ts': 'export interface Options {\n  width?: number;\n}\n',
    'packages/app/src/main.ts': [
      '/// <reference path="./format.ts" />',
      "import format, { type Formatted } from './format';",
      'import type { Formatted as F2 } from "./format"; // double quotes stay',
      "import * as all from '~app/format';",
      "import fmt = require('./format');",
      "import type { Options } from '~app/options';",
      '',
      "export { format as reformat } from './format';",
      "export type { Formatted } from './format';",
      '',
      "const lazy = () => import(/* webpackChunkName: 'fmt' */ './format');",
      "const viaRequire = require('./format') as typeof import('./format');",
      "const where: string = require.resolve('./format');",
      "vi.mock('./format');",
      "jest.mock('./format');",
      '',
      "export const results: unknown[] = [format('a'), all.format('b'), fmt.format('c'), lazy, viaRequire, where];",
      'export type Both = Formatted | F2 | Options;',
      '',
    ].join('\n'),
    'packages/cli/package.json': json({ name: '@x/cli', version: '1.0.0', exports: PATTERN_EXPORTS, dependencies: { '@x/app': '*' } }),
    'packages/cli/src/run.ts': "import { format } from '@x/app/format';\n\nexport const out = format('z');\n",
  };
}

const LINKS = { '@x/lib': 'packages/lib', '@x/app': 'packages/app', '@x/cli': 'packages/cli' };

describe('every import form, extensionless style', () => {
  let root = '';
  afterEach(() => removeRepo(root));

  it('rewrites each form to the package specifier of the new package, keeping quotes and comments', async () => {
    root = await makeRepo(formsRepo());
    await linkPackages(root, LINKS);
    expect(await runTsc(root)).toEqual({ code: 0, output: '' });

    const { move, changeSet } = await moveIn(root, { from: 'packages/app/src/format.ts', to: '@x/lib' });
    expect(move.files).toEqual([
      { from: 'packages/app/src/format.ts', to: 'packages/lib/src/format.ts' },
      { from: 'packages/app/src/format.test.ts', to: 'packages/lib/src/format.test.ts' },
    ]);
    expect(changeSet.warnings).toEqual([]);
    expect(await read(root, 'packages/app/src/main.ts')).toBe(
      [
        '/// <reference path="../../lib/src/format.ts" />',
        "import format, { type Formatted } from '@x/lib/format';",
        'import type { Formatted as F2 } from "@x/lib/format"; // double quotes stay',
        "import * as all from '@x/lib/format';",
        "import fmt = require('@x/lib/format');",
        "import type { Options } from '~app/options';",
        '',
        "export { format as reformat } from '@x/lib/format';",
        "export type { Formatted } from '@x/lib/format';",
        '',
        "const lazy = () => import(/* webpackChunkName: 'fmt' */ '@x/lib/format');",
        "const viaRequire = require('@x/lib/format') as typeof import('@x/lib/format');",
        "const where: string = require.resolve('@x/lib/format');",
        "vi.mock('@x/lib/format');",
        "jest.mock('@x/lib/format');",
        '',
        "export const results: unknown[] = [format('a'), all.format('b'), fmt.format('c'), lazy, viaRequire, where];",
        'export type Both = Formatted | F2 | Options;',
        '',
      ].join('\n'),
    );
    // the moved file: its own package by a relative path, externals as they were
    expect((await read(root, 'packages/lib/src/format.ts')).split('\n').slice(0, 2)).toEqual([
      "import { pad } from 'left-pad-lite';",
      "import { LIB } from './index';",
    ]);
    // the co-located test moved along, its relative imports and mock unchanged
    expect(await read(root, 'packages/lib/src/format.test.ts')).toContain("vi.mock('./format');");
    expect(await read(root, 'packages/cli/src/run.ts')).toBe("import { format } from '@x/lib/format';\n\nexport const out = format('z');\n");

    // manifests: the external follows the code, cli swaps @x/app for @x/lib
    expect(JSON.parse(await read(root, 'packages/lib/package.json')).dependencies).toEqual({ 'left-pad-lite': '^1.0.0' });
    expect(JSON.parse(await read(root, 'packages/app/package.json')).dependencies).toEqual({ '@x/lib': '*' });
    expect(JSON.parse(await read(root, 'packages/cli/package.json')).dependencies).toEqual({ '@x/lib': '*' });
    expect(await runTsc(root)).toEqual({ code: 0, output: '' });
  });

  it('rewrites a move inside one package relatively and keeps tsconfig aliases', async () => {
    root = await makeRepo(formsRepo());
    await linkPackages(root, LINKS);
    const { changeSet } = await moveIn(root, { from: 'packages/app/src/options.ts', to: 'packages/app/src/config' });
    expect(changeSet.warnings).toEqual([]);
    expect(changeSet.specifierChanges).toEqual([{ file: 'packages/app/src/main.ts', from: '~app/options', to: '~app/config/options' }]);
    expect(changeSet.changes.map((c) => c.path)).toEqual(['packages/app/src/config/options.ts', 'packages/app/src/main.ts', 'packages/app/src/options.ts']);
    expect(await runTsc(root)).toEqual({ code: 0, output: '' });
  });

  it('computes without touching the disk', async () => {
    root = await makeRepo(formsRepo());
    const graph = await graphOf(root);
    const move = resolveMoveSpec(graph, { from: 'packages/app/src/format.ts', to: '@x/lib' }, 'M7');
    const changeSet = await computeMoveChanges(graph, move);
    expect(changeSet.moveId).toBe('M7');
    expect(await read(root, 'packages/app/src/main.ts')).toBe(formsRepo()['packages/app/src/main.ts']);
    for (const change of changeSet.changes) expect(move.footprint).toContain(change.path);
  });
});
