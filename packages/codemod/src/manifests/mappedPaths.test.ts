import { afterEach, describe, expect, it } from 'vitest';
import { json, linkPackages, makeRepo, moveIn, read, removeRepo, runTsc } from '../testing/tempRepo.js';

/** kit maps `#clock`, `#util/*` (imports) and `./features/*` (exports, with a dist twin) to its sources. */
function repo(): Record<string, string> {
  return {
    'package.json': json({ name: 'mapped', private: true, workspaces: ['packages/*'] }),
    'tsconfig.json': json({
      compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true, noEmit: true, types: [] },
      include: ['packages/*/src'],
    }),
    'packages/kit/package.json': json({
      name: '@k/kit',
      version: '1.0.0',
      imports: { '#clock': './src/time/clock.ts', '#util/*': './src/util/*.ts' },
      exports: {
        '.': './src/index.ts',
        './features/*': { types: './src/features/*.ts', default: './dist/features/*.js' },
      },
    }),
    'packages/kit/src/index.ts': "export const KIT = 'kit';\n",
    'packages/kit/src/time/clock.ts': 'export function now(): number {\n  return Date.now();\n}\n',
    'packages/kit/src/util/fmt.ts': 'export function fmt(n: number): string {\n  return n.toFixed(2);\n}\n',
    'packages/kit/src/features/flags.ts': "export const FLAGS = ['a'];\n",
    'packages/kit/src/uses.ts': "import { now } from '#clock';\nimport { fmt } from '#util/fmt';\n\nexport const shown = fmt(now());\n",
    'packages/time/package.json': json({ name: '@k/time', version: '1.0.0', exports: { '.': './src/index.ts', './*': './src/*.ts' } }),
    'packages/time/src/index.ts': "export const TIME = 'time';\n",
    'packages/web/package.json': json({ name: '@k/web', version: '1.0.0', exports: { '.': './src/index.ts' }, dependencies: { '@k/kit': '1.0.0' } }),
    'packages/web/src/index.ts': "import { FLAGS } from '@k/kit/features/flags';\n\nexport const first = FLAGS[0];\n",
  };
}

const LINKS = { '@k/kit': 'packages/kit', '@k/time': 'packages/time', '@k/web': 'packages/web' };

describe('package.json `imports` and `exports` patterns that name moved files', () => {
  let root = '';
  afterEach(() => removeRepo(root));

  it('retargets `#x` and `#x/*` entries inside the package: importers keep their specifiers', async () => {
    root = await makeRepo(repo());
    await linkPackages(root, LINKS);
    expect(await runTsc(root)).toEqual({ code: 0, output: '' });
    const first = await moveIn(root, { from: 'packages/kit/src/time/clock.ts', to: 'packages/kit/src/clock' });
    expect(first.changeSet.warnings).toEqual([]);
    const second = await moveIn(root, { from: 'packages/kit/src/util', to: 'packages/kit/src/lib/util' });
    expect(second.changeSet.warnings).toEqual([]);
    expect(JSON.parse(await read(root, 'packages/kit/package.json')).imports).toEqual({
      '#clock': './src/clock/clock.ts',
      '#util/*': './src/lib/util/*.ts',
    });
    expect(await read(root, 'packages/kit/src/uses.ts')).toBe(
      "import { now } from '#clock';\nimport { fmt } from '#util/fmt';\n\nexport const shown = fmt(now());\n",
    );
    expect(second.changeSet.changes.map((c) => c.path)).toEqual([
      'packages/kit/package.json',
      'packages/kit/src/lib/util/fmt.ts',
      'packages/kit/src/util/fmt.ts',
    ]);
    expect(await runTsc(root)).toEqual({ code: 0, output: '' });
  });

  it('retargets an `exports` pattern whose folder moves, in every condition: consumers keep `@k/kit/features/x`', async () => {
    root = await makeRepo(repo());
    await linkPackages(root, LINKS);
    const { changeSet } = await moveIn(root, { from: 'packages/kit/src/features', to: 'packages/kit/src/flags' });
    expect(changeSet.warnings).toEqual([]);
    expect(JSON.parse(await read(root, 'packages/kit/package.json')).exports['./features/*']).toEqual({
      types: './src/flags/*.ts',
      default: './dist/flags/*.js',
    });
    expect(await read(root, 'packages/web/src/index.ts')).toBe("import { FLAGS } from '@k/kit/features/flags';\n\nexport const first = FLAGS[0];\n");
    expect(await runTsc(root)).toEqual({ code: 0, output: '' });
  });

  it('drops the `#x` entry of a file that leaves the package; its importers use the new package', async () => {
    root = await makeRepo(repo());
    await linkPackages(root, LINKS);
    const { changeSet } = await moveIn(root, { from: 'packages/kit/src/time/clock.ts', to: '@k/time' });
    expect(changeSet.warnings).toEqual([]);
    expect(JSON.parse(await read(root, 'packages/kit/package.json')).imports).toEqual({ '#util/*': './src/util/*.ts' });
    expect(await read(root, 'packages/kit/src/uses.ts')).toBe(
      "import { now } from '@k/time/time/clock';\nimport { fmt } from '#util/fmt';\n\nexport const shown = fmt(now());\n",
    );
    expect(await runTsc(root)).toEqual({ code: 0, output: '' });
  });
});
