import { type AgentTask, describeContext, mergeOutcomes, planFollowUps, runAgentBatch, type TaskOutcome } from '@monorefactor/agents';
import type { EventSink, PlannedMove } from '@monorefactor/core';
import type { BatchExecutor, MoveExecution } from '@monorefactor/verifier';
import { headSha } from '@monorefactor/verifier';

export interface AgentExecutorOptions {
  command: string[];
  parallel: number;
  timeoutMs: number;
  retries: number;
  runId: string;
  /** Agent tasks by id (free-form tasks); moves without one get a generated move prompt. */
  tasks: Map<string, AgentTask>;
  maxDepth: number;
  maxTasks?: number;
  onEvent?: EventSink;
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
 */
export function createAgentExecutor(options: AgentExecutorOptions): BatchExecutor & { drainFollowUps(): AgentTask[]; outcomes: TaskOutcome[] } {
  let pending: AgentTask[] = [];
  let spent = 0;
  const outcomes: TaskOutcome[] = [];
  return {
    outcomes,
    drainFollowUps() {
      const out = pending;
      pending = [];
      return out;
    },
    async execute(moves, { root, batch, signal }) {
      const tasks = moves.map((move) => options.tasks.get(move.id) ?? taskForMove(move));
      spent += tasks.length;
      const ran = await runAgentBatch(tasks, {
        root,
        baseRef: await headSha(root),
        command: options.command,
        parallel: options.parallel,
        timeoutMs: options.timeoutMs,
        retries: options.retries,
        runId: options.runId,
        batch,
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
        ...(options.onEvent ? { onEvent: options.onEvent } : {}),
      });
      outcomes.push(...ran);
      const merge = await mergeOutcomes(root, ran);
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
