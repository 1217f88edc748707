import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, type FixtureRepo, makeFixtureRepo, REPO_ROOT, runRefactor } from '../helpers/gitFixture.js';

// Ctrl-C from the CLI, end to end: the real `refactor` process with real fake agents (node
// scripts that record their pids) in real worktrees, interrupted by a real SIGINT.
const agent = (name: string) => `node ${path.join(REPO_ROOT, 'fixtures/agents', name)}`;
interface Task {
  id: string;
  prompt: string;
  footprint: string[];
  dependsOn?: string[];
}
const TASKS: [Task, Task, Task] = [
  { id: 'T1', prompt: 'touch logger', footprint: ['packages/shared/src/logger.ts'] },
  { id: 'T2', prompt: 'touch scheduler', footprint: ['packages/orch/src/scheduler.ts'] },
  { id: 'T3', prompt: 'touch server', footprint: ['packages/mcp/src/server.ts'] },
];

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

let repo: FixtureRepo | undefined;
let scratch: string | undefined;
let running: ChildProcess | undefined;
const pidFiles: string[] = [];
afterEach(() => {
  // A failed test must not leave its detached agents behind: each is its own process group.
  if (running?.exitCode === null) running.kill('SIGKILL');
  for (const pid of pidFiles.splice(0).flatMap(pidsIn)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Gone already (or not a group leader: its leader's group kill got it).
    }
  }
  repo?.cleanup();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** The founding fixture with three disjoint tasks; gates off unless given (the run is what is tested, not tsc). */
function setup(
  verify: Record<string, string | false> = { typecheck: false, test: false },
  tasks: Task[] = TASKS,
): { repo: FixtureRepo; scratch: string; pidFile: string } {
  repo = makeFixtureRepo('founding');
  scratch = mkdtempSync(path.join(tmpdir(), 'refactor-interrupt-'));
  const pidFile = path.join(scratch, 'pids');
  pidFiles.push(pidFile, path.join(scratch, 'resume-pids'));
  writeFileSync(path.join(repo.dir, 'refactor.config.json'), JSON.stringify({ verify }));
  writeFileSync(path.join(repo.dir, 'agent-tasks.json'), JSON.stringify({ version: 1, tasks }));
  repo.git('add', '-A');
  repo.git('commit', '-q', '-m', 'tasks');
  return { repo, scratch, pidFile };
}

/** Start the CLI in the background; TMPDIR is the test's own, so leftover scratch dirs can be counted. */
/** The CLI as a child; `group`: in a process group of its own, as a shell runs a foreground job. */
function start(args: string[], cwd: string, env: NodeJS.ProcessEnv, options: { group?: boolean } = {}): Run {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.group ?? false,
  });
  running = child;
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  return { child, stdout: () => out, stderr: () => err, exit };
}

async function until(what: string, condition: () => boolean, run: Run, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline || run.child.exitCode !== null) throw new Error(`never saw ${what}:\n${run.stdout()}\n${run.stderr()}`);
    await sleep(25);
  }
}

const pidsIn = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map(Number) : []);

/** Running, and not a zombie: an orphan reparented to a container's init may never be reaped. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^[ZX]/.test(stat.slice(stat.lastIndexOf(')') + 2));
  } catch {
    return !existsSync('/proc/self');
  }
}

/** The pids still alive after up to `ms`: SIGKILLed processes need a moment to be scheduled and die. */
async function survivors(pids: number[], ms = 2_000): Promise<number[]> {
  const deadline = Date.now() + ms;
  while (pids.some(isAlive) && Date.now() < deadline) await sleep(25);
  return pids.filter(isAlive);
}

const journalOf = (dir: string) => JSON.parse(readFileSync(path.join(dir, '.git/refactor/journal.json'), 'utf8'));
const worktrees = (r: FixtureRepo) => r.git('worktree', 'list', '--porcelain').match(/^worktree /gm) ?? [];
const refactorCommits = (r: FixtureRepo) =>
  r
    .git('log', '--format=%s')
    .split('\n')
    .filter((s) => s.startsWith('refactor:'));

