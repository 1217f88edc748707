import { type AgentTask, describeContext, mergeOutcomes, planFollowUps, runAgentBatch, type TaskOutcome } from '@monorefactor/agents';
import { type EventSink, ExitCode, type PlannedMove, RefactorError } from '@monorefactor/core';
import type { BatchExecutor, MoveExecution } from '@monorefactor/verifier';
import { gitDir, headSha, readJournal, rollback } from '@monorefactor/verifier';

export interface AgentExecutorOptions {
  command: string[];
  parallel: number;
  timeoutMs: number;
  retries: number;
  /** Reuse what tasks of the interrupted run (same run id and base) finished: `apply --resume`. */
  resume?: boolean;
  /** Agent tasks by id (free-form tasks); moves without one get a generated move prompt. */
  tasks: Map<string, AgentTask>;
  maxDepth: number;
  maxTasks?: number;
  onEvent?: EventSink;
  /**
   * Ctrl-C, for the agents only (used instead of apply's own signal): a verification gate already
   * running is not cancelled, since the verifier would take a cancelled gate for a failed one.
   */
  signal?: AbortSignal;
}

/**
 * The agent task of a planned move: the free-form task it stands for (a resumed run's follow-ups
 * are only in the journal's plan: no files, the prompt kept as its reason), or a move prompt.
 */
function taskFor(move: PlannedMove, tasks: Map<string, AgentTask>): AgentTask {
  const known = tasks.get(move.id);
  if (known) return known;
  if (move.files.length > 0) return taskForMove(move);
  return {
    id: move.id,
    kind: 'task',
    prompt: move.reasons?.[0] ?? move.id,
    files: [],
    footprint: move.footprint,
    depth: move.id.split('.').length - 1, // follow-up ids are `<parent>.<id>`
    ...(move.dependsOn?.length ? { dependsOn: move.dependsOn } : {}),
  };
}

/** A planned move as an agent task: the prompt says what to move where; the footprint bounds it. */
export function taskForMove(move: PlannedMove): AgentTask {
  const lines = [
    `Move these files from ${move.fromPackage} to ${move.toPackage}, updating every import of them:`,
    ...move.files.map((f) => `- ${f.from} -> ${f.to}`),
  ];
  return {
    id: move.id,
    kind: 'move',
    prompt: lines.join('\n'),
    files: move.files.map((f) => f.from),
    footprint: move.footprint,
    fromPackage: move.fromPackage,
    toPackage: move.toPackage,
    depth: 0,
  };
}

/**
 * Runs each move or task through an external agent in its own worktree, merges the results that
 * stayed in their footprint into the work tree (conflicts fail only their task), and keeps the
 * follow-up tasks agents asked for so the run can plan them into later batches.
 *
 * Agent logs and outcome records go under the apply journal's run id, so `--resume` finds what
 * the interrupted run finished. An abort (Ctrl-C) merges nothing and throws E_ABORTED: the
 * journal keeps the batch unfinished for `--resume`, which reuses the tasks that were done.
 */
