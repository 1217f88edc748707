import { afterEach, describe, expect, it } from 'vitest';
import { json, makeRepo, moveIn, removeRepo } from '../testing/tempRepo.js';

/** An app without `exports` or `main` takes a module from core; it imported it as `@app/core/charts/series` (core's `exports`). */
function repo(appManifest: Record<string, unknown>): Record<string, string> {
  return {
    'package.json': json({ name: 'cc', private: true, workspaces: ['apps/*', 'packages/*'] }),
    'tsconfig.json': json({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', strict: true, noEmit: true }, include: ['apps', 'packages'] }),
    'packages/core/package.json': json({ name: '@app/core', version: '1.0.0', exports: { '.': './src/index.ts', './*': './src/*.ts' } }),
    'packages/core/src/index.ts': 'export const CORE = 1;\n',
    'packages/core/src/charts/series.ts': 'export const movingAverage = (xs: number[]): number => xs.length;\n',
    'apps/dashboard/package.json': json({ name: '@app/dashboard', version: '1.0.0', dependencies: { '@app/core': '1.0.0' }, ...appManifest }),
    'apps/dashboard/src/main.ts': "import { movingAverage } from '@app/core/charts/series';\n\nexport const m = movingAverage([1]);\n",
  };
}

// MIGRATION.md shows each change from a package specifier as what code outside the repo must change.
describe('specifier changes for code outside the repository', () => {
  let root = '';
  afterEach(() => removeRepo(root));

  it('marks a module no longer public when its new package does not expose it (the app now imports it relatively)', async () => {
    root = await makeRepo(repo({}));
    const { changeSet } = await moveIn(root, { from: 'packages/core/src/charts/series.ts', to: '@app/dashboard' });
    expect(changeSet.specifierChanges).toEqual([
      { file: 'apps/dashboard/src/main.ts', from: '@app/core/charts/series', to: '(no longer public: apps/dashboard/src/charts/series.ts)' },
    ]);
  });

  it('gives the subpath an outside consumer imports when the new package exports it', async () => {
    root = await makeRepo(repo({ exports: { '.': './src/main.ts', './*': './src/*.ts' } }));
    const { changeSet } = await moveIn(root, { from: 'packages/core/src/charts/series.ts', to: '@app/dashboard' });
    expect(changeSet.specifierChanges).toEqual([{ file: 'apps/dashboard/src/main.ts', from: '@app/core/charts/series', to: '@app/dashboard/charts/series' }]);
  });
});
