import type { Plan, RefactorEvent } from '@monorefactor/core';
import { describe, expect, it } from 'vitest';
import { type ApplyState, etaAt, initialApplyState, LOG_TAIL_LINES, NOTICE_LIMIT, reduceApplyEvent } from './state.js';

/** Reduce `[time, event]` pairs from a state. */
function run(state: ApplyState, events: [number, RefactorEvent][]): ApplyState {
  return events.reduce((s, [now, event]) => reduceApplyEvent(s, event, now), state);
}

const plan: Plan = {
  version: 1,
  moves: [
    {
      id: 'M1',
      files: [{ from: 'packages/shared/src/stores/mcp-store.ts', to: 'packages/mcp/src/stores/mcp-store.ts' }],
      fromPackage: '@acme/shared',
      toPackage: '@acme/mcp',
      footprint: [],
      executor: 'codemod',
    },
    {
      id: 'M2',
      files: [
        { from: 'packages/shared/src/mcp/client.ts', to: 'packages/mcp/src/mcp/client.ts' },
        { from: 'packages/shared/src/mcp/transport.ts', to: 'packages/mcp/src/mcp/transport.ts' },
      ],
      fromPackage: '@acme/shared',
      toPackage: '@acme/mcp',
      footprint: [],
      executor: 'codemod',
    },
    {
      id: 'M3',
      files: [{ from: 'packages/orch/src/claude/runner.ts', to: 'packages/agents/src/claude/runner.ts' }],
      fromPackage: '@acme/orch',
      toPackage: '@acme/agents',
      footprint: [],
      executor: 'codemod',
    },
  ],
  batches: [['M1', 'M3'], ['M2']],
  criticalPath: ['M1', 'M2'],
};

describe('initialApplyState', () => {
  it('starts empty without a plan', () => {
    const state = initialApplyState(1000);
    expect(state.counts).toEqual({ active: 0, queued: 0, done: 0, failed: 0, skipped: 0 });
    expect([state.batch, state.totalBatches, state.totalTasks, state.successRate, state.avgTaskMs, state.etaMs, state.progress]).toEqual([
      0,
      0,
      null,
      null,
      null,
      null,
      0,
    ]);
  });

  it('queues every planned move with what it moves', () => {
    const state = initialApplyState(0, plan);
    expect(state.order).toEqual(['M1', 'M2', 'M3']);
    expect(state.counts.queued).toBe(3);
    expect(state.totalBatches).toBe(2);
    expect(state.tasks.M2).toMatchObject({ batch: 2, status: 'queued', title: 'packages/shared/src/mcp (2 files) -> @acme/mcp' });
    expect(state.tasks.M1?.title).toBe('packages/shared/src/stores/mcp-store.ts -> @acme/mcp');
  });
});

