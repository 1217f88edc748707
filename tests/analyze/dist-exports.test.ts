import type { AnalysisResult } from '@monorefactor/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeJson, type EdgeRow, edgeRows, findingCounts, packageTable, sortRows } from '../helpers/analysis.js';
import { cleanupFixtures, copyFixture } from '../helpers/fixture.js';

// fixtures/dist-exports/README.md is the spec for every expectation below.
let result: AnalysisResult;

beforeAll(async () => {
  const dir = await copyFixture('dist-exports');
  result = await analyzeJson(dir, ['--graph']);
});
afterAll(cleanupFixtures);

const CORE = 'packages/core/src';
const HTTP = 'packages/http/src';
const CLI = 'packages/cli/src';

/** README "Import edges": [file, line, specifier, kind, resolved]; forms mapped to ImportKind. */
const EDGES: [string, number, string, string, string][] = [
  [`${CORE}/index.ts`, 1, './errors.js', 'export', `${CORE}/errors.ts`],
  [`${CORE}/index.ts`, 2, './result.js', 'export', `${CORE}/result.ts`],
  [`${CORE}/index.ts`, 3, './types.js', 'export', `${CORE}/types.ts`],
  [`${CORE}/index.ts`, 4, './types.js', 'export-type', `${CORE}/types.ts`],
  [`${CORE}/result.ts`, 1, '#internal/assert', 'import', `${CORE}/internal/assert.ts`],
  [`${CORE}/result.ts`, 2, './errors.js', 'import-type', `${CORE}/errors.ts`],
  [`${CORE}/utils/retry.ts`, 1, '#internal/backoff', 'import', `${CORE}/internal/backoff.ts`],
  [`${CORE}/utils/retry.ts`, 2, '../errors.js', 'import', `${CORE}/errors.ts`],
  [`${CORE}/utils/retry.ts`, 3, '../types.js', 'import', `${CORE}/types.ts`],
  [`${CORE}/utils/retry.ts`, 4, '../types.js', 'import-type', `${CORE}/types.ts`],
  [`${HTTP}/client.ts`, 1, '@dx/core', 'import', `${CORE}/index.ts`],
  [`${HTTP}/client.ts`, 2, '@dx/core', 'import-type', `${CORE}/index.ts`],
  [`${HTTP}/client.ts`, 3, '@dx/core/utils/retry', 'import', `${CORE}/utils/retry.ts`],
  [`${HTTP}/client.ts`, 4, './headers.js', 'import', `${HTTP}/headers.ts`],
  [`${HTTP}/headers.ts`, 1, '@dx/core/utils/strings', 'import', `${CORE}/utils/strings.ts`],
  [`${HTTP}/index.ts`, 1, './client.js', 'export', `${HTTP}/client.ts`],
  [`${HTTP}/index.ts`, 2, './headers.js', 'export', `${HTTP}/headers.ts`],
  [`${HTTP}/index.ts`, 3, './headers.js', 'export-type', `${HTTP}/headers.ts`],
  [`${CLI}/index.ts`, 1, '@dx/http', 'import-type', `${HTTP}/index.ts`],
  [`${CLI}/index.ts`, 2, './commands/fetch.js', 'import', `${CLI}/commands/fetch.ts`],
  [`${CLI}/index.ts`, 4, './commands/fetch.js', 'export', `${CLI}/commands/fetch.ts`],
  [`${CLI}/bin.ts`, 2, '@dx/http', 'import-type', `${HTTP}/index.ts`],
  [`${CLI}/bin.ts`, 3, './index.js', 'import', `${CLI}/index.ts`],
  [`${CLI}/commands/fetch.ts`, 1, '@dx/core', 'import', `${CORE}/index.ts`],
  [`${CLI}/commands/fetch.ts`, 2, '@dx/core/utils/retry', 'import', `${CORE}/utils/retry.ts`],
  [`${CLI}/commands/fetch.ts`, 3, '@dx/core/utils/strings', 'import', `${CORE}/utils/strings.ts`],
  [`${CLI}/commands/fetch.ts`, 4, '@dx/http', 'import', `${HTTP}/index.ts`],
  [`${CLI}/commands/fetch.ts`, 5, '@dx/http', 'import-type', `${HTTP}/index.ts`],
];
const expectedRows: EdgeRow[] = sortRows(EDGES.map(([file, line, specifier, kind, resolved]) => ({ file, line, specifier, kind, resolved })));

describe('dist-exports: analyze --json --graph', () => {
  it('reads the yarn-style workspaces object: 3 packages, 14 source files', () => {
    expect(packageTable(result)).toEqual({
      '@dx/cli': { dir: 'packages/cli', files: 3, dependsOn: ['@dx/core', '@dx/http'], dependents: [] },
      '@dx/core': { dir: 'packages/core', files: 8, dependsOn: [], dependents: ['@dx/cli', '@dx/http'] },
      '@dx/http': { dir: 'packages/http', files: 3, dependsOn: ['@dx/core'], dependents: ['@dx/cli'] },
    });
    expect(result.stats.files).toBe(14);
  });

  it('resolves all 28 edges to source files (NodeNext .js -> .ts, exports to dist -> src, #imports)', () => {
    expect(edgeRows(result)).toEqual(expectedRows);
    expect(result.stats.edges).toBe(28);
  });

  it('never resolves into dist/', () => {
    expect(edgeRows(result).filter((row) => row.resolved.includes('/dist/'))).toEqual([]);
    expect((result.modules ?? []).filter((m) => m.path.includes('/dist/'))).toEqual([]);
  });

  it('has no findings at all', () => {
    expect(findingCounts(result)).toEqual({ misplaced: 0, duplicates: 0, cycles: 0, undeclared: 0, unused: 0, boundaries: 0, unresolved: 0, problems: 0 });
  });
});
