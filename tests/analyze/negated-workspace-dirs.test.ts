import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRefactor } from '../helpers/gitFixture.js';
import { tempTree } from '../helpers/tree.js';

interface Result {
  stats: { files: number };
  findings: { misplaced: { files: string[]; to: string }[]; unresolved: { file: string; specifier: string }[]; undeclared: unknown[] };
  modules: { path: string; imports: { specifier: string; resolved?: string }[] }[];
}

/**
 * Folders the workspace globs negate (`!apps/legacy-*`, `!packages/**\/test-fixtures/**`) are not
 * part of the workspace, as pnpm and yarn read them: their files are not analysed, so their imports
 * neither keep a module in place nor raise findings. A relative import into such a folder still
 * resolves to the file that is there.
 */
describe('folders negated in the workspace globs', () => {
  const repo = tempTree(
    {
      'package.json': { name: 'root', private: true },
      'pnpm-workspace.yaml': "packages:\n  - 'apps/*'\n  - 'packages/**'\n  - '!apps/legacy-*'\n  - '!packages/**/test-fixtures/**'\n",
      'packages/text/package.json': { name: '@m/text', version: '1.0.0', exports: { '.': './src/index.ts', './*': './src/*.ts' } },
      // A barrel: files it does not re-export are not public API.
      'packages/text/src/index.ts': "export { upper } from './upper.js';\n",
      'packages/text/src/upper.ts': 'export const upper = (s: string) => s.toUpperCase();\n',
      'packages/text/src/slugify.ts': "export const slugify = (s: string) => s.toLowerCase().replace(/\\s+/g, '-');\n",
      'packages/text/test-fixtures/sample/package.json': { name: 'sample-fixture', dependencies: { 'left-pad': '1.0.0' } },
      'packages/text/test-fixtures/sample/input.ts':
        "import pad from 'left-pad';\nimport { slugify } from '@m/text/slugify';\nexport default pad(slugify('x'), 3);\n",
      'packages/text/src/fixtures.test.ts': "import sample from '../test-fixtures/sample/input.js';\nexport const s = sample;\n",
      'apps/blog/package.json': { name: '@m/blog', version: '1.0.0', dependencies: { '@m/text': 'workspace:*' } },
      'apps/blog/src/post.ts':
        "import { slugify } from '@m/text/slugify';\nimport { upper } from '@m/text';\nexport const title = upper(slugify('Hello world'));\n",
      'apps/shop/package.json': { name: '@m/shop', version: '1.0.0', dependencies: { '@m/text': 'workspace:*' } },
      'apps/shop/src/cart.ts': "import { upper } from '@m/text';\nexport const cart = upper('cart');\n",
      'apps/legacy-admin/package.json': { name: '@m/legacy-admin', version: '0.0.0' },
      'apps/legacy-admin/src/index.ts': "import { slugify } from '@m/text/slugify';\nimport pad from 'left-pad';\nexport const s = pad(slugify('x'), 2);\n",
    },
    'monorefactor-negated-',
  );
  let result: Result;

  beforeAll(() => {
    const run = runRefactor(['analyze', '.', '--json', '--graph'], repo.root);
    expect(run.exitCode, run.stderr).toBe(0);
    result = JSON.parse(run.stdout) as Result;
  });
  afterAll(() => repo.remove());

  it('leaves their files out of the graph', () => {
    const paths = result.modules.map((module) => module.path);
    expect(paths.filter((file) => file.includes('legacy-admin') || file.includes('test-fixtures'))).toEqual([]);
    expect(result.stats.files).toBe(6);
  });

  it('does not count their imports as consumers: a module only one package uses is still misplaced', () => {
    expect(result.findings.misplaced.map((group) => [group.files, group.to])).toEqual([[['packages/text/src/slugify.ts'], '@m/blog']]);
    expect(result.findings.undeclared).toEqual([]);
  });

  it('resolves a relative import into a negated folder to the file that is there', () => {
    const test = result.modules.find((module) => module.path === 'packages/text/src/fixtures.test.ts');
    expect(test?.imports).toMatchObject([{ specifier: '../test-fixtures/sample/input.js', resolved: 'packages/text/test-fixtures/sample/input.ts' }]);
    expect(result.findings.unresolved).toEqual([]);
  });
});
