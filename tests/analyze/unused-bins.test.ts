import { afterAll, describe, expect, it } from 'vitest';
import { runRefactor } from '../helpers/gitFixture.js';
import { tempTree } from '../helpers/tree.js';

/** `refactor analyze --json` in `root` (exit 0): its unused-dependency findings as `package -> dependency`. */
function unusedIn(root: string): string[] {
  const run = runRefactor(['analyze', '.', '--json'], root);
  expect(run.exitCode).toBe(0);
  const { unused } = (JSON.parse(run.stdout) as { findings: { unused: { package: string; dependency: string }[] } }).findings;
  return unused.map((finding) => `${finding.package} -> ${finding.dependency}`);
}

/**
 * A workspace package depended on for its executable (`react-router-serve` in a start script) is
 * used without any import: not an unused dependency. One nobody imports or runs still is, unless
 * the package has components the analyzer does not read (`.vue`, `.svelte`, `.astro`, `.mdx`).
 */
describe('unused workspace dependencies and bins', () => {
  const app = (name: string, scripts: Record<string, string>) => ({
    name,
    version: '1.0.0',
    scripts,
    dependencies: { '@x/serve': '1.0.0', '@x/tool': '1.0.0' },
  });
  const repo = tempTree(
    {
      'package.json': { name: 'bins', private: true, workspaces: ['packages/*'] },
      'packages/serve/package.json': { name: '@x/serve', version: '1.0.0', bin: { 'x-serve': './src/cli.js' } },
      'packages/serve/src/cli.js': "console.log('serving');\n",
      'packages/tool/package.json': { name: '@x/tool', version: '1.0.0', bin: './src/cli.js' },
      'packages/tool/src/cli.js': "console.log('tool');\n",
      'packages/app/package.json': app('@x/app', { start: 'cross-env NODE_ENV=production x-serve ./build', lint: 'echo ok && tool --fix' }),
      'packages/app/src/index.ts': 'export const app = 1;\n',
      'packages/other/package.json': app('@x/other', { start: 'node ./build/x-serve.js', build: 'tooling' }),
      'packages/other/src/index.ts': 'export const other = 1;\n',
      // Its dependencies may be imported by the .vue file, which the analyzer does not read.
      'packages/vue-app/package.json': app('@x/vue-app', {}),
      'packages/vue-app/src/main.ts': "import App from './App.vue';\nexport default App;\n",
      'packages/vue-app/src/App.vue': '<script setup lang="ts">\nimport { serve } from \'@x/serve\';\n</script>\n',
    },
    'monorefactor-bins-',
  );
  afterAll(() => repo.remove());

  it('counts a script running the dependency executable (named bin or package-name bin) as a use; leaves out packages with unread .vue files', () => {
    expect(unusedIn(repo.root)).toEqual(['@x/other -> @x/serve', '@x/other -> @x/tool']);
  });
});

/**
 * A dependency declared to satisfy another dependency's peer (`@trpc/server` beside
 * `@trpc/client`, which peers on it) is used, as knip counts it; one no used package wants is not.
 */
describe('unused workspace dependencies and peers', () => {
  const repo = tempTree(
    {
      'package.json': { name: 'peers', private: true, workspaces: ['packages/*'] },
      'packages/server/package.json': { name: '@p/server', version: '1.0.0' },
      'packages/server/src/index.ts': 'export const server = 1;\n',
      'packages/client/package.json': { name: '@p/client', version: '1.0.0', peerDependencies: { '@p/server': '1.0.0' } },
      'packages/client/src/index.ts': 'export const client = 1;\n',
      'packages/react/package.json': { name: '@p/react', version: '1.0.0', peerDependencies: { '@p/client': '1.0.0' } },
      'packages/react/src/index.ts': 'export const react = 1;\n',
      'packages/extra/package.json': { name: '@p/extra', version: '1.0.0' },
      'packages/extra/src/index.ts': 'export const extra = 1;\n',
      'packages/app/package.json': {
        name: '@p/app',
        version: '1.0.0',
        dependencies: { '@p/react': '1.0.0', '@p/client': '1.0.0', '@p/server': '1.0.0', '@p/extra': '1.0.0' },
      },
      'packages/app/src/index.ts': "import { react } from '@p/react';\nexport const app = react;\n",
    },
    'monorefactor-peers-',
  );
  afterAll(() => repo.remove());

  it('counts a peer of a used dependency, and a peer of that peer, as used; not a dependency nobody wants', () => {
    expect(unusedIn(repo.root)).toEqual(['@p/app -> @p/extra']);
  });
});
