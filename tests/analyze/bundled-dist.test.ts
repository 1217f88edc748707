import type { AnalysisResult } from '@monorefactor/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeJson, type EdgeRow, edgeRows, findingCounts, packageTable, sortRows } from '../helpers/analysis.js';
import { cleanupFixtures, copyFixture } from '../helpers/fixture.js';

// fixtures/bundled-dist/README.md is the spec for every expectation below.
let result: AnalysisResult;

beforeAll(async () => {
  const dir = await copyFixture('bundled-dist');
  result = await analyzeJson(dir, ['--graph']);
});
afterAll(cleanupFixtures);

const SMOKE = 'examples/.test/smoke/src/smoke.ts';
const QC = 'packages/query-core';
const RUNNER = 'packages/runner';

/** README "Import edges": [file, line, specifier, kind, resolved]. */
const EDGES: [string, number, string, string, string][] = [
  [SMOKE, 1, '@bd/api', 'import', 'packages/api/src/index.ts'],
  [SMOKE, 2, '@bd/query-core', 'import', `${QC}/src/index.ts`],
  [SMOKE, 3, '@bd/runner', 'import', `${RUNNER}/src/public/index.ts`],
  [SMOKE, 4, '@bd/runner/node', 'import', `${RUNNER}/src/public/node.ts`],
  ['packages/api/src/index.ts', 1, '@bd/query-core', 'import', `${QC}/src/index.ts`],
  [`${QC}/src/index.ts`, 1, './queryCache.js', 'export', `${QC}/src/queryCache.ts`],
  [`${QC}/src/index.ts`, 2, './schema.js', 'export', `${QC}/src/schema.ts`],
  [`${QC}/src/schema.ts`, 1, 'zod', 'import', 'external:zod'],
  [`${QC}/tsup.config.ts`, 1, 'tsup', 'import', 'external:tsup'],
  [`${RUNNER}/node.d.ts`, 1, './dist/node.js', 'export', `${RUNNER}/src/public/node.ts`],
  [`${RUNNER}/rollup.config.js`, 1, 'rollup', 'import', 'external:rollup'],
  [`${RUNNER}/src/node/pool.ts`, 1, 'node:os', 'import', 'builtin:node:os'],
  [`${RUNNER}/src/public/index.ts`, 1, '../runtime.js', 'export', `${RUNNER}/src/runtime.ts`],
  [`${RUNNER}/src/public/node.ts`, 1, '../node/pool.js', 'export', `${RUNNER}/src/node/pool.ts`],
  ['www/src/demo.ts', 1, '@bd/query-core', 'import', `${QC}/src/index.ts`],
];
const expectedRows: EdgeRow[] = sortRows(EDGES.map(([file, line, specifier, kind, resolved]) => ({ file, line, specifier, kind, resolved })));

describe('bundled-dist: analyze --json --graph', () => {
  it('has the 6 packages, the one in a dot-folder included, 13 files', () => {
    expect(packageTable(result)).toEqual({
      '@bd/smoke': { dir: 'examples/.test/smoke', files: 1, dependsOn: ['@bd/api', '@bd/query-core', '@bd/runner'], dependents: [] },
      '@bd/api': { dir: 'packages/api', files: 1, dependsOn: ['@bd/query-core'], dependents: ['@bd/smoke'] },
      '@bd/query-core': { dir: 'packages/query-core', files: 4, dependsOn: [], dependents: ['@bd/api', '@bd/smoke', 'www'] },
      '@bd/runner': { dir: 'packages/runner', files: 6, dependsOn: [], dependents: ['@bd/smoke'] },
      '@bd/tsconfig': { dir: 'packages/tsconfig', files: 0, dependsOn: [], dependents: [] },
      www: { dir: 'www', files: 1, dependsOn: ['@bd/query-core'], dependents: [] },
    });
    expect(result.stats.files).toBe(13);
  });

  it('resolves every workspace import to source (bundler entries, build/modern, configDir, past a .d.ts stub)', () => {
    expect(edgeRows(result)).toEqual(expectedRows);
    expect(result.stats.edges).toBe(15);
  });

  it('has no findings at all', () => {
    expect(findingCounts(result)).toEqual({ misplaced: 0, duplicates: 0, cycles: 0, undeclared: 0, unused: 0, boundaries: 0, unresolved: 0, problems: 0 });
  });
});