describe('reduceApplyEvent', () => {
  it('counts active, queued, done and failed tasks through a batch', () => {
    let state = run(initialApplyState(0), [
      [0, { type: 'batch:start', batch: 1, total: 2, tasks: ['M1', 'M3'] }],
      [10, { type: 'task:start', batch: 1, task: 'M1', title: '@acme/shared -> @acme/mcp', attempt: 1 }],
    ]);
    expect(state.batch).toBe(1);
    expect(state.totalBatches).toBe(2);
    expect(state.counts).toEqual({ active: 1, queued: 1, done: 0, failed: 0, skipped: 0 });
    expect(state.tasks.M1).toMatchObject({ status: 'running', startedAt: 10, title: '@acme/shared -> @acme/mcp' });

    state = run(state, [
      [20, { type: 'task:start', batch: 1, task: 'M3', title: '@acme/orch -> @acme/agents', attempt: 1 }],
      [1010, { type: 'task:end', task: 'M1', status: 'done', ms: 1000, attempt: 1 }],
      [3020, { type: 'task:end', task: 'M3', status: 'failed', ms: 3000, error: 'refused: cycle\nmore detail', attempt: 1 }],
    ]);
    expect(state.counts).toEqual({ active: 0, queued: 0, done: 1, failed: 1, skipped: 0 });
    expect(state.tasks.M3).toMatchObject({ status: 'failed', ms: 3000, error: 'refused: cycle' });
  });

  it('computes the success rate and the average task time over finished runs', () => {
    const state = run(initialApplyState(0), [
      [0, { type: 'batch:start', batch: 1, total: 1, tasks: ['A', 'B', 'C', 'D'] }],
      [0, { type: 'task:end', task: 'A', status: 'done', ms: 1000, attempt: 1 }],
      [0, { type: 'task:end', task: 'B', status: 'done', ms: 2000, attempt: 1 }],
      [0, { type: 'task:end', task: 'C', status: 'done', ms: 3000, attempt: 1 }],
      [0, { type: 'task:end', task: 'D', status: 'timeout', ms: 6000, attempt: 1 }],
    ]);
    expect(state.successRate).toBe(0.75);
    expect(state.avgTaskMs).toBe(3000);
    expect(state.counts.failed).toBe(1);
  });

  it('counts queued tasks of batches not started yet when the run size is known', () => {
    const state = run(initialApplyState(0), [
      [0, { type: 'plan:ready', moves: 5, batches: 3 }],
      [0, { type: 'batch:start', batch: 1, total: 3, tasks: ['M1', 'M2'] }],
      [0, { type: 'task:start', batch: 1, task: 'M1', title: 't', attempt: 1 }],
    ]);
    expect(state.counts).toMatchObject({ active: 1, queued: 4 });
  });

  it('estimates the time left from the task rate before a batch ends, then from batch durations', () => {
    let state = run(initialApplyState(0, plan), [
      [0, { type: 'batch:start', batch: 1, total: 2, tasks: ['M1', 'M3'] }],
      [0, { type: 'task:start', batch: 1, task: 'M1', title: '', attempt: 1 }],
    ]);
    expect(state.etaMs).toBeNull();
    state = reduceApplyEvent(state, { type: 'task:end', task: 'M1', status: 'done', ms: 2000, attempt: 1 }, 2000);
    // 1 of 3 tasks in 2s: 4s left.
    expect(state.etaMs).toBe(4000);
    expect(etaAt(state, 3000)).toBe(3000);
    expect(etaAt(state, 99_000)).toBe(0);

    state = run(state, [
      [2000, { type: 'task:end', task: 'M3', status: 'done', ms: 2000, attempt: 1 }],
      [10_000, { type: 'batch:end', batch: 1, committed: ['M1', 'M3'], failed: [] }],
    ]);
    // One batch of two took 10s: 10s left for batch 2.
    expect(state.etaMs).toBe(10_000);
    expect(state.progress).toBe(0.5);
    state = reduceApplyEvent(state, { type: 'batch:start', batch: 2, total: 2, tasks: ['M2'] }, 14_000);
    expect(state.etaMs).toBe(10_000);
    state = reduceApplyEvent(state, { type: 'task:start', batch: 2, task: 'M2', title: '', attempt: 1 }, 18_000);
    expect(state.etaMs).toBe(6000);
    state = reduceApplyEvent(state, { type: 'batch:end', batch: 2, committed: ['M2'], failed: [] }, 20_000);
    state = reduceApplyEvent(state, { type: 'run:end', ok: true, committed: 2, failed: 0, ms: 20_000 }, 20_000);
    expect([state.etaMs, state.progress, state.finished?.ok]).toEqual([0, 1, true]);
  });

  it('counts the batches a resumed run skips as done', () => {
    let state = run(initialApplyState(0), [[0, { type: 'batch:start', batch: 3, total: 4, tasks: ['M5'] }]]);
    expect(state.progress).toBe(0.5);
    state = reduceApplyEvent(state, { type: 'batch:end', batch: 3, committed: ['M5'], failed: [] }, 1000);
    expect(state.progress).toBe(0.75);
    // One batch of 1s left.
    expect(state.etaMs).toBe(1000);
  });

  it('keeps the progress of an unfinished run that ended (aborted)', () => {
    const state = run(initialApplyState(0), [
      [0, { type: 'batch:start', batch: 1, total: 2, tasks: ['M1'] }],
      [5, { type: 'batch:end', batch: 1, committed: ['M1'], failed: [] }],
      [6, { type: 'run:end', ok: false, committed: 1, failed: 0, ms: 6 }],
    ]);
    expect(state.progress).toBe(0.5);
  });

  it('tracks progress through the current batch', () => {
    let state = run(initialApplyState(0), [[0, { type: 'batch:start', batch: 1, total: 2, tasks: ['A', 'B'] }]]);
    expect(state.progress).toBe(0);
    state = reduceApplyEvent(state, { type: 'task:end', task: 'A', status: 'done', ms: 1, attempt: 1 }, 1);
    expect(state.progress).toBe(0.125);
  });

  it('records each batch gate with its state and duration, re-runs included', () => {
    let state = run(initialApplyState(0), [
      [0, { type: 'batch:start', batch: 1, total: 1, tasks: ['M1', 'M2'] }],
      [100, { type: 'verify:start', batch: 1, gate: 'imports' }],
      [300, { type: 'verify:end', batch: 1, gate: 'imports', ok: true, ms: 200 }],
      [300, { type: 'verify:start', batch: 1, gate: 'typecheck' }],
    ]);
    expect(state.batches[0]?.gates).toEqual([
      { gate: 'imports', status: 'ok', startedAt: 100, ms: 200, runs: 1 },
      { gate: 'typecheck', status: 'running', startedAt: 300, runs: 1 },
    ]);
    const output = Array.from({ length: 40 }, (_, i) => `error ${i}`).join('\n');
    state = run(state, [
      [2300, { type: 'verify:end', batch: 1, gate: 'typecheck', ok: false, ms: 2000, output }],
      [2400, { type: 'rollback', batch: 1, tasks: ['M1', 'M2'], reason: 'typecheck failed' }],
      [2400, { type: 'bisect', batch: 1, tasks: ['M1'], reason: 'typecheck failed for M1, M2' }],
      [2500, { type: 'verify:start', batch: 1, gate: 'typecheck' }],
    ]);
    const typecheck = state.batches[0]?.gates[1];
    expect(typecheck).toMatchObject({ status: 'running', runs: 2, startedAt: 2500 });
    expect(state.notices.map((n) => n.text)).toEqual(['batch 1: rolled back M1, M2: typecheck failed', 'batch 1: bisecting, trying M1']);
    // Rolled-back moves wait for their re-run.
    expect(state.counts.queued).toBe(2);
    state = reduceApplyEvent(state, { type: 'verify:end', batch: 1, gate: 'typecheck', ok: false, ms: 1000, output }, 3500);
    expect(state.batches[0]?.gates[1]?.output?.split('\n')).toHaveLength(20);
  });

  it('lists commits and marks their tasks', () => {
    const state = run(initialApplyState(0), [
      [0, { type: 'batch:start', batch: 1, total: 1, tasks: ['M1'] }],
      [0, { type: 'task:start', batch: 1, task: 'M1', title: 't', attempt: 1 }],
      [5, { type: 'task:end', task: 'M1', status: 'done', ms: 5, attempt: 1 }],
      [9, { type: 'commit', batch: 1, sha: '0123456789abcdef', message: 'refactor: move x to @acme/mcp (batch 1/1)', tasks: ['M1'] }],
      [9, { type: 'batch:end', batch: 1, committed: ['M1'], failed: [] }],
    ]);
    expect(state.commits).toEqual([{ batch: 1, sha: '0123456789abcdef', message: 'refactor: move x to @acme/mcp (batch 1/1)', tasks: ['M1'], at: 9 }]);
    expect(state.tasks.M1).toMatchObject({ commit: '01234567', status: 'done' });
    expect(state.batches[0]).toMatchObject({ status: 'committed', ms: 9 });
  });

  it('fails moves the batch could not commit, and marks the batch partial', () => {
    const state = run(initialApplyState(0), [
      [0, { type: 'batch:start', batch: 1, total: 1, tasks: ['M1', 'M2'] }],
      [1, { type: 'task:end', task: 'M1', status: 'done', ms: 1, attempt: 1 }],
      [1, { type: 'task:end', task: 'M2', status: 'done', ms: 1, attempt: 1 }],
      [5, { type: 'batch:end', batch: 1, committed: ['M1'], failed: ['M2'] }],
    ]);
    expect(state.tasks.M2).toMatchObject({ status: 'failed', error: 'verification failed' });
    expect(state.batches[0]?.status).toBe('partial');
    expect(state.successRate).toBe(0.5);
  });

  it('keeps a bounded, sanitized log tail per task', () => {
    let state = initialApplyState(0);
    for (let i = 0; i < LOG_TAIL_LINES + 30; i++)
      state = reduceApplyEvent(state, { type: 'task:log', task: 'T1', stream: 'stdout', line: `\u001B[32mline ${i}\u001B[0m` }, i);
    const task = state.tasks.T1;
    expect(task?.log).toHaveLength(LOG_TAIL_LINES);
    expect(task?.log[0]).toBe('line 30');
    expect(task?.lastLine).toBe(`line ${LOG_TAIL_LINES + 29}`);
    state = reduceApplyEvent(state, { type: 'task:log', task: 'T1', stream: 'stdout', line: '' }, 999);
    expect(state.tasks.T1?.lastLine).toBe(`line ${LOG_TAIL_LINES + 29}`);
  });

  it('keeps a bounded list of notices', () => {
    let state = initialApplyState(0);
    for (let i = 0; i < NOTICE_LIMIT + 5; i++) state = reduceApplyEvent(state, { type: 'warn', message: `w${i}` }, i);
    expect(state.notices).toHaveLength(NOTICE_LIMIT);
    expect(state.notices.at(-1)).toEqual({ at: NOTICE_LIMIT + 4, level: 'warn', text: `w${NOTICE_LIMIT + 4}` });
  });

  it('counts tasks stopped by an abort as neither done nor failed', () => {
    const state = run(initialApplyState(0), [
      [0, { type: 'batch:start', batch: 1, total: 1, tasks: ['T1', 'T2'] }],
      [1, { type: 'task:end', task: 'T1', status: 'done', ms: 1, attempt: 1 }],
      [2, { type: 'task:end', task: 'T2', status: 'aborted', ms: 2, attempt: 1 }],
    ]);
    expect(state.counts).toEqual({ active: 0, queued: 0, done: 1, failed: 0, skipped: 1 });
    expect(state.successRate).toBe(1);
  });

  it('marks unfinished tasks skipped when the run ends (e.g. aborted)', () => {
    const state = run(initialApplyState(0, plan), [
      [0, { type: 'batch:start', batch: 1, total: 2, tasks: ['M1', 'M3'] }],
      [0, { type: 'task:start', batch: 1, task: 'M1', title: '', attempt: 1 }],
      [5, { type: 'run:end', ok: false, committed: 0, failed: 0, ms: 5 }],
    ]);
    expect(state.counts).toEqual({ active: 0, queued: 0, done: 0, failed: 0, skipped: 3 });
    expect(state.successRate).toBeNull();
  });

  it('returns the same state for events it does not show, and never mutates its input', () => {
    const state = run(initialApplyState(0, plan), [[0, { type: 'batch:start', batch: 1, total: 2, tasks: ['M1'] }]]);
    const frozen = structuredClone(state);
    expect(reduceApplyEvent(state, { type: 'analyze:start', root: '/x' }, 5)).toBe(state);
    reduceApplyEvent(state, { type: 'task:start', batch: 1, task: 'M1', title: '', attempt: 1 }, 5);
    reduceApplyEvent(state, { type: 'task:log', task: 'M9', stream: 'info', line: 'x' }, 5);
    reduceApplyEvent(state, { type: 'commit', batch: 1, sha: 'abc', message: 'm', tasks: ['M1'] }, 5);
    expect(state).toEqual(frozen);
  });
});
