import type { AnalysisResult } from '@monorefactor/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeJson, cyclePackages, duplicateFiles, findingCounts, misplacedGroups, packageTable } from '../helpers/analysis.js';
import { cleanupFixtures, copyFixture } from '../helpers/fixture.js';

// fixtures/path-api/README.md is the spec for every expectation below.
let result: AnalysisResult;

beforeAll(async () => {
  const dir = await copyFixture('path-api');
  result = await analyzeJson(dir);
});
afterAll(cleanupFixtures);

describe('path-api: packages without a barrel, used by deep imports', () => {
  it('has the 4 packages, 21 files, lib <-> trpc', () => {
    expect(packageTable(result)).toEqual({
      '@pa/web': { dir: 'apps/web', files: 2, dependsOn: ['@pa/lib', '@pa/trpc', '@pa/ui'], dependents: [] },
      '@pa/lib': { dir: 'packages/lib', files: 7, dependsOn: ['@pa/trpc'], dependents: ['@pa/trpc', '@pa/web'] },
      '@pa/trpc': { dir: 'packages/trpc', files: 6, dependsOn: ['@pa/lib'], dependents: ['@pa/lib', '@pa/web'] },
      '@pa/ui': { dir: 'packages/ui', files: 6, dependsOn: [], dependents: ['@pa/web'] },
    });
    expect(result.stats.files).toBe(21);
  });

  it('flags only the lib function that closes the cycle, noting it is public by path', () => {
    expect(misplacedGroups(result)).toEqual([
      { files: ['packages/lib/server-only/team/get-members.ts'], from: '@pa/lib', to: '@pa/trpc', targetDir: 'packages/trpc/server-only/team' },
    ]);
    const reasons = result.findings.misplaced[0]?.reasons.join('\n') ?? '';
    expect(reasons).toMatch(/imported only by @pa\/trpc \(1 file\)/);
    expect(reasons).toMatch(/@pa\/trpc\/server\/team\.types: it is part of the package cycle/);
    expect(reasons).toMatch(/no barrel/);
  });

  it('does not flag public files one app happens to use, nor a subpath entry', () => {
    const flagged = result.findings.misplaced.flatMap((m) => m.files);
    for (const file of [
      'packages/ui/primitives/spinner.tsx',
      'packages/ui/primitives/dialog.tsx',
      'packages/ui/components/signing-card.tsx',
      'packages/lib/client-only/use-trpc.ts',
      'packages/lib/server-only/user/get-user.ts',
      'packages/trpc/server/router.ts',
      'packages/trpc/client/index.ts',
    ]) {
      expect(flagged).not.toContain(file);
    }
  });

  it('reports the three identical copies as one duplicate, and no tool config', () => {
    expect(duplicateFiles(result)).toEqual([['apps/web/utils/remember.ts', 'packages/lib/utils/remember.ts', 'packages/trpc/utils/remember.ts']]);
    expect(result.findings.duplicates[0]?.similarity).toBe(1);
  });

  it('has the one cycle and nothing else', () => {
    expect(cyclePackages(result)).toEqual([['@pa/lib', '@pa/trpc']]);
    expect(result.findings.cycles[0]?.edges).toHaveLength(5);
    expect(findingCounts(result)).toEqual({ misplaced: 1, duplicates: 1, cycles: 1, undeclared: 0, unused: 0, boundaries: 0, unresolved: 0, problems: 0 });
  });
});
