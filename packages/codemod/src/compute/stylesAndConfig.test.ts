import { afterEach, describe, expect, it } from 'vitest';
import { json, linkPackages, makeRepo, moveIn, read, removeRepo, runTsc } from '../testing/tempRepo.js';

/** `.ts` specifiers (allowImportingTsExtensions), a tsconfig alias to one file, an exact `exports` key. */
function repo(): Record<string, string> {
  return {
    'package.json': json({ name: 'styles', private: true, workspaces: ['packages/*'] }),
    'tsconfig.json': json({
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'Bundler',
        allowImportingTsExtensions: true,
        strict: true,
        noEmit: true,
        types: [],
        paths: { '@clock': ['./packages/kit/src/time/clock.ts'] },
      },
      include: ['packages/*/src'],
    }),
    'packages/kit/package.json': json({
      name: '@k/kit',
      version: '0.1.0',
      exports: { '.': './src/index.ts', './clock': './src/time/clock.ts', './package.json': './package.json' },
    }),
    'packages/kit/src/index.ts': "export { now } from './time/clock.ts';\n",
    'packages/kit/src/time/clock.ts': "import { ZERO } from '../zero.ts';\n\nexport function now(): number {\n  return Date.now() + ZERO;\n}\n",
    'packages/kit/src/zero.ts': 'export const ZERO = 0;\n',
    'packages/kit/src/uses.ts': "import { now } from './time/clock.ts';\nimport { now as again } from '@clock';\n\nexport const t = now() + again();\n",
    'packages/web/package.json': json({ name: '@k/web', version: '0.1.0', exports: { '.': './src/index.ts' }, dependencies: { '@k/kit': '0.1.0' } }),
    'packages/web/src/index.ts': "import { now } from '@k/kit/clock';\n\nexport const started = now();\n",
  };
}

describe('extension styles and config files', () => {
  let root = '';
  afterEach(() => removeRepo(root));

  it('moves inside a package: `.ts` specifiers, the tsconfig alias target and the exact exports key follow', async () => {
    root = await makeRepo(repo());
    await linkPackages(root, { '@k/kit': 'packages/kit', '@k/web': 'packages/web' });
    expect(await runTsc(root)).toEqual({ code: 0, output: '' });
    const { move, changeSet } = await moveIn(root, { from: 'packages/kit/src/time/clock.ts', to: 'packages/kit/src/clock' });
    expect(move.footprint).toEqual([
      'packages/kit/package.json',
      'packages/kit/src/clock/clock.ts',
      'packages/kit/src/index.ts',
      'packages/kit/src/time/clock.ts',
      'packages/kit/src/uses.ts',
      'packages/web/src/index.ts',
      'tsconfig.json',
    ]);
    expect(changeSet.warnings).toEqual([]);
    expect(await read(root, 'packages/kit/src/index.ts')).toBe("export { now } from './clock/clock.ts';\n");
    expect((await read(root, 'packages/kit/src/uses.ts')).split('\n').slice(0, 2)).toEqual([
      "import { now } from './clock/clock.ts';",
      "import { now as again } from '@clock';",
    ]);
    expect((await read(root, 'packages/kit/src/clock/clock.ts')).split('\n')[0]).toBe("import { ZERO } from '../zero.ts';");
    expect(JSON.parse(await read(root, 'tsconfig.json')).compilerOptions.paths).toEqual({ '@clock': ['./packages/kit/src/clock/clock.ts'] });
    expect(JSON.parse(await read(root, 'packages/kit/package.json')).exports['./clock']).toBe('./src/clock/clock.ts');
    // web keeps its specifier: the exports key now leads to the new place
    expect(await read(root, 'packages/web/src/index.ts')).toBe("import { now } from '@k/kit/clock';\n\nexport const started = now();\n");
    expect(await runTsc(root)).toEqual({ code: 0, output: '' });
  });

  it('moves to another package: the exact key goes, importers reach the moved names through the new entry', async () => {
    root = await makeRepo(repo());
    await linkPackages(root, { '@k/kit': 'packages/kit', '@k/web': 'packages/web' });
    const { changeSet } = await moveIn(root, { from: 'packages/kit/src/time/clock.ts', to: '@k/web' });
    expect(changeSet.warnings).toEqual([
      'would create package cycle @k/kit <-> @k/web: @k/kit -> @k/web (packages/kit/src/uses.ts); @k/web -> @k/kit (packages/web/src/time/clock.ts)',
    ]);
    // the moved file still needs kit's zero.ts: kit exports it now, in the layout of its entry
    expect(JSON.parse(await read(root, 'packages/kit/package.json')).exports).toEqual({
      '.': './src/index.ts',
      './zero': './src/zero.ts',
      './package.json': './package.json',
    });
    // kit's importer takes `now`, which web's entry now re-exports: it uses `@k/web` itself, and web
    // opens no new public subpath for it
    expect(JSON.parse(await read(root, 'packages/web/package.json')).exports).toEqual({ '.': './src/index.ts' });
    expect((await read(root, 'packages/kit/src/uses.ts')).split('\n')[0]).toBe("import { now } from '@k/web';");
    // kit's entry re-exported `now`: that line moves to web's entry; kit's entry stays a module
    expect(await read(root, 'packages/kit/src/index.ts')).toBe('export {};\n');
    expect(await read(root, 'packages/web/src/index.ts')).toBe(
      "import { now } from './time/clock.ts';\n\nexport const started = now();\nexport { now } from './time/clock.ts';\n",
    );
    expect((await read(root, 'packages/web/src/time/clock.ts')).split('\n')[0]).toBe("import { ZERO } from '@k/kit/zero';");
  });
});
