import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureRepo, makeFixtureRepo, runInRepo, runRefactor } from '../helpers/gitFixture.js';

// The product's promise on the founding scenario: `refactor apply --yes --parallel 4` moves the MCP
// code to @acme/mcp and the Claude code to @acme/agents, one verified commit per batch, and the
// fixture's own typecheck and test suite still pass (same number of tests).
describe('refactor apply on the founding scenario', () => {
  let repo: FixtureRepo;
  let plan: { moves: { id: string }[]; batches: string[][] };
  let testsBefore: number;
  let apply: ReturnType<typeof runRefactor>;

  beforeAll(() => {
    repo = makeFixtureRepo('founding', { install: true });
    testsBefore = countTests(runInRepo('npx', ['vitest', 'run'], repo.dir).stdout);
    const planned = runRefactor(['plan', '.', '--json'], repo.dir);
    expect(planned.exitCode, planned.stderr).toBe(0);
    plan = JSON.parse(planned.stdout);
    apply = runRefactor(['apply', '.', '--yes', '--parallel', '4'], repo.dir);
  }, 300_000);
  afterAll(() => repo?.cleanup());

  it('exits 0 and reports every batch committed', () => {
    expect(apply.stderr).toBe('');
    expect(apply.exitCode, apply.stdout).toBe(0);
    expect(plan.moves.map((m) => m.id).sort()).toEqual(['M1', 'M2', 'M3']);
  });

  it('moves the MCP code to @acme/mcp and the Claude code to @acme/agents', () => {
    const exists = (file: string) => existsSync(path.join(repo.dir, file));
    for (const file of [
      'packages/mcp/src/mcp/client.ts',
      'packages/mcp/src/mcp/transport.ts',
      'packages/mcp/src/mcp/client.test.ts',
      'packages/mcp/src/stores/mcp-store.ts',
    ])
      expect(exists(file), file).toBe(true);
    for (const file of ['packages/agents/src/claude/runner.ts', 'packages/agents/src/claude/prompt.ts', 'packages/agents/src/claude/runner.test.ts'])
      expect(exists(file), file).toBe(true);
    for (const file of ['packages/shared/src/mcp/client.ts', 'packages/shared/src/stores/mcp-store.ts', 'packages/orch/src/claude/runner.ts'])
      expect(exists(file), file).toBe(false);
    // Genuinely shared code stays.
    for (const file of ['packages/shared/src/logger.ts', 'packages/shared/src/config.ts', 'packages/shared/src/ids.ts']) expect(exists(file), file).toBe(true);
  });

  it('rewrites importers to the new locations', () => {
    const read = (file: string) => readFileSync(path.join(repo.dir, file), 'utf8');
    const server = read('packages/mcp/src/server.ts');
    expect(server).not.toContain('@acme/shared/mcp/client');
    expect(server).not.toContain('@acme/shared/stores/mcp-store');
    expect(server).toContain("from './mcp/client'");
    expect(server).toContain("from './stores/mcp-store'");
    const agent = read('packages/agents/src/claude-agent.ts');
    expect(agent).toContain("from './claude/runner'");
    expect(agent).not.toContain('@acme/orch');
    // The moved store now imports its own package's registry relatively: no more cycle.
    expect(read('packages/mcp/src/stores/mcp-store.ts')).toContain("from '../registry'");
    expect(read('packages/mcp/src/stores/mcp-store.ts')).toContain("from '@acme/shared/logger'");
  });

  it('makes one commit per batch and leaves a clean tree', () => {
    const subjects = repo.git('log', '--format=%s').split('\n');
    expect(subjects.at(-1)).toBe('initial');
    const made = subjects.slice(0, -1);
    expect(made).toHaveLength(plan.batches.length);
    for (const subject of made) expect(subject).toMatch(/^refactor: move .* \(batch \d+\/\d+\)$/);
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  it('leaves no package cycle and no misplaced module behind', () => {
    const after = JSON.parse(runRefactor(['analyze', '.', '--json'], repo.dir).stdout);
    expect(after.findings.cycles).toEqual([]);
    expect(after.findings.misplaced).toEqual([]);
    expect(after.findings.unresolved).toEqual([]);
  });

  it("passes the fixture's own typecheck and the same number of tests", () => {
    const tsc = runInRepo('npx', ['tsc', '-p', '.'], repo.dir);
    expect(tsc.exitCode, tsc.stdout).toBe(0);
    const tests = runInRepo('npx', ['vitest', 'run'], repo.dir);
    expect(tests.exitCode, tests.stdout).toBe(0);
    expect(countTests(tests.stdout)).toBe(testsBefore);
    expect(testsBefore).toBeGreaterThan(0);
  });

  it('writes MIGRATION.md with old and new paths and specifiers', () => {
    const guide = readFileSync(path.join(repo.dir, 'MIGRATION.md'), 'utf8');
    expect(guide).toContain('`packages/shared/src/mcp/client.ts` | `packages/mcp/src/mcp/client.ts`');
    expect(guide).toContain('`packages/orch/src/claude/runner.ts` | `packages/agents/src/claude/runner.ts`');
    expect(guide).toContain('(batch 1/');
  });
});

describe('refactor apply refuses unsafe input', () => {
  it('exits 2 on a dirty tree and touches nothing', () => {
    const repo = makeFixtureRepo('founding');
    try {
      writeFileSync(path.join(repo.dir, 'packages/shared/src/logger.ts'), '// local edit\n', { flag: 'a' });
      const result = runRefactor(['apply', '.', '--yes'], repo.dir);
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toMatch(/uncommitted changes.*fix: commit or stash/);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(existsSync(path.join(repo.dir, 'packages/shared/src/mcp/client.ts'))).toBe(true);
      expect(repo.git('log', '--format=%s')).toBe('initial');
    } finally {
      repo.cleanup();
    }
  });

  it('exits 2 without a terminal and without --yes', () => {
    const repo = makeFixtureRepo('founding');
    try {
      const result = runRefactor(['apply', '.'], repo.dir);
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toMatch(/--yes/);
      expect(repo.git('status', '--porcelain')).toBe('');
    } finally {
      repo.cleanup();
    }
  });

  it('--dry-run prints the diff and changes nothing', () => {
    const repo = makeFixtureRepo('founding');
    try {
      const result = runRefactor(['apply', '.', '--dry-run', '--move', 'packages/orch/src/claude=@acme/agents'], repo.dir);
      expect(result.exitCode, result.stderr).toBe(0);
      expect(result.stdout).toContain('+++ b/packages/agents/src/claude-agent.ts');
      expect(result.stdout).toContain("-import { ClaudeRunner, type CompleteFn } from '@acme/orch/claude/runner';");
      expect(repo.git('status', '--porcelain')).toBe('');
      expect(repo.git('log', '--format=%s')).toBe('initial');
    } finally {
      repo.cleanup();
    }
  });
});

function countTests(output: string): number {
  const match = /Tests\s+(\d+) passed/.exec(output);
  return match ? Number(match[1]) : -1;
}
