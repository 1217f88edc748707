import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RefactorEvent } from '@monorefactor/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planFollowUps, runAgentBatch, summarize } from './index.js';
import { isPidAlive } from './process-tree.js';
import type { AgentRunnerOptions, AgentTask } from './types.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures/agents');
const agent = (name: string, ...args: string[]) => [process.execPath, path.join(FIXTURES, name), ...args];

let scratch: string;
let repo: string;
let base: string;
let runs = 0;

const sh = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'agents-test-'));
  repo = path.join(scratch, 'repo');
  for (const [file, text] of Object.entries({
    'package.json': '{ "name": "fixture", "private": true, "workspaces": ["packages/*"] }\n',
    'packages/a/src/a.ts': 'export const a = 1;\n',
    'packages/b/src/b.ts': 'export const b = 2;\n',
    'packages/c/src/c.ts': 'export const c = 3;\n',
    'packages/d/src/d.ts': 'export const d = 4;\n',
  })) {
    mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    writeFileSync(path.join(repo, file), text);
  }
  sh(repo, 'init', '--quiet', '--initial-branch=main');
  sh(repo, 'add', '--all');
  sh(repo, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '--quiet', '-m', 'init');
  base = sh(repo, 'rev-parse', 'HEAD');
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function task(id: string, files: string[], extra: Partial<AgentTask> = {}): AgentTask {
  return { id, kind: 'task', prompt: `Append a line to ${files.join(', ')}`, files, footprint: files, depth: 0, ...extra };
}

/** Options for one run: its own run id, pid file and scratch dir; events collected. */
function setup(command: string[], extra: Partial<AgentRunnerOptions> = {}) {
  const run = `run${++runs}`;
  const pidFile = path.join(scratch, `${run}.pids`);
  const tmpDir = path.join(scratch, `${run}.tmp`);
  mkdirSync(tmpDir);
  const events: RefactorEvent[] = [];
  const options: AgentRunnerOptions = {
    root: repo,
    baseRef: base,
    command,
    parallel: 1,
    timeoutMs: 20_000,
    retries: 0,
    killGraceMs: 300,
    backoffMs: 10,
    runId: run,
    batch: 1,
    tmpDir,
    env: { REFACTOR_PIDFILE: pidFile },
    onEvent: (event) => events.push(event),
    ...extra,
  };
  const pids = () => (existsSync(pidFile) ? readFileSync(pidFile, 'utf8').split('\n').filter(Boolean).map(Number) : []);
  return { run, options, events, pids, tmpDir };
}

/** No worktree but the main one, no task branch, no scratch dir, the user's tree untouched. */
function expectCleanedUp(tmpDir: string) {
  expect(sh(repo, 'worktree', 'list', '--porcelain').match(/^worktree /gm)).toHaveLength(1);
  expect(sh(repo, 'branch', '--list', 'refactor/*')).toBe('');
  expect(readdirSync(tmpDir)).toEqual([]);
  expect(sh(repo, 'status', '--porcelain')).toBe('');
}

