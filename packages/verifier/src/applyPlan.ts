import { analyze } from '@monorefactor/analyzer';
import {
  commonPath,
  type EventSink,
  type FileMove,
  type ImportGraph,
  noopSink,
  type Plan,
  type PlannedMove,
  type RefactorConfig,
  RefactorError,
  UsageError,
} from '@monorefactor/core';
import { assertCleanTree, commitAll, git, gitDir, headSha, rollback } from './git.js';
import type { GateFindings } from './importsGate.js';
import { type BatchRecord, type Journal, newJournal, readJournal, writeJournal } from './journal.js';
import { appendMigration } from './migrationGuide.js';
import { verifyTree } from './verifyTree.js';

/** What an executor reports for one move it carried out (or could not). */
export interface MoveExecution {
  id: string;
  ok: boolean;
  error?: string;
  /** Every file written, old and new paths. */
  touched: string[];
  renames: FileMove[];
  specifierChanges: { file: string; from: string; to: string }[];
}

export interface ExecuteContext {
  root: string;
  /** The graph of the last committed tree (reading it before it is ready throws; see `usesGraph`). */
  graph: ImportGraph;
  batch: number;
  signal?: AbortSignal;
  /** Settles when the work tree may be written: the batch's baseline has been read from it. */
  beforeWrite: () => Promise<void>;
  /**
   * The executor's work now runs in other processes (its agents have started): apply can use this
   * thread for its own analysis without delaying them. Optional to call.
   */
  workStarted: () => void;
}

/** Carries out moves on the work tree (concurrently); codemod and agent executors implement it. */
export interface BatchExecutor {
  /**
   * `false`: `execute` never reads `context.graph`. `applyPlan` then starts it while it still
   * analyses the tree for the first batch's baseline (agents start at once instead of after a
   * whole analysis), and the executor awaits `context.beforeWrite()` before touching the tree.
   */
  readonly usesGraph?: boolean;
  execute(moves: PlannedMove[], context: ExecuteContext): Promise<MoveExecution[]>;
}

export interface ApplyOptions {
  root: string;
  plan: Plan;
  config: RefactorConfig;
  executor: BatchExecutor;
  typecheck?: boolean;
  tests?: boolean;
  resume?: boolean;
  onEvent?: EventSink;
  signal?: AbortSignal;
  /** Awaited before each batch and each bisection step: a UI resolves it later to pause new work. */
  beforeWork?: () => Promise<void>;
  /** Called after each batch: more work to plan into later batches (agent follow-up tasks). */
  extendPlan?: () => { moves: PlannedMove[]; batches: string[][] } | undefined;
}

export interface ApplyReport {
  ok: boolean;
  committed: { batch: number; sha: string; moves: string[] }[];
  failed: { id: string; gate?: string; reason: string }[];
  ms: number;
  runId: string;
}

/** The last committed state: its graph and the findings gate 1 compares the next batch with. */
interface State {
  graph: ImportGraph;
  findings: GateFindings;
}

/**
 * Apply a plan batch by batch: execute the batch's moves, verify (imports, typecheck, tests),
 * commit; on failure roll back and bisect, committing the halves that pass. A journal under
 * `.git/refactor/` records progress so `resume` can finish an interrupted run.
 */
