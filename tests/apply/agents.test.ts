import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type FixtureRepo, makeFixtureRepo, REPO_ROOT, runRefactor } from '../helpers/gitFixture.js';

// `refactor apply --tasks` end to end: fake agents are real node scripts (fixtures/agents) that
// edit files in their own worktrees; a paid LLM agent is the only thing they stand in for.
const agent = (name: string) => `node ${path.join(REPO_ROOT, 'fixtures/agents', name)}`;

// The input file is not named tasks.json: that name in a worktree is how an agent asks for follow-ups.
function setup(verify: Record<string, string | false>, tasks: { id: string; prompt: string; footprint: string[] }[], install = false): FixtureRepo {
  const repo = makeFixtureRepo('founding', { install });
  writeFileSync(path.join(repo.dir, 'refactor.config.json'), JSON.stringify({ verify }, null, 2));
  writeFileSync(path.join(repo.dir, 'agent-tasks.json'), JSON.stringify({ version: 1, tasks }, null, 2));
  repo.git('add', '-A');
  repo.git('commit', '-q', '-m', 'tasks');
  return repo;
}

const read = (repo: FixtureRepo, file: string) => readFileSync(path.join(repo.dir, file), 'utf8');
const refactorCommits = (repo: FixtureRepo) =>
  repo
    .git('log', '--format=%s')
    .split('\n')
    .filter((s) => s.startsWith('refactor:'));

describe('apply --tasks with agents', () => {
  it('runs independent tasks in one batch, merges, verifies and commits, leaving no worktree', () => {
    const repo = setup({ typecheck: false, test: false }, [
      { id: 'T1', prompt: 'touch logger', footprint: ['packages/shared/src/logger.ts'] },
      { id: 'T2', prompt: 'touch scheduler', footprint: ['packages/orch/src/scheduler.ts'] },
      { id: 'T3', prompt: 'touch server', footprint: ['packages/mcp/src/server.ts'] },
    ]);
    try {
      const result = runRefactor(['apply', '.', '--tasks', 'agent-tasks.json', '--agent', agent('move-correct.mjs'), '--parallel', '3', '--yes'], repo.dir);
      expect(result.exitCode, result.stdout + result.stderr).toBe(0);
      expect(read(repo, 'packages/shared/src/logger.ts')).toContain('// done by T1');
      expect(read(repo, 'packages/orch/src/scheduler.ts')).toContain('// done by T2');
      expect(read(repo, 'packages/mcp/src/server.ts')).toContain('// done by T3');
      expect(refactorCommits(repo)).toHaveLength(1);
      expect(result.stdout).toMatch(/tasks: 3 done, 0 failed/);
      expect(repo.git('status', '--porcelain')).toBe('');
      expect(repo.git('worktree', 'list').split('\n')).toHaveLength(1);
      const runs = readdirSync(path.join(repo.dir, '.git/refactor/runs'));
      const report = JSON.parse(read(repo, `.git/refactor/runs/${runs[0]}/report.json`));
      expect(report.summary.done).toBe(3);
      expect(report.summary.sumTaskMs).toBeGreaterThan(0);
    } finally {
      repo.cleanup();
    }
  }, 120_000);

  it('rejects a task that writes outside its footprint, naming the file, and commits nothing', () => {
    const repo = setup({ typecheck: false, test: false }, [{ id: 'T1', prompt: 'touch logger', footprint: ['packages/shared/src/logger.ts'] }]);
    try {
      const result = runRefactor(['apply', '.', '--tasks', 'agent-tasks.json', '--agent', agent('outside-footprint.mjs'), '--yes'], repo.dir);
      expect(result.exitCode).toBe(1);
      expect(result.stdout).toMatch(/failed T1 \(execute\): rejected: .*OUTSIDE-T1\.txt/);
      expect(refactorCommits(repo)).toHaveLength(0);
      expect(existsSync(path.join(repo.dir, 'OUTSIDE-T1.txt'))).toBe(false);
      expect(repo.git('status', '--porcelain')).toBe('');
    } finally {
      repo.cleanup();
    }
  }, 120_000);

  it('plans follow-up tasks an agent writes into a later batch', () => {
    const repo = setup({ typecheck: false, test: false }, [{ id: 'T1', prompt: 'touch logger', footprint: ['packages/shared/src/logger.ts'] }]);
    try {
      const result = runRefactor(['apply', '.', '--tasks', 'agent-tasks.json', '--agent', agent('follow-ups.mjs'), '--yes'], repo.dir, {
        FOLLOW_UPS_COUNT: '2',
      });
      expect(result.exitCode, result.stdout + result.stderr).toBe(0);
      // Every follow-up agent asks for two more: 1 + 2 + 4 tasks, then the depth limit stops it.
      expect(result.stdout).toMatch(/tasks: 7 done/);
      expect(result.stdout).toMatch(/follow-up T1\.f\d\.f\d\.f1 dropped: depth 3 exceeds the maximum depth 2/);
      expect(refactorCommits(repo).length).toBeGreaterThanOrEqual(3);
      expect(refactorCommits(repo)[0]).toMatch(/^refactor: T1\.f\d\.f\d follow-up \d of T1\.f\d \(batch \d+\/\d+\)$/);
    } finally {
      repo.cleanup();
    }
  }, 120_000);

  it('rolls back a task whose code fails the typecheck gate', () => {
    const repo = setup({ typecheck: 'npx tsc -p .', test: false }, [{ id: 'T1', prompt: 'break types', footprint: ['packages/shared/src/ids.ts'] }], true);
    try {
      const before = read(repo, 'packages/shared/src/ids.ts');
      const result = runRefactor(['apply', '.', '--tasks', 'agent-tasks.json', '--agent', agent('bad-types.mjs'), '--yes'], repo.dir);
      expect(result.exitCode).toBe(1);
      expect(result.stdout).toMatch(/failed T1 \(typecheck\)/);
      expect(read(repo, 'packages/shared/src/ids.ts')).toBe(before);
      expect(refactorCommits(repo)).toHaveLength(0);
      expect(repo.git('status', '--porcelain')).toBe('');
    } finally {
      repo.cleanup();
    }
  }, 180_000);
});