describe('runAgentBatch', () => {
  it('runs a correct agent in its own worktree, streams its output and logs it', async () => {
    const { options, events, run, tmpDir } = setup(agent('move-correct.mjs', '--prompt', '{promptFile}'), { parallel: 2 });
    // T2 runs the script itself (shebang, no shell), T1 through node.
    const direct = { ...options, command: [path.join(FIXTURES, 'move-correct.mjs')] };
    const [t1] = await runAgentBatch([task('T1', ['packages/a/src/a.ts'])], options);
    const [t2] = await runAgentBatch([task('T2', ['packages/b/src/new.ts'])], direct);

    expect(t1).toMatchObject({ id: 'T1', status: 'done', attempts: 1, changedFiles: ['packages/a/src/a.ts'], followUps: [] });
    expect(t1?.error).toBeUndefined();
    expect(t1?.patch).toContain('+// done by T1');
    expect(t2).toMatchObject({ status: 'done', changedFiles: ['packages/b/src/new.ts'] });
    expect(t2?.patch).toContain('new file mode 100644');

    const logFile = path.join(repo, '.git', 'refactor', 'runs', run, 'T1.log');
    expect(t1?.logFile).toBe(logFile);
    const log = readFileSync(logFile, 'utf8');
    expect(log).toContain('prompt: # Task T1');
    expect(log).toContain('[stderr] working on 1 file(s)');
    expect(log).toContain('edited packages/a/src/a.ts');

    const forT1 = events.filter((event) => 'task' in event && event.task === 'T1');
    expect(forT1[0]).toEqual({ type: 'task:start', batch: 1, task: 'T1', title: 'Append a line to packages/a/src/a.ts', attempt: 1 });
    expect(forT1).toContainEqual({ type: 'task:log', task: 'T1', stream: 'stdout', line: 'prompt: # Task T1' });
    expect(forT1).toContainEqual({ type: 'task:log', task: 'T1', stream: 'stderr', line: 'working on 1 file(s)' });
    expect(forT1.at(-1)).toMatchObject({ type: 'task:end', task: 'T1', status: 'done', attempt: 1 });
    expectCleanedUp(tmpDir);
  });

  it("gives a finished task's worktree, reset to the base, to a later task (the second wave's are made while the first works)", async () => {
    const { options, tmpDir } = setup(agent('move-correct.mjs'));
    const outcomes = await runAgentBatch(
      [
        task('W1', ['packages/b/src/b.ts', 'packages/b/src/untracked.ts']),
        task('W2', ['packages/a/src/a.ts']),
        task('W3', ['packages/c/src/c.ts']),
        task('W4', ['packages/d/src/d.ts']),
      ],
      options,
    );
    // W3 runs in W1's worktree: nothing of W1's (an edit, a new file) is left in it.
    expect(outcomes.map((o) => [o.status, o.changedFiles])).toEqual([
      ['done', ['packages/b/src/b.ts', 'packages/b/src/untracked.ts']],
      ['done', ['packages/a/src/a.ts']],
      ['done', ['packages/c/src/c.ts']],
      ['done', ['packages/d/src/d.ts']],
    ]);
    const logs = outcomes.map((o) =>
      readFileSync(o.logFile, 'utf8')
        .match(/worktree (\S+) on \S+ \((new|reused)\)/)
        ?.slice(1),
    );
    expect(logs.map((log) => log?.[1])).toEqual(['new', 'new', 'reused', 'reused']);
    expect(logs[2]?.[0]).toBe(logs[0]?.[0]);
    expect(logs[3]?.[0]).toBe(logs[1]?.[0]);
    expectCleanedUp(tmpDir);
  });

  it('rejects a change outside the footprint, with the offending files, without retrying', async () => {
    const { options, tmpDir } = setup(agent('outside-footprint.mjs'), { retries: 2 });
    const [outcome] = await runAgentBatch([task('T2', ['packages/a/src/a.ts'], { footprint: ['packages/a/**'] })], options);
    expect(outcome).toMatchObject({ status: 'rejected', attempts: 1, offending: ['OUTSIDE-T2.txt'] });
    expect(outcome?.changedFiles).toEqual(['OUTSIDE-T2.txt', 'packages/a/src/a.ts']);
    expect(outcome?.error).toContain('OUTSIDE-T2.txt');
    expectCleanedUp(tmpDir);
  });

  it('retries a crashing agent from a clean worktree: crash-twice succeeds on attempt 3', async () => {
    const { options, events, tmpDir } = setup(agent('crash-twice.mjs'), { retries: 2 });
    const [outcome] = await runAgentBatch([task('T3', ['packages/a/src/a.ts'])], options);
    expect(outcome).toMatchObject({ status: 'done', attempts: 3, changedFiles: ['packages/a/src/a.ts'] });
    expect(events.filter((event) => event.type === 'task:start').map((event) => event.type === 'task:start' && event.attempt)).toEqual([1, 2, 3]);
    expect(events).toContainEqual({ type: 'task:log', task: 'T3', stream: 'info', line: 'the agent exited with code 1; retrying in 20 ms' });
    expectCleanedUp(tmpDir);

    const again = setup(agent('crash-twice.mjs'), { retries: 1 });
    const [failed] = await runAgentBatch([task('T3b', ['packages/a/src/a.ts'])], again.options);
    expect(failed).toMatchObject({ status: 'failed', attempts: 2, error: 'the agent exited with code 1' });
  });

  it('times out a hanging agent, retries it, and leaves no process behind', async () => {
    const { options, pids, tmpDir } = setup(agent('hang.mjs'), { timeoutMs: 400, retries: 1 });
    const [outcome] = await runAgentBatch([task('T4', ['packages/a/src/a.ts'])], options);
    expect(outcome).toMatchObject({ status: 'timeout', attempts: 2, error: 'timed out after 400 ms' });
    expect(pids()).toHaveLength(2);
    for (const pid of pids()) expect(isPidAlive(pid)).toBe(false);
    expectCleanedUp(tmpDir);
  });

  it('SIGKILLs an agent that ignores SIGTERM after the grace period, with its child', async () => {
    const { options, pids, tmpDir } = setup(agent('ignore-sigterm.mjs'), { timeoutMs: 500, killGraceMs: 700 });
    const started = Date.now();
    const [outcome] = await runAgentBatch([task('T5', ['packages/a/src/a.ts'])], options);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1200);
    expect(outcome).toMatchObject({ status: 'timeout', attempts: 1 });
    expect(readFileSync(outcome!.logFile, 'utf8')).toContain('got SIGTERM, ignoring it');
    expect(pids()).toHaveLength(2);
    for (const pid of pids()) expect(isPidAlive(pid)).toBe(false);
    expectCleanedUp(tmpDir);
  });

  it('kills what an agent leaves running (holding its stdout) when it exits', async () => {
    const script = [
      "const { spawn } = require('node:child_process');",
      "const c = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'inherit' }); c.unref();",
      "require('node:fs').appendFileSync(process.env.REFACTOR_PIDFILE, c.pid + '\\n');",
    ].join(' ');
    const { options, pids } = setup([process.execPath, '-e', script], { killGraceMs: 2000 });
    const [outcome] = await runAgentBatch([task('T6', ['packages/a/src/a.ts'])], options);
    expect(outcome).toMatchObject({ status: 'done', changedFiles: [] });
    expect(pids()).toHaveLength(1);
    expect(isPidAlive(pids()[0]!)).toBe(false);
    expect(readFileSync(outcome!.logFile, 'utf8')).toContain('left processes running');
  });

  it('takes a bad-types change as done (the verifier catches it)', async () => {
    const { options } = setup(agent('bad-types.mjs'));
    const [outcome] = await runAgentBatch([task('T7', ['packages/a/src/bad.ts'], { footprint: ['packages/a/src/**'] })], options);
    expect(outcome).toMatchObject({ status: 'done', changedFiles: ['packages/a/src/bad.ts'] });
    expect(outcome?.patch).toContain("+export const answer: number = 'forty-two';");
  });

  it('reads follow-up tasks from tasks.json (depth + 1, not part of the patch)', async () => {
    const { options } = setup(agent('follow-ups.mjs'), { env: { FOLLOW_UPS_COUNT: '3' } });
    const [outcome] = await runAgentBatch([task('T8', ['packages/a/src/a.ts'])], options);
    expect(outcome).toMatchObject({ status: 'done', changedFiles: ['packages/a/src/a.ts'] });
    expect(outcome?.patch).not.toContain('tasks.json');
    expect(outcome?.followUps.map((f) => [f.id, f.depth, f.dependsOn])).toEqual([
      ['T8.f1', 1, undefined],
      ['T8.f2', 1, ['T8.f1']],
      ['T8.f3', 1, ['T8.f1']],
    ]);
    expect(outcome?.followUps[0]).toMatchObject({ kind: 'task', prompt: 'follow-up 1 of T8', footprint: ['packages/a/src/a.ts'] });
    const plan = planFollowUps([outcome!], { maxDepth: 1, maxPerDepth: 2 });
    expect(plan.accepted.map((t) => t.id)).toEqual(['T8.f1', 'T8.f2']);
    expect(plan.dropped).toEqual([{ id: 'T8.f3', reason: 'more than 2 follow-up tasks at depth 1' }]);
  });

  it('fails at once when the agent command does not exist', async () => {
    const { options } = setup(['no-such-agent-command-xyz'], { retries: 2 });
    const [outcome] = await runAgentBatch([task('T9', ['packages/a/src/a.ts'])], options);
    expect(outcome).toMatchObject({ status: 'failed', attempts: 1 });
    expect(outcome?.error).toMatch(/^cannot start the agent: .*ENOENT/);
  });

  it('stops everything on abort: children killed, worktrees removed, unfinished tasks aborted', async () => {
    const controller = new AbortController();
    const { options, pids, tmpDir } = setup(agent('hang.mjs'), { parallel: 2, signal: controller.signal, killGraceMs: 500 });
    const tasks = ['A1', 'A2', 'A3'].map((id, i) => task(id, [`packages/${'abc'[i]}/src/x.ts`]));
    const running = runAgentBatch(tasks, options);
    while (pids().length < 2) await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    const outcomes = await running;
    expect(outcomes.map((o) => [o.id, o.status, o.attempts])).toEqual([
      ['A1', 'aborted', 1],
      ['A2', 'aborted', 1],
      ['A3', 'aborted', 0],
    ]);
    for (const pid of pids()) expect(isPidAlive(pid)).toBe(false);
    expectCleanedUp(tmpDir);
    expect(summarize(outcomes, 1000)).toMatchObject({ aborted: 3, done: 0 });
  });

  it('on --resume reuses the result of a task that finished in the interrupted run', async () => {
    const { options } = setup(agent('move-correct.mjs'));
    const [first] = await runAgentBatch([task('R1', ['packages/a/src/a.ts'])], options);
    const [again] = await runAgentBatch([task('R1', ['packages/a/src/a.ts'])], { ...options, command: ['false'], resume: true });
    expect(again).toEqual(first);
    const [notResumed] = await runAgentBatch([task('R1', ['packages/a/src/a.ts'])], { ...options, command: ['false'] });
    expect(notResumed?.status).toBe('failed');
  });

  it('removes the worktrees and branches a killed run of the same id left behind', async () => {
    const { options, tmpDir } = setup(agent('move-correct.mjs'));
    const left = path.join(tmpDir, 'refactor-left', 'refactor-left');
    sh(repo, 'worktree', 'add', '--quiet', '-b', `refactor/${options.runId}/T1`, left, base);
    sh(repo, 'branch', `refactor/${options.runId}/T2`, base);
    expect(await runAgentBatch([], options)).toEqual([]);
    expect(existsSync(path.dirname(left))).toBe(false);
    expectCleanedUp(tmpDir);
  });

  it('runs 4 slow tasks at --parallel 4 in well under half the time of --parallel 1', async () => {
    const tasks = ['a', 'b', 'c', 'd'].map((p) => task(`S${p}`, [`packages/${p}/src/${p}.ts`]));
    const env = { REFACTOR_AGENT_SLEEP_MS: '1000' };
    const timed = async (parallel: number) => {
      const { options } = setup(agent('slow.mjs'), { parallel, env });
      const started = performance.now();
      const outcomes = await runAgentBatch(tasks, options);
      const wall = performance.now() - started;
      expect(outcomes.map((o) => o.status)).toEqual(['done', 'done', 'done', 'done']);
      return summarize(outcomes, wall);
    };
    const one = await timed(1);
    const four = await timed(4);
    expect(four.wallMs / one.wallMs).toBeLessThan(0.5);
    expect(four.speedup).toBeGreaterThan(2);
    expect(one.speedup).toBeLessThanOrEqual(1.05);
  });
});
