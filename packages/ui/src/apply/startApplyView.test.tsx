import type { RefactorEvent } from '@monorefactor/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeStdin, FakeStdout, KEYS, waitForFrame } from '../testing/fakeStreams.js';
import { type ApplyView, startApplyView } from './startApplyView.js';

const views: ApplyView[] = [];
afterEach(async () => {
  await Promise.all(views.splice(0).map((view) => view.close()));
});

function start(options: { columns?: number; rows?: number; isTTY?: boolean; color?: boolean } = {}) {
  const stdout = new FakeStdout(options.columns ?? 110, options.rows ?? 30);
  const stdin = new FakeStdin({ isTTY: options.isTTY ?? true });
  const onAbort = vi.fn();
  const view = startApplyView({
    stdout: stdout.asWriteStream(),
    stdin: stdin.asReadStream(),
    color: options.color ?? false,
    onAbort,
    debug: true,
    frameMs: 20,
  });
  views.push(view);
  return { stdout, stdin, onAbort, view };
}

const batchOne: RefactorEvent[] = [
  { type: 'batch:start', batch: 1, total: 2, tasks: ['M1', 'M3'] },
  { type: 'task:start', batch: 1, task: 'M1', title: '@acme/shared -> @acme/mcp', attempt: 1 },
  { type: 'task:start', batch: 1, task: 'M3', title: '@acme/orch -> @acme/agents', attempt: 1 },
  { type: 'task:log', task: 'M1', stream: 'info', line: 'rewrote 2 importers' },
];

