import type { AnalysisResult } from '@monorefactor/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeJson, type EdgeRow, edgeRows, findingCounts, misplacedGroups, packageTable, sortRows } from '../helpers/analysis.js';
import { cleanupFixtures, copyFixture } from '../helpers/fixture.js';

// fixtures/nodenext-barrels/README.md is the spec for every expectation below.
let result: AnalysisResult;

beforeAll(async () => {
  const dir = await copyFixture('nodenext-barrels');
  result = await analyzeJson(dir, ['--graph']);
});
afterAll(cleanupFixtures);

const CORE = 'packages/core/src';
const SCHED = 'packages/scheduler/src';
const REPORTS = 'packages/reports/src';
const BILLING = 'packages/billing/src';

/** README "Import edges": [file, line, specifier, kind, resolved]. */
const EDGES: [string, number, string, string, string][] = [
  [`${CORE}/index.ts`, 1, './money.js', 'export', `${CORE}/money.ts`],
  [`${CORE}/index.ts`, 2, './validation/index.js', 'export', `${CORE}/validation/index.ts`],
  [`${CORE}/index.ts`, 3, './duration.js', 'export', `${CORE}/duration.ts`],
  [`${CORE}/validation/index.ts`, 1, './email.js', 'export', `${CORE}/validation/email.ts`],
  [`${CORE}/validation/index.ts`, 2, './range.js', 'export', `${CORE}/validation/range.ts`],
  [`${CORE}/money.ts`, 1, './strings.js', 'import', `${CORE}/strings.ts`],
  [`${CORE}/csv.ts`, 1, './strings.js', 'import', `${CORE}/strings.ts`],
  [`${SCHED}/index.ts`, 1, './cron.js', 'export', `${SCHED}/cron.ts`],
  [`${SCHED}/index.ts`, 2, './backoff.js', 'export', `${SCHED}/backoff.ts`],
  [`${SCHED}/cron.ts`, 1, '@nb/core', 'import', `${CORE}/index.ts`],
  [`${SCHED}/backoff.ts`, 1, '@nb/core', 'import', `${CORE}/index.ts`],
  [`${SCHED}/backoff.ts`, 2, '@nb/core/duration', 'import', `${CORE}/duration.ts`],
  [`${REPORTS}/index.ts`, 1, './monthly.js', 'export', `${REPORTS}/monthly.ts`],
  [`${REPORTS}/monthly.ts`, 1, '@nb/core', 'import', `${CORE}/index.ts`],
  [`${REPORTS}/monthly.ts`, 2, '@nb/core/csv', 'import', `${CORE}/csv.ts`],
  [`${BILLING}/index.ts`, 1, './invoice.js', 'export', `${BILLING}/invoice.ts`],
  [`${BILLING}/invoice.ts`, 1, '@nb/core', 'import', `${CORE}/index.ts`],
];
const expectedRows: EdgeRow[] = sortRows(EDGES.map(([file, line, specifier, kind, resolved]) => ({ file, line, specifier, kind, resolved })));

describe('nodenext-barrels: analyze --json --graph', () => {
  it('has exactly the 4 packages, 15 source files', () => {
    expect(packageTable(result)).toEqual({
      '@nb/billing': { dir: 'packages/billing', files: 2, dependsOn: ['@nb/core'], dependents: [] },
      '@nb/core': { dir: 'packages/core', files: 8, dependsOn: [], dependents: ['@nb/billing', '@nb/reports', '@nb/scheduler'] },
      '@nb/reports': { dir: 'packages/reports', files: 2, dependsOn: ['@nb/core'], dependents: [] },
      '@nb/scheduler': { dir: 'packages/scheduler', files: 3, dependsOn: ['@nb/core'], dependents: [] },
    });
    expect(result.stats.files).toBe(15);
  });

  it('resolves exactly the 17 edges (.js -> .ts, nested barrels, the "./*" export pattern)', () => {
    expect(edgeRows(result)).toEqual(expectedRows);
    expect(result.stats.edges).toBe(17);
  });

  it('flags only the internal csv.ts, to @nb/reports', () => {
    expect(misplacedGroups(result)).toEqual([{ files: [`${CORE}/csv.ts`], from: '@nb/core', to: '@nb/reports', targetDir: 'packages/reports/src' }]);
    expect(result.findings.misplaced[0]?.reasons.join('\n')).toMatch(/imported only by @nb\/reports \(1 file\)/);
  });

  it('does not flag duration.ts (public through the barrel), strings.ts, or any barrel', () => {
    const flagged = result.findings.misplaced.flatMap((m) => m.files);
    for (const file of [`${CORE}/duration.ts`, `${CORE}/strings.ts`, `${CORE}/money.ts`, `${CORE}/index.ts`, `${CORE}/validation/index.ts`]) {
      expect(flagged).not.toContain(file);
    }
  });

  it('has no other findings', () => {
    expect(findingCounts(result)).toEqual({ misplaced: 1, duplicates: 0, cycles: 0, undeclared: 0, unused: 0, boundaries: 0, unresolved: 0, problems: 0 });
  });
});
