import type { AnalysisResult } from '@monorefactor/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeJson, type EdgeRow, edgeRows, findingCounts, packageTable, sortRows } from '../helpers/analysis.js';
import { cleanupFixtures, copyFixture } from '../helpers/fixture.js';

// fixtures/framework-aliases/README.md is the spec for every expectation below.
let result: AnalysisResult;

beforeAll(async () => {
  const dir = await copyFixture('framework-aliases');
  result = await analyzeJson(dir, ['--graph']);
});
afterAll(cleanupFixtures);

const ALIAS = 'is not an npm package name: an alias from a bundler or framework config the analyzer does not read';
const MISSING_APP = 'tsconfig paths map ~/server/routers/_app to apps/web/src/server/routers/_app, which does not exist';
const SITE = 'apps/site/src/pages/index.tsx';
const WEB = 'apps/web/src/pages/api/trpc.ts';
const WORKER = 'apps/worker/src/index.ts';
const CM = 'packages/codemods';

/** README "Import edges": [file, line, specifier, kind, resolved]. */
const EDGES: [string, number, string, string, string][] = [
  [SITE, 1, '@docusaurus/Link', 'import', `unresolved:"@docusaurus/Link" ${ALIAS}`],
  [SITE, 2, '@theme/Layout', 'import', `unresolved:"@theme/Layout" ${ALIAS}`],
  [WEB, 2, '~/server/routers/_app', 'import', `unresolved:${MISSING_APP}`],
  [WEB, 3, '~/utils/trpc', 'import', 'apps/web/src/utils/trpc.ts'],
  [WORKER, 1, 'cloudflare:workers', 'import', 'builtin:cloudflare:workers'],
  [WORKER, 2, 'virtual:build-info', 'import', 'builtin:virtual:build-info'],
  [`${CM}/bin/cli.cjs`, 1, 'node:child_process', 'require', 'builtin:node:child_process'],
  [`${CM}/bin/cli.cjs`, 2, 'node:path', 'require', 'builtin:node:path'],
  [`${CM}/bin/cli.cjs`, 5, '.bin/jscodeshift', 'require-resolve', 'external:.bin'],
  [`${CM}/transforms/rename/__testfixtures__/basic.input.ts`, 1, 'redux', 'import', 'external:redux'],
  [`${CM}/transforms/rename/index.ts`, 1, 'jscodeshift', 'import-type', 'external:jscodeshift'],
  [`${CM}/transforms/rename/rename.test.ts`, 1, '#test-utils', 'import', 'test-utils/index.ts'],
  [`${CM}/transforms/rename/rename.test.ts`, 2, 'vitest', 'import', 'external:vitest'],
  [`${CM}/transforms/rename/rename.test.ts`, 4, 'virtual-config', 'mock', 'external:virtual-config'],
];
const expectedRows: EdgeRow[] = sortRows(EDGES.map(([file, line, specifier, kind, resolved]) => ({ file, line, specifier, kind, resolved })));

describe('framework-aliases: analyze --json --graph', () => {
  it('has the 4 packages and 9 files (one outside any package)', () => {
    expect(packageTable(result)).toEqual({
      '@fa/site': { dir: 'apps/site', files: 1, dependsOn: [], dependents: [] },
      '@fa/web': { dir: 'apps/web', files: 2, dependsOn: [], dependents: [] },
      '@fa/worker': { dir: 'apps/worker', files: 1, dependsOn: [], dependents: [] },
      '@fa/codemods': { dir: 'packages/codemods', files: 4, dependsOn: [], dependents: [] },
    });
    expect(result.stats.files).toBe(9);
  });

  it('resolves the 14 edges: aliases, schemes, .bin, #x through the root paths', () => {
    expect(edgeRows(result)).toEqual(expectedRows);
  });

  it('reports the 3 aliases it cannot follow as unresolved, with why', () => {
    expect(result.findings.unresolved).toEqual([
      { file: SITE, specifier: '@docusaurus/Link', reason: `"@docusaurus/Link" ${ALIAS}`, line: 1 },
      { file: SITE, specifier: '@theme/Layout', reason: `"@theme/Layout" ${ALIAS}`, line: 2 },
      { file: WEB, specifier: '~/server/routers/_app', reason: MISSING_APP, line: 2 },
    ]);
  });

  it('reports no undeclared dependency and nothing else', () => {
    expect(findingCounts(result)).toEqual({ misplaced: 0, duplicates: 0, cycles: 0, undeclared: 0, unused: 0, boundaries: 0, unresolved: 3, problems: 0 });
  });
});