describe('startApplyView', () => {
  it('shows batch k/n, counters and one row per running task', async () => {
    const { stdout, view } = start();
    for (const event of batchOne) view.onEvent(event);
    const frame = await waitForFrame(stdout, (f) => f.includes('rewrote 2 importers'));
    expect(frame).toContain('batch 1/2');
    expect(frame).toContain('2 active · 0 queued · 0 done · 0 failed');
    expect(frame).toMatch(/M1 +@acme\/shared -> @acme\/mcp +0:0\d rewrote 2 importers/);
    expect(frame).toContain('@acme/orch -> @acme/agents');
    expect(frame).toContain('p pause · q abort');
  });

  it('shows gates, commits, success rate and the final summary', async () => {
    const { stdout, view } = start();
    for (const event of batchOne) view.onEvent(event);
    view.onEvent({ type: 'task:end', task: 'M1', status: 'done', ms: 1200, attempt: 1 });
    view.onEvent({ type: 'task:end', task: 'M3', status: 'failed', ms: 800, error: 'refused: would create a cycle', attempt: 1 });
    view.onEvent({ type: 'verify:start', batch: 1, gate: 'imports' });
    view.onEvent({ type: 'verify:end', batch: 1, gate: 'imports', ok: true, ms: 300 });
    view.onEvent({ type: 'verify:start', batch: 1, gate: 'typecheck' });
    let frame = await waitForFrame(stdout, (f) => f.includes('typecheck') && f.includes('refused'));
    expect(frame).toContain('imports ✓ 0.3s');
    expect(frame).toContain('success 50%');
    expect(frame).toContain('avg 1.0s/task');
    expect(frame).toContain('refused: would create a cycle');
    view.onEvent({ type: 'verify:end', batch: 1, gate: 'typecheck', ok: true, ms: 2000 });
    view.onEvent({
      type: 'commit',
      batch: 1,
      sha: 'abcdef0123456789',
      message: 'refactor: move packages/shared/src/stores/mcp-store.ts to @acme/mcp (batch 1/2)',
      tasks: ['M1'],
    });
    view.onEvent({ type: 'batch:end', batch: 1, committed: ['M1'], failed: ['M3'] });
    frame = await waitForFrame(stdout, (f) => f.includes('abcdef01') && f.includes('partial'));
    expect(frame).toContain('✓ abcdef01 refactor: move packages/shared/src/stores/mcp-store.ts to @acme/mcp (batch 1/2)');
    expect(frame).toMatch(/batch 1\/2 +imports ✓ 0\.3s +typecheck ✓ 2\.0s +partial/);
    view.onEvent({ type: 'run:end', ok: false, committed: 1, failed: 1, ms: 4200 });
    await view.close();
    frame = stdout.lastFrame();
    expect(frame).toContain('finished with failures: 1 commit, 1 failed move in 4.2s');
    expect(frame).not.toContain('q abort');
  });

  it('draws a burst of events as one frame', async () => {
    const { stdout, view } = start();
    await waitForFrame(stdout, (f) => f.includes('refactor apply'));
    view.onEvent({ type: 'batch:start', batch: 1, total: 1, tasks: ['T1'] });
    view.onEvent({ type: 'task:start', batch: 1, task: 'T1', title: 'agent task', attempt: 1 });
    const before = stdout.frames.length;
    for (let i = 0; i < 500; i++) view.onEvent({ type: 'task:log', task: 'T1', stream: 'stdout', line: `line ${i}` });
    await waitForFrame(stdout, (f) => f.includes('line 499'));
    expect(stdout.frames.length - before).toBeLessThan(10);
  });

  it('p pauses new work until pressed again', async () => {
    const { stdout, stdin, view } = start();
    for (const event of batchOne) view.onEvent(event);
    await waitForFrame(stdout, (f) => f.includes('rewrote 2 importers'));
    await expect(view.beforeWork()).resolves.toBeUndefined();
    stdin.press('p');
    await waitForFrame(stdout, (f) => f.includes('PAUSED'));
    let released = false;
    const waiting = view.beforeWork().then(() => {
      released = true;
    });
    await waitForFrame(stdout, (f) => f.includes('next batch is waiting'));
    expect(released).toBe(false);
    expect(stdout.lastFrame()).toContain('p resume');
    stdin.press('p');
    await waiting;
    expect(released).toBe(true);
    await waitForFrame(stdout, (f) => !f.includes('PAUSED'));
  });

  it('q asks to confirm; n cancels; y calls onAbort once and releases a paused batch', async () => {
    const { stdout, stdin, view, onAbort } = start();
    for (const event of batchOne) view.onEvent(event);
    await waitForFrame(stdout, (f) => f.includes('rewrote 2 importers'));
    stdin.press('q');
    await waitForFrame(stdout, (f) => f.includes('Abort? Running tasks are stopped'));
    stdin.press('n');
    await waitForFrame(stdout, (f) => !f.includes('Abort? Running tasks are stopped'));
    expect(onAbort).not.toHaveBeenCalled();

    stdin.press('p');
    await waitForFrame(stdout, (f) => f.includes('PAUSED'));
    const waiting = view.beforeWork();
    stdin.press('q');
    await waitForFrame(stdout, (f) => f.includes('Abort? Running tasks are stopped'));
    stdin.press('y');
    await waitForFrame(stdout, (f) => f.includes('aborting'));
    await waiting;
    expect(onAbort).toHaveBeenCalledTimes(1);
    stdin.press('q');
    stdin.press('y');
    expect(onAbort).toHaveBeenCalledTimes(1);
    await view.close();
    expect(stdout.lastFrame()).toContain('aborted: `refactor apply --resume` finishes the run');
  });

  it('reads keys typed in one chunk one by one (q then y)', async () => {
    const { stdout, stdin, view, onAbort } = start();
    for (const event of batchOne) view.onEvent(event);
    await waitForFrame(stdout, (f) => f.includes('rewrote 2 importers'));
    stdin.press('qy');
    await waitForFrame(stdout, (f) => f.includes('aborting'));
    expect(onAbort).toHaveBeenCalledTimes(1);
  });

  it('Ctrl-C asks to confirm and a second Ctrl-C aborts', async () => {
    const { stdout, stdin, view, onAbort } = start();
    for (const event of batchOne) view.onEvent(event);
    await waitForFrame(stdout, (f) => f.includes('rewrote 2 importers'));
    stdin.press(KEYS.ctrlC);
    await waitForFrame(stdout, (f) => f.includes('Abort? Running tasks are stopped'));
    expect(onAbort).not.toHaveBeenCalled();
    stdin.press(KEYS.ctrlC);
    await waitForFrame(stdout, (f) => f.includes('aborting'));
    expect(onAbort).toHaveBeenCalledTimes(1);
  });

  it('arrows select a task and show its log tail', async () => {
    const { stdout, stdin, view } = start();
    for (const event of batchOne) view.onEvent(event);
    for (let i = 0; i < 15; i++) view.onEvent({ type: 'task:log', task: 'M3', stream: 'stdout', line: `M3 says ${i}` });
    await waitForFrame(stdout, (f) => f.includes('M3 says 14'));
    stdin.press(KEYS.down);
    let frame = await waitForFrame(stdout, (f) => f.includes('log M1'));
    expect(frame).toMatch(/›\S M1/);
    stdin.press(KEYS.down);
    frame = await waitForFrame(stdout, (f) => f.includes('log M3'));
    // The ten newest lines of the tail.
    expect(frame).toContain('M3 says 5');
    expect(frame).not.toContain('M3 says 4\n');
    expect(frame).toMatch(/›\S M3/);
  });

  it('renders without reading keys when stdin has no raw mode', async () => {
    const { stdout, stdin, view, onAbort } = start({ isTTY: false });
    for (const event of batchOne) view.onEvent(event);
    const frame = await waitForFrame(stdout, (f) => f.includes('rewrote 2 importers'));
    expect(frame).not.toContain('q abort');
    expect(stdin.isRaw).toBe(false);
    expect(onAbort).not.toHaveBeenCalled();
  });

  it('fits the terminal: rows truncate at the width and the frame stays shorter than the screen', async () => {
    const { stdout, view } = start({ columns: 60, rows: 16 });
    const tasks = Array.from({ length: 30 }, (_, i) => `M${i + 1}`);
    view.onEvent({ type: 'batch:start', batch: 1, total: 1, tasks });
    for (const task of tasks)
      view.onEvent({ type: 'task:start', batch: 1, task, title: `packages/a/src/some/very/long/path/${task}.ts -> @acme/target-package`, attempt: 1 });
    const frame = await waitForFrame(stdout, (f) => f.includes('more not shown'));
    const lines = frame.replace(/\n$/, '').split('\n');
    expect(lines.length).toBeLessThan(16);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(60);
  });

  it('refuses a stdout that is not a terminal (the CLI uses plain lines or NDJSON there)', () => {
    const stdout = new FakeStdout(80, 24, { isTTY: false });
    expect(() => startApplyView({ stdout: stdout.asWriteStream(), stdin: new FakeStdin().asReadStream(), color: false, onAbort() {} })).toThrow(
      'needs a terminal',
    );
    expect(stdout.frames).toEqual([]);
  });

  it('writes no escape codes when colour is off', async () => {
    const { stdout, view } = start({ color: false });
    for (const event of batchOne) view.onEvent(event);
    view.onEvent({ type: 'task:end', task: 'M1', status: 'done', ms: 1, attempt: 1 });
    view.onEvent({ type: 'run:end', ok: true, committed: 1, failed: 0, ms: 5 });
    await view.close();
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for escape codes
    expect(stdout.frames.join('')).not.toMatch(/\u001B\[[0-9;]*m/);
  });
});