describe('Ctrl-C during apply --tasks', () => {
  it('kills the agents, removes the worktrees, keeps what finished in the journal, and --resume completes the rest', async () => {
    const { repo, scratch, pidFile } = setup();
    const head = repo.git('rev-parse', 'HEAD');
    const agentTmp = mkdtempSync(path.join(scratch, 'tmp-'));
    // T1 finishes at once; T2 and T3 would work for a minute.
    const run = start(['apply', '.', '--tasks', 'agent-tasks.json', '--agent', agent('slow.mjs'), '--parallel', '3', '--yes'], repo.dir, {
      REFACTOR_PIDFILE: pidFile,
      REFACTOR_AGENT_SLEEP_MS: '60000',
      REFACTOR_AGENT_SLEEP_MS_T1: '0',
      TMPDIR: agentTmp,
    });
    await until('T1 done and three agents started', () => /T1 done/.test(run.stdout()) && pidsIn(pidFile).length === 3, run);
    const pids = pidsIn(pidFile);
    expect(pids.filter(isAlive)).toHaveLength(2); // T2's and T3's agents, still working
    expect(worktrees(repo).length).toBeGreaterThan(1);

    run.child.kill('SIGINT');
    const { code } = await run.exit;
    expect(code, run.stdout() + run.stderr()).toBe(1);
    expect(run.stdout()).toMatch(/SIGINT: stopping the agents/);
    expect(run.stdout()).toMatch(/T2 aborted/);
    expect(run.stderr()).toMatch(/apply was interrupted: T1 done; T2, T3 aborted .*refactor apply --resume/);

    // Stopped cleanly: no agent left, no worktree, branch or scratch dir, nothing half merged.
    expect(pids.filter(isAlive)).toEqual([]);
    expect(worktrees(repo)).toHaveLength(1);
    expect(repo.git('branch', '--list', 'refactor/*')).toBe('');
    expect(readdirSync(agentTmp)).toEqual([]);
    expect(repo.git('status', '--porcelain')).toBe('');
    expect(repo.git('rev-parse', 'HEAD')).toBe(head);

    // The journal: the batch is unfinished; the run's records say T1 finished and nothing else did.
    const journal = journalOf(repo.dir);
    expect(journal.finished).toBe(false);
    expect(journal.batches).toMatchObject([{ index: 0, status: 'running', committed: [], failed: [] }]);
    const runDir = path.join(repo.dir, '.git/refactor/runs', journal.runId);
    expect(JSON.parse(readFileSync(path.join(runDir, 'T1.json'), 'utf8')).outcome).toMatchObject({ id: 'T1', status: 'done' });
    expect(existsSync(path.join(runDir, 'T2.json'))).toBe(false);
    expect(readFileSync(path.join(runDir, 'T2.log'), 'utf8')).toMatch(/aborted after \d+ ms: aborted while running/);

    // A new run is refused while this one is unfinished; --resume runs T2 and T3 only.
    expect(runRefactor(['apply', '.', '--tasks', 'agent-tasks.json', '--agent', agent('slow.mjs'), '--yes'], repo.dir).exitCode).toBe(2);
    const resumePids = path.join(scratch, 'resume-pids');
    const resumed = runRefactor(['apply', '.', '--resume', '--tasks', 'agent-tasks.json', '--agent', agent('slow.mjs'), '--parallel', '3', '--yes'], repo.dir, {
      REFACTOR_PIDFILE: resumePids,
      REFACTOR_AGENT_SLEEP_MS: '0',
    });
    expect(resumed.exitCode, resumed.stdout + resumed.stderr).toBe(0);
    expect(resumed.stdout).toMatch(/tasks: 3 done, 0 failed/);
    expect(pidsIn(resumePids)).toHaveLength(2);
    for (const [file, id] of [
      ['packages/shared/src/logger.ts', 'T1'],
      ['packages/orch/src/scheduler.ts', 'T2'],
      ['packages/mcp/src/server.ts', 'T3'],
    ]) {
      expect(readFileSync(path.join(repo.dir, file as string), 'utf8').match(new RegExp(`// done by ${id}\\n`, 'g'))).toHaveLength(1);
    }
    expect(refactorCommits(repo)).toEqual(['refactor: agent tasks T1, T2, T3 (batch 1/1)']);
    expect(journalOf(repo.dir)).toMatchObject({ runId: journal.runId, finished: true, batches: [{ status: 'committed', committed: ['T1', 'T2', 'T3'] }] });
    expect(worktrees(repo)).toHaveLength(1);
    expect(repo.git('status', '--porcelain')).toBe('');
  }, 60_000);

  it('a second Ctrl-C exits at once and SIGKILLs agents that ignore SIGTERM; --resume removes their worktrees and finishes', async () => {
    const { repo, scratch, pidFile } = setup();
    const agentTmp = mkdtempSync(path.join(scratch, 'tmp-'));
    // Each agent ignores SIGTERM and has a child that does too: the 5 s kill grace would apply.
    const run = start(['apply', '.', '--tasks', 'agent-tasks.json', '--agent', agent('ignore-sigterm.mjs'), '--parallel', '3', '--yes'], repo.dir, {
      REFACTOR_PIDFILE: pidFile,
      TMPDIR: agentTmp,
    });
    await until('three agents and their children started', () => pidsIn(pidFile).length === 6, run);
    const pids = pidsIn(pidFile);
    run.child.kill('SIGINT');
    await until('the first SIGINT noticed', () => /SIGINT: stopping/.test(run.stdout()), run, 10_000);
    const second = Date.now();
    run.child.kill('SIGINT');
    const { code } = await run.exit;
    expect(Date.now() - second).toBeLessThan(2_000);
    expect(code, run.stdout() + run.stderr()).toBe(130);
    expect(await survivors(pids)).toEqual([]);
    expect(readdirSync(agentTmp).filter((name) => !existsSync(path.join(agentTmp, name, name)))).toEqual([]); // only worktree dirs are left
    expect(journalOf(repo.dir)).toMatchObject({ finished: false, batches: [{ status: 'running' }] });

    const resumed = runRefactor(['apply', '.', '--resume', '--tasks', 'agent-tasks.json', '--agent', agent('move-correct.mjs'), '--yes'], repo.dir, {
      TMPDIR: agentTmp,
    });
    expect(resumed.exitCode, resumed.stdout + resumed.stderr).toBe(0);
    expect(resumed.stdout).toMatch(/tasks: 3 done, 0 failed/);
    expect(refactorCommits(repo)).toHaveLength(1);
    expect(worktrees(repo)).toHaveLength(1);
    expect(repo.git('branch', '--list', 'refactor/*')).toBe('');
    expect(readdirSync(agentTmp)).toEqual([]);
  }, 60_000);

  it.each([
    ['SIGTERM to the refactor process', false],
    // What a terminal does on Ctrl-C: SIGINT to every process of the foreground group. The gate
    // runs in its own group, so it is not killed mid-way and reported as a failure.
    ['Ctrl-C in a terminal (SIGINT to the whole process group)', true],
  ])(
    'a signal during a gate (%s) lets the gate finish and the batch commit, starts no other batch, and --resume runs the rest',
    async (_name, group) => {
      // T2 depends on T1: two batches. The typecheck gate takes 1.5 s; the signal comes during it:
      // the gate marks its start in a file outside the repo (waiting for "verify imports: ok" left a
      // window, under load, in which the signal came before the typecheck gate had started).
      const markerDir = mkdtempSync(path.join(tmpdir(), 'refactor-gate-'));
      const marker = path.join(markerDir, 'started');
      const gate = `node -e "require('fs').writeFileSync(process.argv[1], ''); setTimeout(() => {}, 1500)" ${marker}`;
      const { repo } = setup({ typecheck: gate, test: false }, [TASKS[0], { ...TASKS[1], dependsOn: ['T1'] }]);
      const run = start(['apply', '.', '--tasks', 'agent-tasks.json', '--agent', agent('move-correct.mjs'), '--yes'], repo.dir, {}, { group });
      await until('the typecheck gate of batch 1 started', () => existsSync(marker), run);
      if (group) process.kill(-(run.child.pid as number), 'SIGINT');
      else run.child.kill('SIGTERM');
      const { code } = await run.exit;
      expect(code, run.stdout() + run.stderr()).toBe(1);
      expect(run.stdout()).toMatch(/verify typecheck: ok/);
      expect(run.stdout()).not.toMatch(/T2 started/);
      expect(run.stderr()).toMatch(/apply was interrupted .*refactor apply --resume/);
      expect(refactorCommits(repo)).toEqual(['refactor: T1 touch logger (batch 1/2)']);
      expect(journalOf(repo.dir)).toMatchObject({ finished: false, batches: [{ status: 'committed', committed: ['T1'] }, { status: 'pending' }] });
      expect(worktrees(repo)).toHaveLength(1);
      expect(repo.git('status', '--porcelain')).toBe('');

      // As the error line says: plain `--resume` (the journal's plan tells it these were agent tasks).
      const resumed = runRefactor(['apply', '.', '--resume', '--agent', agent('move-correct.mjs'), '--yes'], repo.dir);
      expect(resumed.exitCode, resumed.stdout + resumed.stderr).toBe(0);
      expect(resumed.stdout).not.toMatch(/T1 started/);
      expect(refactorCommits(repo)).toEqual(['refactor: T2 touch scheduler (batch 2/2)', 'refactor: T1 touch logger (batch 1/2)']);
      expect(journalOf(repo.dir)).toMatchObject({ finished: true });
      rmSync(markerDir, { recursive: true, force: true });
    },
    60_000,
  );
});
