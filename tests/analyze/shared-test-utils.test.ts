import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRefactor } from '../helpers/gitFixture.js';
import { tempTree } from '../helpers/tree.js';

interface Result {
  findings: { misplaced: { files: string[]; to: string }[]; unresolved: { specifier: string }[] };
  modules: { path: string; imports: { specifier: string; resolved?: string }[] }[];
}

/**
 * vite's layout: `playground/*` packages without a tsconfig of their own, governed by
 * `playground/tsconfig.json`, whose `paths` alias `~utils` to shared test helpers that the specs
 * of every playground package import.
 */
describe('a tsconfig above the packages, and test helpers shared by other packages', () => {
  const playgrounds = ['alias', 'assets', 'css'];
  const repo = tempTree(
    {
      'package.json': { name: 'root', private: true, workspaces: ['playground', 'playground/*'] },
      'playground/package.json': { name: '@x/playground', version: '1.0.0' },
      'playground/tsconfig.json': { compilerOptions: { paths: { '~utils': ['./test-utils.ts'] } } },
      'playground/test-utils.ts': 'export const page = { title: () => "t" };\nexport const untilUpdated = async () => {};\n',
      ...Object.fromEntries(
        playgrounds.flatMap((name) => [
          [`playground/${name}/package.json`, { name: `@x/test-${name}`, version: '1.0.0' }],
          [`playground/${name}/index.ts`, `export const ${name} = 1;\n`],
          [`playground/${name}/__tests__/${name}.spec.ts`, "import { page } from '~utils';\nexport const title = page.title();\n"],
        ]),
      ),
      // One package's code (not only its tests) imports the helpers too.
      'playground/css/setup.ts': "import { untilUpdated } from '~utils';\nexport const ready = untilUpdated();\n",
    },
    'monorefactor-playground-',
  );
  let result: Result;

  beforeAll(() => {
    const run = runRefactor(['analyze', '.', '--json', '--graph'], repo.root);
    expect(run.exitCode).toBe(0);
    result = JSON.parse(run.stdout) as Result;
  });
  afterAll(() => repo.remove());

  it('resolves a package file through the paths of the nearest tsconfig above its package', () => {
    const spec = result.modules.find((module) => module.path === 'playground/alias/__tests__/alias.spec.ts');
    expect(spec?.imports[0]).toMatchObject({ specifier: '~utils', resolved: 'playground/test-utils.ts' });
    expect(result.findings.unresolved).toEqual([]);
  });

  it('does not move helpers to the one package whose code imports them when other packages test with them', () => {
    expect(result.findings.misplaced).toEqual([]);
  });
});
