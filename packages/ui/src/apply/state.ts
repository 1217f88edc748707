import type { EventOf, Plan, PlannedMove, RefactorEvent, VerifyGate } from '@monorefactor/core';
import { commonDir, plural, sanitizeLine } from '../format.js';

/** Lines kept per task for its log tail (older lines are dropped). */
export const LOG_TAIL_LINES = 50;
/** Characters kept per log line. */
export const LOG_LINE_CHARS = 400;
/** Notices (rollbacks, bisections, warnings) kept. */
export const NOTICE_LIMIT = 20;
/** Commits kept (the view shows the newest few). */
export const COMMIT_LIMIT = 100;
/** Lines kept of a failed gate's output. */
export const GATE_OUTPUT_LINES = 20;

/** Before it starts, while it runs, then whatever `task:end` says (`aborted`: stopped by the user). */
export type TaskStatus = 'queued' | 'running' | EventOf<'task:end'>['status'];

export interface TaskView {
  id: string;
  /** Batch the task runs in (0 when only known from a plan without batches). */
  batch: number;
  /** What the task moves, e.g. `packages/shared/src/mcp (3 files) -> @acme/mcp`. */
  title: string;
  status: TaskStatus;
  attempt: number;
  /** When the current run started (a re-run after a rollback restarts the clock). */
  startedAt?: number;
  /** Duration of the last finished run. */
  ms?: number;
  error?: string;
  /** Short sha of the commit that carries this task. */
  commit?: string;
  /** The last line the task logged (sanitized). */
  lastLine?: string;
  /** The newest `LOG_TAIL_LINES` lines (sanitized). */
  log: string[];
}

export type GateStatus = 'running' | 'ok' | 'failed';

export interface GateView {
  gate: VerifyGate;
  status: GateStatus;
  startedAt: number;
  ms?: number;
  /** First lines of a failed gate's output. */
  output?: string;
  /** How many times the gate ran for this batch (bisection re-runs it). */
  runs: number;
}

export type BatchStatus = 'running' | 'committed' | 'partial' | 'failed';

export interface BatchView {
  batch: number;
  tasks: string[];
  status: BatchStatus;
  startedAt: number;
  ms?: number;
  /** Gates in the order they first ran. */
  gates: GateView[];
}

export interface CommitView {
  batch: number;
  sha: string;
  message: string;
  tasks: string[];
  at: number;
}

export interface Notice {
  at: number;
  level: 'info' | 'warn' | 'error';
  text: string;
}

export interface ApplyCounts {
  active: number;
  queued: number;
  done: number;
  failed: number;
  /** Skipped or aborted: neither done nor failed. */
  skipped: number;
}

/** Everything the apply dashboard shows; built only by `reduceApplyEvent`. */
export interface ApplyState {
  startedAt: number;
  /** Time of the last event reduced. */
  updatedAt: number;
  /** Current batch, 1-based; 0 before the first batch starts. */
  batch: number;
  totalBatches: number;
  /** Moves/tasks in the whole run when known (from the plan or `plan:ready`). */
  totalTasks: number | null;
  tasks: Record<string, TaskView>;
  /** Task ids in the order they became known. */
  order: string[];
  batches: BatchView[];
  commits: CommitView[];
  notices: Notice[];
  counts: ApplyCounts;
  /** done / (done + failed), over tasks that finished; null before any did. */
  successRate: number | null;
  /** Mean duration of finished task runs; null before any finished. */
  avgTaskMs: number | null;
  taskRuns: number;
  taskMsTotal: number;
  /** Fraction of the run done, in [0, 1]. */
  progress: number;
  /** Estimated time left as of `updatedAt`; null while there is nothing to base it on. */
  etaMs: number | null;
  finished: { ok: boolean; committed: number; failed: number; ms: number } | null;
}

