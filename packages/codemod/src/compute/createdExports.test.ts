import { afterEach, describe, expect, it } from 'vitest';
import { json, makeRepo, moveIn, removeRepo } from '../testing/tempRepo.js';

// documenso's layout: packages without `exports`, `main: ./index.ts`, files imported by path, .tsx among them.
function repo(): Record<string, string> {
  return {
    'package.json': json({ name: 'ce', private: true, workspaces: ['packages/*', 'apps/*'] }),
    'tsconfig.json': json({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', jsx: 'react-jsx', strict: true } }),
    'packages/ee/package.json': json({ name: '@ce/ee', version: '0.0.0', main: './index.ts', types: './index.ts', dependencies: { '@ce/lib': '*' } }),
    'packages/ee/index.ts': 'export const EE = 1;\n',
    'packages/ee/limits/client.tsx': 'export const LimitsProvider = () => null;\n',
    'packages/ee/signing/anchors.ts': 'export const anchors = 1;\n',
    'packages/ee/signing/finalize.ts': "import { anchors } from './anchors';\n\nexport const finalize = () => anchors;\n",
    'packages/lib/package.json': json({ name: '@ce/lib', version: '0.0.0', main: './index.ts', types: './index.ts' }),
    'packages/lib/index.ts': 'export const LIB = 1;\n',
    'packages/lib/uses.ts': "import { finalize } from '@ce/ee/signing/finalize';\n\nexport const f = finalize;\n",
    'apps/web/package.json': json({ name: '@ce/web', version: '0.0.0', dependencies: { '@ce/ee': '*' } }),
    'apps/web/dialog.tsx': "import { LimitsProvider } from '@ce/ee/limits/client';\n\nexport const D = LimitsProvider;\n",
  };
}

/** The same with the code under src/: other packages reach in through `src/` paths today. */
function srcRepo(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [file, text] of Object.entries(repo())) {
    const moved = file.replace(/^packages\/ee\/(?!package\.json)/, 'packages/ee/src/');
    files[moved] = text.replaceAll("'@ce/ee/", "'@ce/ee/src/");
  }
  files['packages/ee/package.json'] = json({
    name: '@ce/ee',
    version: '0.0.0',
    main: './src/index.ts',
    types: './src/index.ts',
    dependencies: { '@ce/lib': '*' },
  });
  return files;
}

describe('a package without exports', () => {
  let root = '';
  afterEach(() => removeRepo(root));

  it('is reached by a deep path, as its other importers do: no exports map closes the others off', async () => {
    root = await makeRepo(repo());
    const { changeSet } = await moveIn(root, { from: 'packages/ee/signing/finalize.ts', to: 'packages/lib/signing' });
    expect(changeSet.changes.find((c) => c.path === 'packages/ee/package.json')).toBeUndefined();
    const moved = changeSet.changes.find((c) => c.path === 'packages/lib/signing/finalize.ts');
    expect(moved?.after?.split('\n')[0]).toBe("import { anchors } from '@ce/ee/signing/anchors';");
  });

  it('gets an exports map when only a path into its src/ would do, keeping every subpath others import (a .tsx stays .tsx)', async () => {
    root = await makeRepo(srcRepo());
    const { changeSet } = await moveIn(root, { from: 'packages/ee/src/signing/finalize.ts', to: 'packages/lib/signing' });
    const manifest = changeSet.changes.find((c) => c.path === 'packages/ee/package.json');
    expect(JSON.parse(manifest?.after ?? '{}').exports).toEqual({
      '.': './src/index.ts',
      './src/limits/client': './src/limits/client.tsx',
      './signing/anchors': './src/signing/anchors.ts',
    });
  });
});

// Entries pointing at build output; the first exact one declares its types somewhere else.
function distRepo(): Record<string, string> {
  return {
    'package.json': json({ name: 'de', private: true, workspaces: ['packages/*'] }),
    'tsconfig.json': json({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', strict: true } }),
    'packages/lib/package.json': json({
      name: '@de/lib',
      version: '1.0.0',
      exports: {
        '.': { types: './dist/index.d.ts', default: './dist/index.js' },
        './legacy': { types: './types/legacy-compat.d.ts', default: './dist/legacy.js' },
        './money': { types: './dist/money.d.ts', default: './dist/money.js' },
      },
    }),
    'packages/lib/src/index.ts': 'export const LIB = 1;\n',
    'packages/lib/src/legacy.ts': 'export const legacy = 1;\n',
    'packages/lib/src/money.ts': 'export const cents = (n: number) => n * 100;\n',
    'packages/lib/src/rates.ts': 'export const VAT = 0.2;\n',
    'packages/lib/src/invoice.ts': "import { VAT } from './rates';\n\nexport const gross = (net: number) => net * (1 + VAT);\n",
    'packages/app/package.json': json({ name: '@de/app', version: '1.0.0', dependencies: { '@de/lib': '1.0.0' } }),
    'packages/app/src/index.ts': 'export const APP = 1;\n',
  };
}

describe('a package whose exports point at build output', () => {
  let root = '';
  afterEach(() => removeRepo(root));

  it('mirrors the first entry whose layout carries over, not a path into src/', async () => {
    root = await makeRepo(distRepo());
    const { changeSet } = await moveIn(root, { from: 'packages/lib/src/invoice.ts', to: 'packages/app/src' });
    const manifest = changeSet.changes.find((c) => c.path === 'packages/lib/package.json');
    expect(JSON.parse(manifest?.after ?? '{}').exports['./rates']).toEqual({ types: './dist/rates.d.ts', default: './dist/rates.js' });
    const moved = changeSet.changes.find((c) => c.path === 'packages/app/src/invoice.ts');
    expect(moved?.after?.split('\n')[0]).toBe("import { VAT } from '@de/lib/rates';");
    // Built by tsc (no bundler config): every source is emitted, nothing to say.
    expect(changeSet.warnings.filter((w) => w.includes('entries'))).toEqual([]);
  });

  it("says which bundler config must emit the new entry's build output", async () => {
    const files = distRepo();
    files['packages/lib/tsup.config.ts'] = "export default { entry: { index: 'src/index.ts', legacy: 'src/legacy.ts', money: 'src/money.ts' } };\n";
    root = await makeRepo(files);
    const { changeSet } = await moveIn(root, { from: 'packages/lib/src/invoice.ts', to: 'packages/app/src' });
    expect(changeSet.warnings).toContain(
      'packages/lib/tsup.config.ts: add packages/lib/src/rates.ts to the build\'s entries, so that it emits ./dist/rates.js (the new exports entry "./rates" points there)',
    );
  });
});
