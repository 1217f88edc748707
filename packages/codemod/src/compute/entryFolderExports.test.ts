import { afterEach, describe, expect, it } from 'vitest';
import { json, linkPackages, makeRepo, moveIn, read, removeRepo } from '../testing/tempRepo.js';

/** TanStack query's layout: a source condition plus bundled output in build/, sources in src/. */
const entry = (stem: string) => ({
  '@acme/source': `./src/${stem}.ts`,
  import: { types: `./build/${stem}.d.ts`, default: `./build/${stem}.js` },
});

// The core's tsconfig has `rootDir: "."` (it also checks its config files), so its source root is
// the package folder: subpaths must still be counted from src/, where the manifest's entry lives.
function repo(): Record<string, string> {
  return {
    'package.json': json({ name: 'ef', private: true, workspaces: ['packages/*'] }),
    'tsconfig.json': json({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', customConditions: ['@acme/source'], strict: true } }),
    'packages/core/package.json': json({ name: '@acme/core', version: '1.0.0', exports: { '.': entry('index'), './package.json': './package.json' } }),
    'packages/core/tsconfig.json': json({ extends: '../../tsconfig.json', compilerOptions: { rootDir: '.' }, include: ['src', '*.config.ts'] }),
    'packages/core/src/index.ts': "export { stream } from './stream';\nexport { isServer } from './utils';\n",
    'packages/core/src/utils.ts': 'export const isServer = false;\n\nexport function addToEnd<T>(items: T[], item: T): T[] {\n  return [...items, item];\n}\n',
    'packages/core/src/stream.ts': "import { addToEnd } from './utils';\n\nexport const stream = (xs: number[]) => addToEnd(xs, 1);\n",
    'packages/persist/package.json': json({
      name: '@acme/persist',
      version: '1.0.0',
      exports: { '.': entry('index') },
      dependencies: { '@acme/core': '1.0.0' },
    }),
    'packages/persist/src/index.ts': 'export const persist = 1;\n',
  };
}

describe('exports entries of a package whose tsconfig rootDir is the package folder', () => {
  let root = '';
  afterEach(() => removeRepo(root));

  it('adds `./utils` (not `./src/utils`), in the layout of its `.` entry', async () => {
    root = await makeRepo(repo());
    await linkPackages(root, { '@acme/core': 'packages/core', '@acme/persist': 'packages/persist' });
    const { changeSet } = await moveIn(root, { from: 'packages/core/src/stream.ts', to: 'packages/persist/src' });
    expect(changeSet.warnings).toEqual([]);
    expect((await read(root, 'packages/persist/src/stream.ts')).split('\n')[0]).toBe("import { addToEnd } from '@acme/core/utils';");
    expect(JSON.parse(await read(root, 'packages/core/package.json')).exports).toEqual({
      '.': entry('index'),
      './utils': entry('utils'),
      './package.json': './package.json',
    });
    // the moved file's own import is not a change for consumers
    expect(changeSet.specifierChanges).toEqual([]);
  });
});
