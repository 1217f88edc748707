import type { AnalysisResult } from '@monorefactor/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeJson, edgeRows, findingCounts, misplacedGroups, packageTable } from '../helpers/analysis.js';
import { cleanupFixtures, copyFixture } from '../helpers/fixture.js';

// fixtures/shared-tooling/README.md is the spec for every expectation below.
let result: AnalysisResult;

beforeAll(async () => {
  const dir = await copyFixture('shared-tooling');
  result = await analyzeJson(dir, ['--graph']);
});
afterAll(cleanupFixtures);

describe('shared-tooling: analyze --json --graph', () => {
  it('has the 6 packages and 19 files', () => {
    expect(packageTable(result)).toEqual({
      '@st/web': { dir: 'apps/web', files: 1, dependsOn: ['@st/editor'], dependents: [] },
      '@st/editor': { dir: 'packages/editor', files: 3, dependsOn: ['@st/ui', '@st/utils'], dependents: ['@st/web'] },
      '@st/ui': { dir: 'packages/ui', files: 7, dependsOn: ['@st/utils'], dependents: ['@st/editor'] },
      '@st/utils': { dir: 'packages/utils', files: 7, dependsOn: [], dependents: ['@st/editor', '@st/ui'] },
      '@st/prettier-config': { dir: 'tooling/prettier', files: 1, dependsOn: [], dependents: [] },
      '@st/tsconfig': { dir: 'tooling/typescript', files: 0, dependsOn: [], dependents: [] },
    });
    expect(result.stats.files).toBe(19);
    expect(result.stats.edges).toBe(31);
  });

  it('resolves the built stylesheet to its package and strips the ?url query', () => {
    const root = edgeRows(result).filter((row) => row.file === 'apps/web/src/routes/root.tsx');
    expect(root.map(({ line, specifier, resolved }) => [line, specifier, resolved])).toEqual([
      [1, '@st/editor', 'packages/editor/index.ts'],
      [2, '@st/editor/components/LinkButton', 'packages/editor/components/LinkButton.tsx'],
      [3, '@st/ui/styles.css', 'external:@st/ui'],
      [4, '~/styles.css?url', 'apps/web/src/styles.css'],
    ]);
  });

  it('flags LinkButton into the app, keeping its path inside the package (rootDir ../ is not a source root)', () => {
    expect(misplacedGroups(result)).toEqual([
      { files: ['packages/editor/components/LinkButton.tsx'], from: '@st/editor', to: '@st/web', targetDir: 'apps/web/src/components' },
    ]);
  });

  it('reports no duplicate barrels, no unused tooling, nothing else', () => {
    expect(findingCounts(result)).toEqual({ misplaced: 1, duplicates: 0, cycles: 0, undeclared: 0, unused: 0, boundaries: 0, unresolved: 0, problems: 0 });
  });
});
