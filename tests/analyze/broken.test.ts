import { symlinkSync } from 'node:fs';
import path from 'node:path';
import type { AnalysisResult } from '@monorefactor/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeJson, type EdgeRow, edgeRows, packageTable, sortRows, undeclaredPairs, unresolvedPairs } from '../helpers/analysis.js';
import { cleanupFixtures, copyFixture } from '../helpers/fixture.js';

// fixtures/broken/README.md is the spec for every expectation below.
let clean: AnalysisResult;
let linked: AnalysisResult;

const UTIL = 'packages/util/src';
const APP = 'packages/app/src';
/** Symbolic links made at run time in the second copy (none are committed). */
const LINKS = { self: `${UTIL}/loop`, a: `${UTIL}/a`, b: `${UTIL}/b` };

beforeAll(async () => {
  const [cleanDir, linkedDir] = await Promise.all([copyFixture('broken'), copyFixture('broken')]);
  symlinkSync('.', path.join(linkedDir, LINKS.self)); // a directory that contains itself
  symlinkSync('b', path.join(linkedDir, LINKS.a)); // a -> b -> a
  symlinkSync('a', path.join(linkedDir, LINKS.b));
  // analyzeJson expects exit 0: the analysis completes despite every broken part.
  [clean, linked] = await Promise.all([analyzeJson(cleanDir, ['--graph']), analyzeJson(linkedDir, ['--graph'])]);
});
afterAll(cleanupFixtures);

/** README "Edges": [file, line, specifier, target]; util's index.ts is a barrel (re-exports). */
const EDGES: [string, number, string, string][] = [
  [`${UTIL}/index.ts`, 1, './slug', `${UTIL}/slug.ts`],
  [`${UTIL}/index.ts`, 2, './retry', `${UTIL}/retry.ts`],
  [`${APP}/index.ts`, 1, '@brk/util', `${UTIL}/index.ts`],
  [`${APP}/index.ts`, 2, './routes', `${APP}/routes.ts`],
  [`${APP}/routes.ts`, 1, 'posthog-node', 'external:posthog-node'],
  [`${APP}/routes.ts`, 2, './parser', `${APP}/parser.ts`],
  [`${APP}/routes.ts`, 3, './missing', 'unresolved:no such file'],
  [`${APP}/parser.ts`, 1, '@brk/util', `${UTIL}/index.ts`],
];
const expectedRows: EdgeRow[] = sortRows(
  EDGES.map(([file, line, specifier, resolved]) => ({ file, line, specifier, kind: file === `${UTIL}/index.ts` ? 'export' : 'import', resolved })),
);

const problemFiles = (result: AnalysisResult) => result.findings.problems.map((p) => p.file).sort();

describe('broken: the analysis survives broken input', () => {
  it('has exactly the 2 readable packages', () => {
    expect(packageTable(clean)).toEqual({
      '@brk/app': { dir: 'packages/app', files: 3, dependsOn: ['@brk/util'], dependents: [] },
      '@brk/util': { dir: 'packages/util', files: 3, dependsOn: [], dependents: ['@brk/app'] },
    });
  });

  it('keeps the edges of the two packages, including the one read before the syntax error', () => {
    const rows = edgeRows(clean).filter((row) => row.file.startsWith('packages/util/') || row.file.startsWith('packages/app/'));
    expect(rows).toEqual(expectedRows);
    expect(clean.modules?.map((m) => m.path)).toContain(`${APP}/parser.ts`);
  });

  it('reports exactly the 3 problems, each naming its file', () => {
    expect(problemFiles(clean)).toEqual(['packages/app/src/parser.ts', 'packages/app/tsconfig.json', 'packages/legacy/package.json']);
    const byFile = Object.fromEntries(clean.findings.problems.map((p) => [p.file, p.message]));
    expect(byFile['packages/app/src/parser.ts']).toMatch(/syntax/i);
    expect(byFile['packages/app/tsconfig.json']).toContain('../../config/tsconfig.strict.json');
    expect(byFile['packages/legacy/package.json']).toMatch(/JSON/);
  });

  it('reports the unresolved relative import', () => {
    expect(unresolvedPairs(clean)).toEqual([{ file: `${APP}/routes.ts`, specifier: './missing' }]);
    expect(clean.findings.unresolved[0]).toMatchObject({ reason: 'no such file', line: 3 });
  });

  it('reports the undeclared npm dependency', () => {
    expect(undeclaredPairs(clean)).toEqual([{ package: '@brk/app', dependency: 'posthog-node' }]);
    expect(clean.findings.undeclared[0]?.files).toEqual([`${APP}/routes.ts`]);
  });

  it('has no other findings, and none about packages/legacy beyond its manifest', () => {
    const { misplaced, duplicates, cycles, unused, boundaries } = clean.findings;
    expect({ misplaced, duplicates, cycles, unused, boundaries }).toEqual({ misplaced: [], duplicates: [], cycles: [], unused: [], boundaries: [] });
    const { problems: _problems, ...others } = clean.findings;
    expect(JSON.stringify(others)).not.toContain('packages/legacy');
    for (const m of clean.modules ?? []) if (m.path.startsWith('packages/legacy/')) expect(m.package).toBeNull();
  });
});

describe('broken + symbolic link loops made at run time', () => {
  it('completes with the same graph: links are not followed', () => {
    expect(linked.stats.files).toBe(clean.stats.files);
    expect(linked.stats.edges).toBe(clean.stats.edges);
    expect(linked.findings.unresolved).toEqual(clean.findings.unresolved);
    expect(linked.findings.undeclared).toEqual(clean.findings.undeclared);
    expect((linked.modules ?? []).filter((m) => m.path.includes('/loop/') || /\/[ab]\//.test(m.path))).toEqual([]);
  });

  it('still reports the 3 problems of the fixture', () => {
    expect(problemFiles(linked)).toEqual(expect.arrayContaining(['packages/app/src/parser.ts', 'packages/app/tsconfig.json', 'packages/legacy/package.json']));
  });

  it('reports the two-link loop a -> b -> a', () => {
    expect(problemFiles(linked)).toEqual(expect.arrayContaining([LINKS.a, LINKS.b]));
  });

  it('reports the directory link to itself (src/loop -> .)', () => {
    expect(problemFiles(linked)).toContain(LINKS.self);
  });
});