export async function applyPlan(options: ApplyOptions): Promise<ApplyReport> {
  const started = performance.now();
  const emit = options.onEvent ?? noopSink;
  const { root } = options;
  const dotGit = await gitDir(root);
  const existing = readJournal(dotGit);
  let journal: Journal;
  if (options.resume) {
    if (!existing || existing.finished)
      throw new UsageError('there is no interrupted run to resume', { file: '.git/refactor/journal.json', hint: 'run apply without --resume' });
    journal = existing;
    await rollback(root); // whatever the interrupted batch left half-done
  } else {
    await assertNoInterruptedRun(root);
    await assertCleanTree(root);
    journal = newJournal(options.plan);
  }
  writeJournal(dotGit, journal);
  const plan = journal.plan;
  const moves = new Map(plan.moves.map((m) => [m.id, m]));
  // The baseline of the first batch. Awaited before any executor that reads the graph runs, and
  // before anything writes to the tree; an executor that does not read it starts meanwhile.
  const state = {} as State;
  // Started at once for executors that need the graph; for the others when their work has
  // started elsewhere (so the analysis does not hold up the agents' start) or before they write.
  let startBaseline: () => void = () => {};
  const baseline = new Promise<void>((resolve) => {
    startBaseline = resolve;
  })
    .then(() => analyze({ cwd: root, config: options.config, incremental: true }))
    .then((first) => {
      state.graph = first.graph;
      state.findings = first.findings;
    });
  baseline.catch(() => {}); // reported where it is awaited
  if (options.executor.usesGraph !== false) {
    startBaseline();
    await baseline;
  }
  const report: ApplyReport = { ok: true, committed: [], failed: [], ms: 0, runId: journal.runId };
  for (const record of journal.batches) {
    for (const f of record.failed) report.failed.push({ id: f.id, reason: f.reason });
    if (record.sha && record.committed.length) report.committed.push({ batch: record.index + 1, sha: record.sha, moves: record.committed });
  }

  for (let index = 0; index < plan.batches.length; index++) {
    const ids = plan.batches[index] ?? [];
    const total = plan.batches.length;
    const record = journal.batches[index];
    if (!record || record.status === 'committed' || record.status === 'failed' || record.status === 'partial') continue;
    await options.beforeWork?.();
    throwIfAborted(options.signal);
    const batch = index + 1;
    emit({ type: 'batch:start', batch, total, tasks: ids });
    // A batch interrupted after one of its commits landed: keep those moves, redo the rest.
    const landed = record.status === 'running' ? await landedCommits(root, record) : [];
    if (record.status !== 'running') record.baseSha = await headSha(root);
    record.status = 'running';
    writeJournal(dotGit, journal);
    const done = new Set(landed.flatMap((c) => c.moves));
    const batchMoves = ids
      .filter((id) => !done.has(id))
      .map((id) => moves.get(id))
      .filter((m): m is PlannedMove => m !== undefined);
    const recordCommit = (title: string, ids: string[], sha?: string) => {
      record.commits = record.commits ?? [];
      const existing = record.commits.find((c) => c.title === title && !c.sha);
      if (existing && sha) existing.sha = sha;
      else record.commits.push({ title, moves: ids });
      writeJournal(dotGit, journal);
    };
    const outcome = await attempt(batchMoves, { ...options, emit, state, baseline, startBaseline, batch, total, recordCommit });
    outcome.committed.unshift(...landed.map((c) => ({ batch, sha: c.sha, moves: c.moves })));
    record.committed = outcome.committed.flatMap((c) => c.moves);
    record.failed = outcome.failed.map((f) => ({ id: f.id, reason: f.reason }));
    record.sha = outcome.committed.at(-1)?.sha;
    record.status = record.failed.length === 0 ? 'committed' : record.committed.length > 0 ? 'partial' : 'failed';
    writeJournal(dotGit, journal);
    report.committed.push(...outcome.committed);
    report.failed.push(...outcome.failed);
    emit({ type: 'batch:end', batch, committed: record.committed, failed: record.failed.map((f) => f.id) });
    const more = options.extendPlan?.();
    if (more && more.batches.length > 0) {
      for (const move of more.moves) moves.set(move.id, move);
      plan.moves.push(...more.moves);
      for (const extra of more.batches) {
        journal.batches.push({ index: plan.batches.length, status: 'pending', committed: [], failed: [] });
        plan.batches.push(extra);
      }
      writeJournal(dotGit, journal);
    }
  }
  journal.finished = true;
  writeJournal(dotGit, journal);
  report.ok = report.failed.length === 0;
  report.ms = Math.round(performance.now() - started);
  emit({ type: 'run:end', ok: report.ok, committed: report.committed.length, failed: report.failed.length, ms: report.ms });
  return report;
}