/** A state before any event; with a plan, every move is known up front (queued, with its title). */
export function initialApplyState(now: number, plan?: Pick<Plan, 'moves' | 'batches'>): ApplyState {
  const tasks: Record<string, TaskView> = {};
  const order: string[] = [];
  if (plan) {
    const batchOf = new Map<string, number>();
    plan.batches.forEach((ids, index) => {
      for (const id of ids) batchOf.set(id, index + 1);
    });
    for (const move of plan.moves) {
      tasks[move.id] = { id: move.id, batch: batchOf.get(move.id) ?? 0, title: describeMove(move), status: 'queued', attempt: 0, log: [] };
      order.push(move.id);
    }
  }
  return finalize(
    {
      startedAt: now,
      updatedAt: now,
      batch: 0,
      totalBatches: plan?.batches.length ?? 0,
      totalTasks: plan ? plan.moves.length : null,
      tasks,
      order,
      batches: [],
      commits: [],
      notices: [],
      counts: { active: 0, queued: 0, done: 0, failed: 0, skipped: 0 },
      successRate: null,
      avgTaskMs: null,
      taskRuns: 0,
      taskMsTotal: 0,
      progress: 0,
      etaMs: null,
      finished: null,
    },
    now,
  );
}

/** `packages/shared/src/mcp (3 files) -> @acme/mcp`. */
export function describeMove(move: Pick<PlannedMove, 'files' | 'toPackage'>): string {
  const sources = move.files.map((f) => f.from);
  const source = sources.length === 1 ? (sources[0] as string) : `${commonDir(sources)} (${plural(sources.length, 'file')})`;
  return `${source} -> ${move.toPackage}`;
}

/** Pure: the dashboard state after one event. Never mutates `state`. */
export function reduceApplyEvent(state: ApplyState, event: RefactorEvent, now: number): ApplyState {
  const next = step(state, event, now);
  return next === state ? state : finalize({ ...next, updatedAt: now }, now);
}

