import { describe, expect, it } from 'vitest';
import { makeFixtureRepo, runRefactor } from '../helpers/gitFixture.js';

// `--json` output is NDJSON of the typed event stream (DESIGN.md), `--dry-run` included.
describe('refactor apply --dry-run', () => {
  it('--json prints one event per line: the plan, each move, its warnings, every file it would write with its diff', () => {
    const repo = makeFixtureRepo('founding');
    try {
      const result = runRefactor(['apply', '.', '--dry-run', '--json', '--move', 'packages/orch/src/claude=@acme/agents'], repo.dir);
      expect(result.exitCode, result.stderr).toBe(0);
      const lines = result.stdout.trimEnd().split('\n');
      const events = lines.map((line) => JSON.parse(line) as { type: string; [key: string]: unknown });
      expect(events[0]).toEqual({ type: 'plan:ready', moves: 1, batches: 1 });
      expect(events[1]).toMatchObject({ type: 'dry-run:move', task: 'M1', batch: 1, fromPackage: '@acme/orch', toPackage: '@acme/agents' });
      expect(events.at(-1)).toMatchObject({ type: 'run:end', ok: true, committed: 0, failed: 0 });
      const changes = events.filter((e) => e.type === 'dry-run:change') as unknown as { path: string; change: string; diff: string; task: string }[];
      expect(changes.length).toBeGreaterThan(3);
      const edited = changes.find((c) => c.path === 'packages/agents/src/claude-agent.ts');
      expect(edited?.change).toBe('modify');
      expect(edited?.diff).toContain("-import { ClaudeRunner, type CompleteFn } from '@acme/orch/claude/runner';");
      const created = changes.find((c) => c.path === 'packages/agents/src/claude/runner.ts');
      expect(created?.change).toBe('create');
      expect(created?.diff.split('\n').slice(0, 2)).toEqual([
        'diff --git a/packages/agents/src/claude/runner.ts b/packages/agents/src/claude/runner.ts',
        'new file mode 100644',
      ]);
      const deleted = changes.find((c) => c.path === 'packages/orch/src/claude/runner.ts');
      expect(deleted?.change).toBe('delete');
      expect(deleted?.diff.split('\n').slice(0, 2)).toEqual([
        'diff --git a/packages/orch/src/claude/runner.ts b/packages/orch/src/claude/runner.ts',
        'deleted file mode 100644',
      ]);
      // each diff is its own file's
      for (const change of changes) expect(change.diff.match(/^diff --git /gm)).toHaveLength(1);
      expect(repo.git('status', '--porcelain')).toBe('');
    } finally {
      repo.cleanup();
    }
  });

  it('without --json prints the diff, with `a/x b/x` headers for created and deleted files', () => {
    const repo = makeFixtureRepo('founding');
    try {
      const result = runRefactor(['apply', '.', '--dry-run', '--move', 'packages/orch/src/claude=@acme/agents'], repo.dir);
      expect(result.exitCode, result.stderr).toBe(0);
      expect(result.stdout.split('\n')[0]).toBe('# M1: @acme/orch -> @acme/agents');
      expect(result.stdout).toContain('diff --git a/packages/agents/src/claude/runner.ts b/packages/agents/src/claude/runner.ts\nnew file mode');
      expect(result.stdout).toContain('diff --git a/packages/orch/src/claude/runner.ts b/packages/orch/src/claude/runner.ts\ndeleted file mode');
      expect(result.stdout).not.toMatch(/^diff --git (b\/\S+ b|a\/\S+ a)\//m);
      expect(() => JSON.parse(result.stdout.split('\n')[0] as string)).toThrow();
    } finally {
      repo.cleanup();
    }
  });
});
