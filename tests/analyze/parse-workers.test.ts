import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: the benchmark's generator is plain ESM without types
import { generateMonorepo, readManifest } from '../../tools/bench/generate.mjs';
import { runRefactor } from '../helpers/gitFixture.js';

/**
 * Large repos are parsed in worker threads (imports first, fingerprints after), small ones on the
 * main thread. The fixtures are all small, so this generates a repo big enough for two workers and
 * checks the built CLI gives the same document both ways, and the generator's ground truth.
 */
describe('analyze in parse workers', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'monorefactor-workers-'));
    generateMonorepo(dir, { packages: 4, filesPerPackage: 60, seed: 3 });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the same findings, edges and file count with 2 workers as on one thread', () => {
    const runs = ['0', '2'].map((workers) => {
      const result = runRefactor(['analyze', '.', '--json', '--graph', '--workers', workers], dir);
      expect(result.exitCode, result.stderr).toBe(0);
      const doc = JSON.parse(result.stdout) as { stats: { ms?: number } };
      delete doc.stats.ms;
      return doc;
    });
    expect(runs[1]).toEqual(runs[0]);
    const manifest = readManifest(dir) as { files: number; expected: { imports: number }; planted: { duplicates: string[][] } };
    const doc = runs[1] as unknown as { stats: { files: number; edges: number }; findings: { duplicates: { files: string[] }[] } };
    expect(doc.stats.files).toBe(manifest.files);
    expect(doc.stats.edges).toBe(manifest.expected.imports);
    expect(doc.findings.duplicates.map((d) => d.files)).toEqual(manifest.planted.duplicates.map((pair) => [...pair].sort()));
  });
});