function step(state: ApplyState, event: RefactorEvent, now: number): ApplyState {
  switch (event.type) {
    case 'plan:ready':
      return { ...state, totalBatches: Math.max(state.totalBatches, event.batches), totalTasks: event.moves };
    case 'batch:start': {
      let next = { ...state, batch: event.batch, totalBatches: Math.max(state.totalBatches, event.total), tasks: { ...state.tasks }, order: [...state.order] };
      for (const id of event.tasks)
        next = upsertTask(next, id, (task) => ({ ...task, batch: event.batch, ...(task.status === 'running' ? {} : { status: 'queued' as const }) }));
      const batches = state.batches.filter((b) => b.batch !== event.batch);
      batches.push({ batch: event.batch, tasks: [...event.tasks], status: 'running', startedAt: now, gates: [] });
      batches.sort((a, b) => a.batch - b.batch);
      return { ...next, batches };
    }
    case 'task:start': {
      const next = { ...state, tasks: { ...state.tasks }, order: [...state.order] };
      return upsertTask(next, event.task, (task) => {
        const { error: _error, ms: _ms, ...rest } = task;
        return { ...rest, batch: event.batch || task.batch, title: task.title || event.title, status: 'running', attempt: event.attempt, startedAt: now };
      });
    }
    case 'task:log': {
      const line = sanitizeLine(event.line, LOG_LINE_CHARS);
      const next = { ...state, tasks: { ...state.tasks }, order: [...state.order] };
      return upsertTask(next, event.task, (task) => ({
        ...task,
        lastLine: line.length > 0 ? line : task.lastLine,
        log: [...task.log, line].slice(-LOG_TAIL_LINES),
      }));
    }
    case 'task:end': {
      const started = state.tasks[event.task]?.startedAt;
      const ms = event.ms >= 0 ? event.ms : started === undefined ? 0 : now - started;
      const next = { ...state, tasks: { ...state.tasks }, order: [...state.order], taskRuns: state.taskRuns + 1, taskMsTotal: state.taskMsTotal + ms };
      return upsertTask(next, event.task, (task) => ({
        ...task,
        status: event.status,
        attempt: event.attempt,
        ms,
        ...(event.error ? { error: sanitizeLine(event.error.split('\n')[0] ?? '', LOG_LINE_CHARS) } : {}),
      }));
    }
    case 'verify:start':
      return updateBatch(state, event.batch, now, (batch) => {
        const existing = batch.gates.find((g) => g.gate === event.gate);
        const gate: GateView = { gate: event.gate, status: 'running', startedAt: now, runs: (existing?.runs ?? 0) + 1 };
        return { ...batch, gates: existing ? batch.gates.map((g) => (g.gate === event.gate ? gate : g)) : [...batch.gates, gate] };
      });
    case 'verify:end':
      return updateBatch(state, event.batch, now, (batch) => {
        const existing = batch.gates.find((g) => g.gate === event.gate);
        const output = !event.ok && event.output ? event.output.split('\n').slice(0, GATE_OUTPUT_LINES).join('\n') : undefined;
        const gate: GateView = {
          gate: event.gate,
          status: event.ok ? 'ok' : 'failed',
          startedAt: existing?.startedAt ?? now - event.ms,
          ms: event.ms,
          runs: existing?.runs ?? 1,
          ...(output ? { output } : {}),
        };
        return { ...batch, gates: existing ? batch.gates.map((g) => (g.gate === event.gate ? gate : g)) : [...batch.gates, gate] };
      });
    case 'commit': {
      const short = event.sha.slice(0, 8);
      let next: ApplyState = { ...state, tasks: { ...state.tasks }, order: [...state.order] };
      for (const id of event.tasks) next = upsertTask(next, id, (task) => ({ ...task, commit: short }));
      const commits = [...state.commits, { batch: event.batch, sha: event.sha, message: event.message, tasks: [...event.tasks], at: now }].slice(-COMMIT_LIMIT);
      return { ...next, commits };
    }
    case 'rollback': {
      // Rolled-back work is undone: the moves wait for their bisection re-run (or fail at batch end).
      let next: ApplyState = { ...state, tasks: { ...state.tasks }, order: [...state.order] };
      for (const id of event.tasks) next = upsertTask(next, id, (task) => ({ ...task, status: 'queued' }));
      return addNotice(next, now, 'warn', `batch ${event.batch}: rolled back ${event.tasks.join(', ')}: ${event.reason}`);
    }
    case 'bisect':
      return addNotice(state, now, 'info', `batch ${event.batch}: bisecting, trying ${event.tasks.join(', ')}`);
    case 'batch:end': {
      let next: ApplyState = { ...state, tasks: { ...state.tasks }, order: [...state.order] };
      for (const id of event.failed) {
        next = upsertTask(next, id, (task) => ({
          ...task,
          status: isFailure(task.status) ? task.status : 'failed',
          error: task.error ?? 'verification failed',
        }));
      }
      for (const id of event.committed) next = upsertTask(next, id, (task) => ({ ...task, status: 'done' }));
      const status: BatchStatus = event.failed.length === 0 ? 'committed' : event.committed.length > 0 ? 'partial' : 'failed';
      return updateBatch(next, event.batch, now, (batch) => ({ ...batch, status, ms: now - batch.startedAt }));
    }
    case 'run:end': {
      // Whatever still shows as running or queued did not run to the end (e.g. an aborted run).
      const tasks = { ...state.tasks };
      for (const id of state.order) {
        const task = tasks[id];
        if (task && (task.status === 'running' || task.status === 'queued')) tasks[id] = { ...task, status: 'skipped' };
      }
      return { ...state, tasks, finished: { ok: event.ok, committed: event.committed, failed: event.failed, ms: event.ms } };
    }
    case 'warn':
      return addNotice(state, now, 'warn', `${event.file ? `${event.file}: ` : ''}${sanitizeLine(event.message, LOG_LINE_CHARS)}`);
    default:
      return state;
  }
}

/** Failed, timed out or rejected (an abort is not a failure). */
export function isFailure(status: TaskStatus): boolean {
  return status === 'failed' || status === 'timeout' || status === 'rejected';
}

/** `state` must already hold copies of `tasks` and `order` (this writes into them). */
function upsertTask(state: ApplyState, id: string, change: (task: TaskView) => TaskView): ApplyState {
  const existing = state.tasks[id];
  if (!existing) state.order.push(id);
  state.tasks[id] = change(existing ?? { id, batch: state.batch, title: '', status: 'queued', attempt: 0, log: [] });
  return state;
}

