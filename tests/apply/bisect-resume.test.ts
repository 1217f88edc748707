import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, makeFixtureRepo, runRefactor } from '../helpers/gitFixture.js';

function setVerify(dir: string, verify: Record<string, string | false>): void {
  writeFileSync(path.join(dir, 'refactor.config.json'), JSON.stringify({ verify }, null, 2));
}

describe('bisection', () => {
  it('commits the moves that pass and reports the one that breaks, with the gate output', () => {
    const repo = makeFixtureRepo('founding', { install: true });
    try {
      // A typecheck that rejects one specific move: the Claude runner arriving in @acme/agents.
      setVerify(repo.dir, { typecheck: "test ! -e packages/agents/src/claude/runner.ts || { echo 'claude runner must stay in orch'; exit 1; }", test: false });
      repo.git('add', '-A');
      repo.git('commit', '-q', '-m', 'config');
      const result = runRefactor(['apply', '.', '--yes', '--parallel', '4'], repo.dir);
      expect(result.exitCode).toBe(1);
      expect(result.stdout).toMatch(/failed M3 \(typecheck\)/);
      expect(result.stdout).toContain('claude runner must stay in orch');
      expect(existsSync(path.join(repo.dir, 'packages/orch/src/claude/runner.ts'))).toBe(true);
      expect(existsSync(path.join(repo.dir, 'packages/mcp/src/mcp/client.ts'))).toBe(true);
      expect(existsSync(path.join(repo.dir, 'packages/mcp/src/stores/mcp-store.ts'))).toBe(true);
      const subjects = repo.git('log', '--format=%s').split('\n');
      expect(subjects.filter((s) => s.startsWith('refactor:'))).toHaveLength(2);
      expect(subjects.some((s) => s.includes('claude'))).toBe(false);
      expect(repo.git('status', '--porcelain')).toBe('');
    } finally {
      repo.cleanup();
    }
  }, 300_000);
});

describe('resume', () => {
  it('finishes a run killed mid-way, from the journal', async () => {
    const repo = makeFixtureRepo('founding', { install: true });
    try {
      // A slow gate gives the test time to kill the run between two batches.
      setVerify(repo.dir, { typecheck: 'sleep 1 && npx tsc -p .', test: false });
      repo.git('add', '-A');
      repo.git('commit', '-q', '-m', 'config');
      const child = spawn(process.execPath, [CLI, 'apply', '.', '--yes', '--parallel', '2'], { cwd: repo.dir, stdio: 'ignore' });
      const deadline = Date.now() + 120_000;
      while (Date.now() < deadline) {
        if (repo.git('log', '--format=%s').includes('refactor:')) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const journalFile = path.join(repo.dir, '.git/refactor/journal.json');
      const journal = JSON.parse(readFileSync(journalFile, 'utf8'));
      expect(journal.finished).toBe(false);
      const committedBefore = repo
        .git('log', '--format=%s')
        .split('\n')
        .filter((s) => s.startsWith('refactor:')).length;
      expect(committedBefore).toBeGreaterThanOrEqual(1);

      // A new run without --resume refuses: the interrupted one must be finished first.
      const refused = runRefactor(['apply', '.', '--yes'], repo.dir);
      expect(refused.exitCode).toBe(2);
      expect(refused.stderr).toMatch(/--resume/);

      const resumed = runRefactor(['apply', '.', '--yes', '--resume'], repo.dir);
      expect(resumed.exitCode, resumed.stdout + resumed.stderr).toBe(0);
      const final = JSON.parse(readFileSync(journalFile, 'utf8'));
      expect(final.finished).toBe(true);
      const commits = repo
        .git('log', '--format=%s')
        .split('\n')
        .filter((s) => s.startsWith('refactor:'));
      expect(commits).toHaveLength(final.plan.batches.length);
      expect(existsSync(path.join(repo.dir, 'packages/agents/src/claude/runner.ts'))).toBe(true);
      expect(existsSync(path.join(repo.dir, 'packages/mcp/src/mcp/client.ts'))).toBe(true);
      expect(repo.git('status', '--porcelain')).toBe('');
    } finally {
      repo.cleanup();
    }
  }, 300_000);
});

describe('not a git repository', () => {
  it('exits 2 with one line and touches nothing', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'refactor-nogit-'));
    try {
      writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'x', workspaces: ['packages/*'] }));
      const result = runRefactor(['apply', '.', '--yes', '--move', 'a=b'], dir);
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toMatch(/not inside a git work tree/);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
