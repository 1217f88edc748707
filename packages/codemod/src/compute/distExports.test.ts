import { afterEach, describe, expect, it } from 'vitest';
import { copyFixture, linkPackages, moveIn, read, removeRepo, runTsc } from '../testing/tempRepo.js';

const LINKS = { '@dx/core': 'packages/core', '@dx/http': 'packages/http', '@dx/cli': 'packages/cli' };

// fixtures/dist-exports: manifests point at dist/ (not committed); project references; NodeNext.
describe('exports that point at build output', () => {
  let root = '';
  afterEach(() => removeRepo(root));

  it('adds a dist-mapped subpath to the target exports, mirroring its existing entry', async () => {
    root = await copyFixture('dist-exports');
    await linkPackages(root, LINKS);
    const { changeSet } = await moveIn(root, { from: 'packages/core/src/utils/strings.ts', to: '@dx/http' });
    expect(changeSet.warnings).toEqual([]);
    expect(changeSet.specifierChanges).toEqual([
      { file: 'packages/cli/src/commands/fetch.ts', from: '@dx/core/utils/strings', to: '@dx/http/utils/strings' },
      { file: 'packages/http/src/headers.ts', from: '@dx/core/utils/strings', to: '@dx/http/utils/strings' },
    ]);
    const manifest = changeSet.changes.find((c) => c.path === 'packages/http/package.json');
    expect(manifest?.after).toBe(
      (manifest?.before ?? '').replace(
        '"import": "./dist/index.js"\n    }\n  },',
        '"import": "./dist/index.js"\n    },\n    "./utils/strings": {\n      "types": "./dist/utils/strings.d.ts",\n      "import": "./dist/utils/strings.js"\n    }\n  },',
      ),
    );
    expect(await runTsc(root, ['-b'])).toEqual({ code: 0, output: '' });
  });

  it('reaches a moved file through an existing `./utils/*` -> `./dist/utils/*.js` pattern, and moves barrel exports to the new entry', async () => {
    root = await copyFixture('dist-exports');
    await linkPackages(root, LINKS);
    const { move, changeSet } = await moveIn(root, { from: 'packages/http/src/headers.ts', to: 'packages/core/src/utils' });
    expect(move).toMatchObject({
      fromPackage: '@dx/http',
      toPackage: '@dx/core',
      files: [{ from: 'packages/http/src/headers.ts', to: 'packages/core/src/utils/headers.ts' }],
    });
    expect(changeSet.warnings).toEqual([]);
    expect((await read(root, 'packages/http/src/client.ts')).split('\n')[3]).toBe("import { normalizeHeaders, type HeaderMap } from '@dx/core/utils/headers';");
    expect(await read(root, 'packages/http/src/index.ts')).toBe("export * from './client.js';\n");
    expect(await read(root, 'packages/core/src/index.ts')).toBe(
      [
        "export * from './errors.js';",
        "export * from './result.js';",
        "export { systemClock } from './types.js';",
        "export type { Clock } from './types.js';",
        "export { describeHeaders, normalizeHeaders } from './utils/headers.js';",
        "export type { HeaderMap } from './utils/headers.js';",
        '',
      ].join('\n'),
    );
    // the split-off name joins the file's import of @dx/core
    expect((await read(root, 'packages/cli/src/commands/fetch.ts')).split('\n').slice(0, 6)).toEqual([
      "import { isDxError, unwrap, describeHeaders } from '@dx/core';",
      "import { retry } from '@dx/core/utils/retry';",
      "import { indent, titleCase } from '@dx/core/utils/strings';",
      "import { HttpClient } from '@dx/http';",
      "import type { Fetcher, HttpResponse } from '@dx/http';",
      '',
    ]);
    expect((await read(root, 'packages/core/src/utils/headers.ts')).split('\n')[0]).toBe("import { truncate } from './strings.js';");
    expect(changeSet.changes.filter((c) => c.path.endsWith('.json'))).toEqual([]);
    expect(await runTsc(root, ['-b'])).toEqual({ code: 0, output: '' });
  });
});