function updateBatch(state: ApplyState, batch: number, now: number, change: (view: BatchView) => BatchView): ApplyState {
  const existing = state.batches.find((b) => b.batch === batch);
  const base: BatchView = existing ?? { batch, tasks: [], status: 'running', startedAt: now, gates: [] };
  const batches = existing
    ? state.batches.map((b) => (b.batch === batch ? change(base) : b))
    : [...state.batches, change(base)].sort((a, b) => a.batch - b.batch);
  return { ...state, batches };
}

function addNotice(state: ApplyState, now: number, level: Notice['level'], text: string): ApplyState {
  return { ...state, notices: [...state.notices, { at: now, level, text }].slice(-NOTICE_LIMIT) };
}

/** Recompute the derived fields: counts, success rate, average, progress, ETA. */
function finalize(state: ApplyState, now: number): ApplyState {
  const counts: ApplyCounts = { active: 0, queued: 0, done: 0, failed: 0, skipped: 0 };
  for (const id of state.order) {
    const status = state.tasks[id]?.status;
    if (status === 'running') counts.active++;
    else if (status === 'queued') counts.queued++;
    else if (status === 'done') counts.done++;
    else if (status === 'skipped' || status === 'aborted') counts.skipped++;
    else if (status) counts.failed++;
  }
  // Tasks of batches that have not started yet, when only their number is known.
  if (state.totalTasks !== null && !state.finished) counts.queued += Math.max(0, state.totalTasks - state.order.length);
  const ended = counts.done + counts.failed;
  const successRate = ended > 0 ? counts.done / ended : null;
  const avgTaskMs = state.taskRuns > 0 ? state.taskMsTotal / state.taskRuns : null;
  const progress = computeProgress(state);
  return { ...state, counts, successRate, avgTaskMs, progress, etaMs: computeEta(state, counts, now) };
}

function computeProgress(state: ApplyState): number {
  if (state.finished?.ok) return 1;
  if (state.totalBatches <= 0) return 0;
  // A resumed run starts at a later batch: the ones before it were committed by the first run.
  const first = state.batches[0]?.batch ?? 1;
  const ended = state.batches.filter((b) => b.ms !== undefined).length + Math.max(0, first - 1);
  const current = state.batches.find((b) => b.ms === undefined);
  let partial = 0;
  if (current && current.tasks.length > 0) {
    const finishedTasks = current.tasks.filter((id) => {
      const status = state.tasks[id]?.status;
      return status !== undefined && status !== 'running' && status !== 'queued';
    }).length;
    // Executing is about half a batch's work; verification is the other half.
    partial = (finishedTasks / current.tasks.length) * 0.5;
  }
  return Math.min(1, (ended + partial) / state.totalBatches);
}

/**
 * Time left: from the mean batch duration once a batch finished (batches run one after another,
 * their tasks in parallel); before that, from the task rate when the run's size is known.
 */
function computeEta(state: ApplyState, counts: ApplyCounts, now: number): number | null {
  if (state.finished) return 0;
  const ended = state.batches.filter((b) => b.ms !== undefined);
  if (ended.length > 0 && state.totalBatches > 0) {
    const mean = ended.reduce((sum, b) => sum + (b.ms ?? 0), 0) / ended.length;
    const current = state.batches.find((b) => b.ms === undefined);
    const currentLeft = current ? Math.max(0, mean - (now - current.startedAt)) : 0;
    const resumedPast = Math.max(0, (state.batches[0]?.batch ?? 1) - 1);
    const notStarted = Math.max(0, state.totalBatches - resumedPast - ended.length - (current ? 1 : 0));
    return Math.round(currentLeft + mean * notStarted);
  }
  const total = state.totalTasks ?? (state.totalBatches <= 1 ? state.order.length : null);
  const finishedTasks = counts.done + counts.failed + counts.skipped;
  if (total === null || total === 0 || finishedTasks === 0) return null;
  const elapsed = now - state.startedAt;
  return Math.round((elapsed / finishedTasks) * Math.max(0, total - finishedTasks));
}

/** The ETA as of `now`: the estimate made at the last event, minus the time since. */
export function etaAt(state: ApplyState, now: number): number | null {
  if (state.etaMs === null) return null;
  return Math.max(0, state.etaMs - Math.max(0, now - state.updatedAt));
}
