import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AnalysisResult } from '@monorefactor/core';
import { expect } from 'vitest';
import { REPO_ROOT, runCli } from './fixture.js';
import { type JsonSchema, validateSchema } from './validateSchema.js';

export const analysisSchema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'packages/core/schema/analysis.schema.json'), 'utf8')) as JsonSchema;

/**
 * Run the real CLI `refactor analyze --json [...args]` in `dir`, expect exit 0 and an empty
 * stderr, validate the document against the version-1 schema and return it.
 */
export async function analyzeJson(dir: string, args: string[] = []): Promise<AnalysisResult> {
  const run = await runCli(['analyze', '--json', ...args], dir);
  expect(run.stderr, 'stderr of analyze --json').toBe('');
  expect(run.exitCode, 'exit code of analyze --json').toBe(0);
  const result = JSON.parse(run.stdout) as AnalysisResult;
  expect(validateSchema(result, analysisSchema), 'schema errors').toEqual([]);
  return result;
}

/** The comparable part of each misplaced group, files sorted, groups ordered by first file. */
export function misplacedGroups(result: AnalysisResult): { files: string[]; from: string; to: string; targetDir: string }[] {
  return result.findings.misplaced
    .map(({ files, from, to, targetDir }) => ({ files: [...files].sort(), from, to, targetDir }))
    .sort((a, b) => (a.files[0] ?? '').localeCompare(b.files[0] ?? ''));
}

/** Each duplicate's files, sorted. */
export function duplicateFiles(result: AnalysisResult): string[][] {
  return result.findings.duplicates.map((d) => [...d.files].sort()).sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
}

/** Each cycle's packages, sorted. */
export function cyclePackages(result: AnalysisResult): string[][] {
  return result.findings.cycles.map((c) => [...c.packages].sort());
}

export function undeclaredPairs(result: AnalysisResult): { package: string; dependency: string }[] {
  return result.findings.undeclared.map((u) => ({ package: u.package, dependency: u.dependency }));
}

export function unresolvedPairs(result: AnalysisResult): { file: string; specifier: string }[] {
  return result.findings.unresolved.map((u) => ({ file: u.file, specifier: u.specifier }));
}

export interface EdgeRow {
  file: string;
  line: number;
  specifier: string;
  kind: string;
  resolved: string;
}

/** Every edge of a `--graph` document as one row, sorted by file then line then specifier. */
export function edgeRows(result: AnalysisResult): EdgeRow[] {
  const rows = (result.modules ?? []).flatMap((m) =>
    m.imports.map((i) => ({ file: m.path, line: i.line, specifier: i.specifier, kind: i.kind, resolved: i.resolved })),
  );
  return sortRows(rows);
}

export function sortRows(rows: EdgeRow[]): EdgeRow[] {
  return [...rows].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.specifier.localeCompare(b.specifier) || a.kind.localeCompare(b.kind));
}

/** Package name -> { dir, files, dependsOn, dependents }. */
export function packageTable(result: AnalysisResult): Record<string, { dir: string; files: number; dependsOn: string[]; dependents: string[] }> {
  return Object.fromEntries(result.packages.map(({ name, ...rest }) => [name, rest]));
}

/** How many findings of each kind: `{ misplaced: 3, duplicates: 1, ... }`. */
export function findingCounts(result: AnalysisResult): Record<string, number> {
  return Object.fromEntries(Object.entries(result.findings).map(([kind, list]) => [kind, list.length]));
}