/** Refuse to start a new run while an interrupted one is unfinished (its half-done batch may be in the tree). */
export async function assertNoInterruptedRun(root: string): Promise<void> {
  const existing = readJournal(await gitDir(root));
  if (existing && !existing.finished) {
    throw new UsageError(`an interrupted apply run (${existing.runId}) is not finished`, {
      file: '.git/refactor/journal.json',
      hint: 'finish it with `refactor apply --resume`, or delete the journal to start over',
    });
  }
}

/** Commits of an interrupted batch that landed: recorded in the journal and present since its base. */
async function landedCommits(root: string, record: BatchRecord): Promise<{ sha: string; moves: string[] }[]> {
  if (!record.baseSha || !record.commits?.length) return [];
  const log = await git(root, ['log', '--format=%H%x00%s', `${record.baseSha}..HEAD`]);
  const subjects = new Map(
    log
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [sha = '', subject = ''] = line.split('\u0000');
        return [subject, sha] as const;
      }),
  );
  const out: { sha: string; moves: string[] }[] = [];
  for (const commit of record.commits) {
    const sha = commit.sha ?? subjects.get(commit.title);
    if (sha && subjects.has(commit.title)) {
      commit.sha = sha;
      out.push({ sha, moves: commit.moves });
    }
  }
  return out;
}

interface AttemptContext extends ApplyOptions {
  recordCommit: (title: string, moves: string[], sha?: string) => void;
  emit: EventSink;
  state: State;
  /** Settles when `state` holds the first baseline. */
  baseline: Promise<void>;
  /** Starts the first baseline's analysis (once; later calls do nothing). */
  startBaseline: () => void;
  batch: number;
  total: number;
}

interface AttemptOutcome {
  committed: { batch: number; sha: string; moves: string[] }[];
  failed: { id: string; gate?: string; reason: string }[];
}

