import type { AnalysisResult } from '@monorefactor/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeJson, type EdgeRow, edgeRows, findingCounts, misplacedGroups, packageTable, sortRows } from '../helpers/analysis.js';
import { cleanupFixtures, copyFixture } from '../helpers/fixture.js';

// fixtures/pnpm-paths/README.md is the spec for every expectation below.
let result: AnalysisResult;

beforeAll(async () => {
  const dir = await copyFixture('pnpm-paths');
  result = await analyzeJson(dir, ['--graph']);
});
afterAll(cleanupFixtures);

const LIB = 'packages/lib/src';
const WEB = 'apps/web/src';
const BILLING = 'apps/services/billing/src';

/** README "Import edges": [file, line, specifier, kind, resolved]; the README gives no lines, these are the fixture's. */
const EDGES: [string, number, string, string, string][] = [
  [`${LIB}/index.ts`, 1, './dates', 'export', `${LIB}/dates.ts`],
  [`${LIB}/index.ts`, 2, './format', 'export', `${LIB}/format.ts`],
  [`${LIB}/invoice-pdf.ts`, 1, './dates', 'import', `${LIB}/dates.ts`],
  [`${LIB}/invoice-pdf.ts`, 2, './format', 'import', `${LIB}/format.ts`],
  [`${WEB}/index.ts`, 1, '@acme/lib', 'import', `${LIB}/index.ts`],
  [`${WEB}/index.ts`, 2, './price-tag', 'import', `${WEB}/price-tag.ts`],
  [`${WEB}/price-tag.ts`, 1, '@lib/format', 'import', `${LIB}/format.ts`],
  [`${BILLING}/invoices.ts`, 1, '@acme/lib', 'import', `${LIB}/index.ts`],
  [`${BILLING}/invoices.ts`, 2, '@lib/format', 'import', `${LIB}/format.ts`],
  [`${BILLING}/invoices.ts`, 3, '@lib/invoice-pdf', 'import', `${LIB}/invoice-pdf.ts`],
  [`${BILLING}/index.ts`, 1, './invoices', 'export', `${BILLING}/invoices.ts`],
];

describe('pnpm-paths: analyze --json --graph', () => {
  it('has exactly the 4 packages (nested app globs, negated fixtures, root not a package)', () => {
    expect(packageTable(result)).toEqual({
      '@acme/billing': { dir: 'apps/services/billing', files: 2, dependsOn: ['@acme/lib'], dependents: [] },
      '@acme/web': { dir: 'apps/web', files: 2, dependsOn: ['@acme/lib'], dependents: [] },
      '@acme/lib': { dir: 'packages/lib', files: 4, dependsOn: [], dependents: ['@acme/billing', '@acme/web'] },
      '@acme/tsconfig': { dir: 'packages/tsconfig', files: 0, dependsOn: [], dependents: [] },
    });
    expect(result.stats.files).toBe(8);
  });

  it('resolves the 11 edges, `@lib/*` through baseUrl + paths inherited from @acme/tsconfig/base.json', () => {
    const rows: EdgeRow[] = EDGES.map(([file, line, specifier, kind, resolved]) => ({ file, line, specifier, kind, resolved }));
    expect(edgeRows(result)).toEqual(sortRows(rows));
  });

  it('never mentions the excluded fixture package or its dependency', () => {
    const text = JSON.stringify(result);
    expect(text).not.toContain('legacy-app');
    expect(text).not.toContain('left-pad');
  });

  it('finds exactly one misplaced module: invoice-pdf.ts belongs to @acme/billing', () => {
    expect(misplacedGroups(result)).toEqual([
      { files: [`${LIB}/invoice-pdf.ts`], from: '@acme/lib', to: '@acme/billing', targetDir: 'apps/services/billing/src' },
    ]);
    expect(result.findings.misplaced[0]?.reasons.join('\n')).toMatch(/imported only by @acme\/billing \(1 file\)/);
  });

  it('has no other findings (and no problems with the JSONC tsconfigs)', () => {
    expect(findingCounts(result)).toEqual({ misplaced: 1, duplicates: 0, cycles: 0, undeclared: 0, unused: 0, boundaries: 0, unresolved: 0, problems: 0 });
  });
});
