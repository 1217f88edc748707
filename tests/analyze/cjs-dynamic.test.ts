import type { AnalysisResult } from '@monorefactor/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeJson, type EdgeRow, edgeRows, findingCounts, packageTable, sortRows } from '../helpers/analysis.js';
import { cleanupFixtures, copyFixture } from '../helpers/fixture.js';

// fixtures/cjs-dynamic/README.md is the spec for every expectation below.
let result: AnalysisResult;

beforeAll(async () => {
  const dir = await copyFixture('cjs-dynamic');
  result = await analyzeJson(dir, ['--graph']);
});
afterAll(cleanupFixtures);

const DB = 'packages/db/src';
const JOBS = 'packages/jobs/src';
const API = 'packages/api/src';

/** README "Every edge": [file, line, specifier, kind, resolved]. */
const EDGES: [string, number, string, string, string][] = [
  [`${DB}/index.js`, 3, './pool', 'require', `${DB}/pool.js`],
  [`${DB}/index.js`, 4, './sql.cjs', 'require', `${DB}/sql.cjs`],
  [`${DB}/pool.js`, 3, 'node:events', 'require', 'builtin:node:events'],
  [`${DB}/queries.ts`, 1, './types.d.ts', 'reference', `${DB}/types.d.ts`],
  [`${DB}/queries.ts`, 2, './pool', 'import-equals', `${DB}/pool.js`],
  [`${JOBS}/index.ts`, 1, './config.mjs', 'import', `${JOBS}/config.mjs`],
  [`${JOBS}/index.ts`, 6, './handlers/email', 'dynamic-import', `${JOBS}/handlers/email.ts`],
  [`${JOBS}/index.ts`, 7, './handlers/report', 'dynamic-import', `${JOBS}/handlers/report.ts`],
  [`${JOBS}/handlers/report.ts`, 8, '@kit/db/queries', 'dynamic-import', `${DB}/queries.ts`],
  [`${JOBS}/worker.cjs`, 3, 'node:worker_threads', 'require', 'builtin:node:worker_threads'],
  [`${JOBS}/worker.cjs`, 4, '@kit/db', 'require', `${DB}/index.js`],
  [`${JOBS}/worker-pool.cjs`, 3, 'node:worker_threads', 'require', 'builtin:node:worker_threads'],
  [`${JOBS}/worker-pool.cjs`, 5, './worker.cjs', 'require-resolve', `${JOBS}/worker.cjs`],
  [`${JOBS}/cli.mjs`, 2, 'node:module', 'import', 'builtin:node:module'],
  [`${JOBS}/cli.mjs`, 5, './worker-pool.cjs', 'require', `${JOBS}/worker-pool.cjs`],
  [`${JOBS}/index.test.ts`, 1, 'vitest', 'import', 'external:vitest'],
  [`${JOBS}/index.test.ts`, 2, './index', 'import', `${JOBS}/index.ts`],
  [`${JOBS}/index.test.ts`, 4, '@kit/db/queries', 'mock', `${DB}/queries.ts`],
  [`${JOBS}/index.test.ts`, 22, './handlers/email', 'mock', `${JOBS}/handlers/email.ts`],
  [`${API}/db.js`, 3, '@kit/db', 'require', `${DB}/index.js`],
  [`${API}/router.ts`, 1, './db', 'import-equals', `${API}/db.js`],
  [`${API}/router.ts`, 2, '@kit/db/queries', 'import-equals', `${DB}/queries.ts`],
  [`${API}/server.ts`, 1, 'node:http', 'import-equals', 'builtin:node:http'],
  [`${API}/server.ts`, 2, './router', 'import-equals', `${API}/router.ts`],
  [`${API}/server.ts`, 6, '@kit/jobs', 'dynamic-import', `${JOBS}/index.ts`],
  [`${API}/__tests__/router.test.js`, 1, '../db', 'mock', `${API}/db.js`],
  [`${API}/__tests__/router.test.js`, 3, '../db', 'require', `${API}/db.js`],
  [`${API}/__tests__/router.test.js`, 4, '../router', 'require', `${API}/router.ts`],
];
const expectedRows: EdgeRow[] = sortRows(EDGES.map(([file, line, specifier, kind, resolved]) => ({ file, line, specifier, kind, resolved })));

describe('cjs-dynamic: analyze --json --graph', () => {
  it('has the 3 packages and the package graph of the README', () => {
    expect(packageTable(result)).toEqual({
      '@kit/api': { dir: 'packages/api', files: 4, dependsOn: ['@kit/db', '@kit/jobs'], dependents: [] },
      '@kit/db': { dir: 'packages/db', files: 5, dependsOn: [], dependents: ['@kit/api', '@kit/jobs'] },
      '@kit/jobs': { dir: 'packages/jobs', files: 8, dependsOn: ['@kit/db'], dependents: ['@kit/api'] },
    });
    expect(result.stats.files).toBe(17);
    expect(result.modules).toHaveLength(17);
  });

  it('has exactly the 28 edges of the README, with kind, line and target', () => {
    expect(edgeRows(result)).toEqual(expectedRows);
    expect(result.stats.edges).toBe(28);
  });

  it('has an edge of every kind the README lists', () => {
    const kinds = new Set(edgeRows(result).map((row) => row.kind));
    for (const kind of ['require', 'require-resolve', 'import-equals', 'dynamic-import', 'reference', 'mock', 'import']) expect(kinds).toContain(kind);
  });

  it('ignores the non-literal import(specifier) and the comments that mention modules', () => {
    const rows = edgeRows(result);
    expect(rows.filter((row) => row.file === `${JOBS}/index.ts`).map((row) => row.line)).toEqual([1, 6, 7]);
    expect(rows.filter((row) => row.file === `${JOBS}/handlers/report.ts`).map((row) => row.line)).toEqual([8]);
    expect(rows.filter((row) => row.file === `${API}/server.ts`).map((row) => row.line)).toEqual([1, 2, 6]);
    for (const file of [`${DB}/sql.cjs`, `${DB}/types.d.ts`, `${JOBS}/config.mjs`, `${JOBS}/handlers/email.ts`]) {
      expect(result.modules?.find((m) => m.path === file)?.imports).toEqual([]);
    }
  });

  it('has no findings at all', () => {
    expect(findingCounts(result)).toEqual({ misplaced: 0, duplicates: 0, cycles: 0, undeclared: 0, unused: 0, boundaries: 0, unresolved: 0, problems: 0 });
  });

  it('omits modules without --graph', async () => {
    const plain = await analyzeJson(result.root);
    expect(plain.modules).toBeUndefined();
    expect(plain.findings).toEqual(result.findings);
  });
});