/** Execute, verify, commit; or roll back and bisect. */
async function attempt(moves: PlannedMove[], ctx: AttemptContext): Promise<AttemptOutcome> {
  const outcome: AttemptOutcome = { committed: [], failed: [] };
  if (moves.length === 0) return outcome;
  await ctx.beforeWork?.();
  throwIfAborted(ctx.signal);
  const baseSha = await headSha(ctx.root);
  if (ctx.executor.usesGraph !== false) await ctx.baseline;
  const state = ctx.state;
  const executions = await ctx.executor.execute(moves, {
    root: ctx.root,
    get graph(): ImportGraph {
      if (!state.graph) throw new Error('an executor with usesGraph: false read the graph before the baseline was ready');
      return state.graph;
    },
    batch: ctx.batch,
    beforeWrite: () => {
      ctx.startBaseline();
      return ctx.baseline;
    },
    workStarted: () => ctx.startBaseline(),
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
  ctx.startBaseline();
  await ctx.baseline;
  const done = executions.filter((e) => e.ok);
  for (const e of executions.filter((x) => !x.ok)) outcome.failed.push({ id: e.id, gate: 'execute', reason: e.error ?? 'failed' });
  if (done.length === 0) {
    await rollback(ctx.root);
    return outcome;
  }
  const verified = await verifyTree({
    root: ctx.root,
    config: ctx.config,
    baseline: ctx.state.findings,
    sinceBaseline: true,
    graph: ctx.state.graph,
    touched: [...new Set(done.flatMap((e) => e.touched))],
    batch: ctx.batch,
    ...(ctx.typecheck === undefined ? {} : { typecheck: ctx.typecheck }),
    ...(ctx.tests === undefined ? {} : { tests: ctx.tests }),
    onEvent: ctx.emit,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
  const doneMoves = done.map((e) => moves.find((m) => m.id === e.id)).filter((m): m is PlannedMove => m !== undefined);
  if (verified.ok) {
    const title = commitTitle(doneMoves, ctx.batch, ctx.total);
    appendMigration(ctx.root, {
      title,
      baseSha,
      moves: done.map((e) => ({ move: doneMoves.find((m) => m.id === e.id) as PlannedMove, renames: e.renames, specifierChanges: e.specifierChanges })),
    });
    ctx.recordCommit(
      title,
      doneMoves.map((m) => m.id),
    );
    const sha = await commitAll(ctx.root, `${title}\n\n${commitBody(doneMoves)}`);
    ctx.recordCommit(
      title,
      doneMoves.map((m) => m.id),
      sha,
    );
    ctx.emit({ type: 'commit', batch: ctx.batch, sha, message: title, tasks: doneMoves.map((m) => m.id) });
    // The verified graph describes the committed tree: the baseline for what follows.
    ctx.state.graph = verified.graph;
    ctx.state.findings = verified.findings;
    outcome.committed.push({ batch: ctx.batch, sha, moves: doneMoves.map((m) => m.id) });
    return outcome;
  }
  // Back to the committed tree, whose graph ctx.state still holds (the update did not modify it).
  await rollback(ctx.root);
  // A gate cancelled by an interrupt did not fail the moves: leave the batch to --resume.
  throwIfAborted(ctx.signal);
  const failure = verified.failed ?? { gate: 'imports' as const, output: 'verification failed', summary: 'verification failed' };
  // The first line of a reason is what the summary (`failed M1 (typecheck): ...`) and the events
  // show: the gate's first errors, not just its name; the whole output follows on the next lines.
  const headline = `${failure.gate} failed: ${failure.summary}`;
  ctx.emit({ type: 'rollback', batch: ctx.batch, tasks: doneMoves.map((m) => m.id), reason: headline });
  if (doneMoves.length === 1) {
    const only = doneMoves[0] as PlannedMove;
    outcome.failed.push({ id: only.id, gate: failure.gate, reason: `${headline}\n${failure.output}` });
    return outcome;
  }
  const half = Math.ceil(doneMoves.length / 2);
  const halves = [doneMoves.slice(0, half), doneMoves.slice(half)];
  for (const part of halves) {
    ctx.emit({ type: 'bisect', batch: ctx.batch, tasks: part.map((m) => m.id), reason: `${failure.gate} failed for ${doneMoves.map((m) => m.id).join(', ')}` });
    const sub = await attempt(part, ctx);
    outcome.committed.push(...sub.committed);
    outcome.failed.push(...sub.failed);
  }
  return outcome;
}

export function commitTitle(moves: PlannedMove[], batch: number, total: number): string {
  const suffix = `(batch ${batch}/${total})`;
  // A free-form agent task moves no files: its id and prompt say what it did.
  const tasks = moves.filter((m) => m.files.length === 0);
  if (tasks.length === moves.length) {
    if (tasks.length === 1) return `refactor: ${tasks[0]?.id} ${firstLine(tasks[0]?.reasons?.[0] ?? 'agent task')} ${suffix}`;
    return `refactor: agent tasks ${tasks.map((t) => t.id).join(', ')} ${suffix}`;
  }
  if (moves.length === 1) {
    const move = moves[0] as PlannedMove;
    return `refactor: move ${commonPath(move.files.map((f) => f.from))} to ${move.toPackage} ${suffix}`;
  }
  const targets = [...new Set(moves.map((m) => m.toPackage))].join(', ');
  return `refactor: move ${moves.length} modules to ${targets} ${suffix}`;
}

function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}

function commitBody(moves: PlannedMove[]): string {
  const line = (m: PlannedMove) =>
    m.files.length === 0
      ? `- ${m.id}: ${m.reasons?.[0] ?? 'agent task'}`
      : `- ${m.id}: ${m.files.map((f) => f.from).join(', ')} -> ${commonPath(m.files.map((f) => f.to))} (${m.fromPackage} -> ${m.toPackage})`;
  return moves.map(line).join('\n');
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new RefactorError('E_ABORTED', 'apply was interrupted', { hint: 'run `refactor apply --resume` to finish' }, 1);
}