export function createAgentExecutor(
  options: AgentExecutorOptions,
): BatchExecutor & { drainFollowUps(): AgentTask[]; outcomes: TaskOutcome[]; readonly mergeMs: number } {
  let pending: AgentTask[] = [];
  let spent = 0;
  let mergeMs = 0;
  const outcomes: TaskOutcome[] = [];
  return {
    outcomes,
    get mergeMs() {
      return mergeMs;
    },
    drainFollowUps() {
      const out = pending;
      pending = [];
      return out;
    },
    // Agents work in worktrees of their own: they can start while apply analyses the tree.
    usesGraph: false,
    async execute(moves, context) {
      const { root, batch } = context;
      const signal = options.signal ?? context.signal;
      const tasks = moves.map((move) => taskFor(move, options.tasks));
      spent += tasks.length;
      const runId = readJournal(await gitDir(root))?.runId;
      if (!runId) throw new RefactorError('E_AGENT', 'no apply journal to name the agent run after', { hint: 'run agents through `refactor apply`' });
      // Once the first wave of agents has started, apply may analyse the tree on this thread.
      const firstWave = Math.min(tasks.length, options.parallel);
      let started = 0;
      const onEvent: EventSink = (event) => {
        if (event.type === 'task:start' && ++started === firstWave) context.workStarted();
        options.onEvent?.(event);
      };
      const ran = await runAgentBatch(tasks, {
        root,
        baseRef: await headSha(root),
        command: options.command,
        parallel: options.parallel,
        timeoutMs: options.timeoutMs,
        retries: options.retries,
        runId,
        batch,
        ...(options.resume ? { resume: true } : {}),
        context: describeContext({
          importConventions: [
            "packages import each other through their package name and its `exports` (never a path into another package's src)",
            'inside a package, imports are relative and keep the file style already used (extension or not)',
          ],
          verify: [
            'every import resolves and no package cycle or undeclared dependency appears',
            "the repository's typecheck",
            'the tests of the affected packages',
          ],
          earlier: outcomes.map((o) => ({ id: o.id, status: o.status, changedFiles: o.changedFiles })),
        }),
        ...(signal ? { signal } : {}),
        onEvent,
      });
      outcomes.push(...ran);
      throwIfAborted(signal, ran);
      await context.beforeWrite(); // apply may still be reading the tree for the batch's baseline
      const mergeStarted = performance.now();
      const merge = await mergeOutcomes(root, ran);
      mergeMs += performance.now() - mergeStarted;
      if (signal?.aborted) {
        await rollback(root);
        throwIfAborted(signal, ran);
      }
      const conflicts = new Map(merge.conflicts.map((c) => [c.id, c.files]));
      const limits = {
        maxDepth: options.maxDepth,
        maxPerDepth: Math.max(1, options.parallel * 2),
        ...(options.maxTasks === undefined ? {} : { maxTasks: Math.max(0, options.maxTasks - spent) }),
      };
      const follow = planFollowUps(
        ran.filter((o) => merge.merged.includes(o.id)),
        limits,
      );
      pending.push(...follow.accepted);
      for (const dropped of follow.dropped) options.onEvent?.({ type: 'warn', message: `follow-up ${dropped.id} dropped: ${dropped.reason}` });
      return ran.map((outcome): MoveExecution => {
        const move = moves.find((m) => m.id === outcome.id);
        const renames = move?.files ?? [];
        if (outcome.status !== 'done') {
          return { id: outcome.id, ok: false, error: `${outcome.status}: ${outcome.error ?? outcome.status}`, touched: [], renames: [], specifierChanges: [] };
        }
        const conflict = conflicts.get(outcome.id);
        if (conflict) return { id: outcome.id, ok: false, error: `merge conflict in ${conflict.join(', ')}`, touched: [], renames: [], specifierChanges: [] };
        return { id: outcome.id, ok: true, touched: outcome.changedFiles, renames, specifierChanges: [] };
      });
    },
  };
}

/** Ctrl-C: stop before anything reaches the work tree, saying which tasks finished (their records serve `--resume`). */
function throwIfAborted(signal: AbortSignal | undefined, ran: TaskOutcome[]): void {
  if (!signal?.aborted) return;
  const finished = ran.filter((o) => o.status !== 'aborted').map((o) => `${o.id} ${o.status}`);
  const aborted = ran.filter((o) => o.status === 'aborted').map((o) => o.id);
  throw new RefactorError(
    'E_ABORTED',
    `apply was interrupted: ${finished.length > 0 ? `${finished.join(', ')}; ` : ''}${aborted.length > 0 ? `${aborted.join(', ')} aborted` : 'nothing aborted'}`,
    { hint: 'run `refactor apply --resume` to finish (finished tasks are not run again)' },
    ExitCode.failed,
  );
}
