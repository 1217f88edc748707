import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, type FixtureRepo, makeFixtureRepo, runRefactor } from '../helpers/gitFixture.js';

// Ctrl-C during a codemod apply, as a terminal sends it: SIGINT to the whole foreground process
// group (the CLI runs in a group of its own here, as a shell runs a job). The typecheck gate is a
// slow command; the interrupt cancels it, and must not count as the move failing its gate.
let repo: FixtureRepo | undefined;
afterEach(() => repo?.cleanup());

describe('apply (codemod): Ctrl-C during a gate', () => {
  it('rolls the batch back, marks nothing failed, exits 1, and --resume commits the move', async () => {
    repo = makeFixtureRepo('founding');
    writeFileSync(path.join(repo.dir, 'refactor.config.json'), JSON.stringify({ verify: { typecheck: 'node -e "setTimeout(() => {}, 5000)"', test: false } }));
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'config');
    const args = ['apply', '.', '--move', 'packages/orch/src/claude=@acme/agents', '--yes'];
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: repo.dir,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const deadline = Date.now() + 30_000;
    while (!/verify imports: ok/.test(out)) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the typecheck gate never started:\n${out}\n${err}`);
      await sleep(25);
    }
    await sleep(200);
    process.kill(-(child.pid as number), 'SIGINT');
    const code = await exit;

    expect(code, out + err).toBe(1);
    expect(err).toMatch(/apply was interrupted .*refactor apply --resume/);
    expect(out).toMatch(/verify typecheck: failed .*\n\s+cancelled: apply was interrupted/);
    expect(out).not.toMatch(/M1 failed|rollback|bisect/i);
    expect(repo.git('status', '--porcelain')).toBe('');
    expect(repo.git('log', '--format=%s')).toBe('config\ninitial');
    const journal = JSON.parse(readFileSync(path.join(repo.dir, '.git/refactor/journal.json'), 'utf8')) as {
      finished: boolean;
      batches: { failed: unknown[] }[];
    };
    expect(journal.finished).toBe(false);
    expect(journal.batches[0]?.failed).toEqual([]);

    const resumed = runRefactor(['apply', '.', '--resume', '--yes', '--no-typecheck'], repo.dir);
    expect(resumed.exitCode, resumed.stdout + resumed.stderr).toBe(0);
    expect(repo.git('log', '--format=%s')).toMatch(/^refactor: move packages\/orch\/src\/claude to @acme\/agents \(batch 1\/1\)\nconfig\ninitial$/);
  }, 60_000);
});
