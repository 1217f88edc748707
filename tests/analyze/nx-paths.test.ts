import type { AnalysisResult } from '@monorefactor/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeJson, cyclePackages, edgeRows, findingCounts, misplacedGroups, packageTable } from '../helpers/analysis.js';
import { cleanupFixtures, copyFixture } from '../helpers/fixture.js';

// fixtures/nx-paths/README.md is the spec for every expectation below.
let result: AnalysisResult;

beforeAll(async () => {
  const dir = await copyFixture('nx-paths');
  result = await analyzeJson(dir, ['--graph']);
});
afterAll(cleanupFixtures);

describe('nx-paths: an Nx workspace of project.json projects linked by tsconfig paths', () => {
  it('finds the 4 projects and their graph', () => {
    expect(packageTable(result)).toEqual({
      shop: { dir: 'apps/shop', files: 2, dependsOn: ['cart-feature', 'shared-ui'], dependents: [] },
      'cart-feature': { dir: 'libs/cart/feature', files: 3, dependsOn: ['shared-data-access', 'shared-ui'], dependents: ['shared-data-access', 'shop'] },
      'shared-data-access': { dir: 'libs/shared/data-access', files: 3, dependsOn: ['cart-feature'], dependents: ['cart-feature'] },
      'shared-ui': { dir: 'libs/shared/ui', files: 4, dependsOn: [], dependents: ['cart-feature', 'shop'] },
    });
    expect(result.stats.files).toBe(12);
    expect(result.stats.edges).toBe(14);
  });

  it('resolves the aliases of tsconfig.base.json', () => {
    const resolved = Object.fromEntries(edgeRows(result).map((row) => [`${row.file} ${row.specifier}`, row.resolved]));
    expect(resolved['apps/shop/src/app/app.tsx @shop/cart-feature']).toBe('libs/cart/feature/src/index.ts');
    expect(resolved['libs/shared/data-access/src/lib/cart-store.ts @shop/cart-feature']).toBe('libs/cart/feature/src/index.ts');
    expect(resolved['libs/cart/feature/src/lib/cart-page.tsx @shop/ui']).toBe('libs/shared/ui/src/index.ts');
  });

  it('flags the badge only the cart uses, and the cycle', () => {
    expect(misplacedGroups(result)).toEqual([
      { files: ['libs/shared/ui/src/lib/cart-badge.tsx'], from: 'shared-ui', to: 'cart-feature', targetDir: 'libs/cart/feature/src/lib' },
    ]);
    expect(cyclePackages(result)).toEqual([['cart-feature', 'shared-data-access']]);
    expect(findingCounts(result)).toEqual({ misplaced: 1, duplicates: 0, cycles: 1, undeclared: 0, unused: 0, boundaries: 0, unresolved: 0, problems: 0 });
  });
});
