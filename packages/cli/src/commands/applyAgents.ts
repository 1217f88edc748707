import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type AgentTask, summarize } from '@monorefactor/agents';
import { analyze, loadConfig } from '@monorefactor/analyzer';
import { ExitCode, type Plan, type PlannedMove, RefactorError, type TasksFile, UsageError } from '@monorefactor/core';
import { planBatches } from '@monorefactor/planner';
import { planTableReporter } from '@monorefactor/reporters';
import { applyPlan, assertCleanTree, assertNoInterruptedRun, gitDir, gitTopLevel, readJournal } from '@monorefactor/verifier';
import { createAgentExecutor, taskForMove } from '../engine/agentExecutor.js';
import { createCodemodExecutor } from '../engine/codemodExecutor.js';
import { createHybridExecutor } from '../engine/hybridExecutor.js';
import { collectMoves, parseMoveArgs } from '../engine/movesFromFindings.js';
import { type CliIo, useColor } from '../io.js';
import { createLineLogger, createNdjsonWriter, failureLines } from '../render/lineLogger.js';
import { type ApplyCliOptions, confirm } from './apply.js';

/** Follow-up tasks deeper than this are dropped: an agent cannot fork-bomb the run. */
const MAX_DEPTH = 2;

/** `apply --executor agent` and `apply --tasks`: agents in worktrees, verified and committed per batch. */
export async function applyAgentCommand(root: string, options: ApplyCliOptions, io: CliIo): Promise<number> {
  await gitTopLevel(root);
  if (!options.resume) await assertNoInterruptedRun(root);
  // The graph is needed only to find moves; tasks (or a resumed plan) need just the config, and
  // apply analyzes the tree itself: on a large repo this saves a whole analysis before the agents start.
  const analysis = options.tasks || options.resume ? undefined : await analyze({ cwd: root, ...(options.config ? { configFile: options.config } : {}) });
  const config = analysis?.config ?? loadConfig(root, options.config);
  const command = options.agent ? splitCommand(options.agent) : config.agent?.command;
  if (!command?.length) throw new UsageError('no agent command', { hint: 'pass --agent "<command>" or set agent.command in refactor.config.json' });

  const tasks = new Map<string, AgentTask>();
  let moves: PlannedMove[];
  if (options.tasks) {
    for (const task of readTasks(options.tasks)) tasks.set(task.id, task);
    moves = [...tasks.values()].map(pseudoMove);
  } else if (analysis) {
    moves = collectMoves(analysis.graph, parseMoveArgs(options.move), analysis.config.moves, analysis.findings.misplaced).map((m) => ({
      ...m,
      executor: 'agent' as const,
    }));
    for (const move of moves) tasks.set(move.id, taskForMove(move));
  } else moves = []; // --resume: the journal has the plan
  // On --resume the journal's plan is the one that runs (follow-ups included); show that one.
  const plan = options.resume ? await interruptedPlan(root) : planBatches(moves, options.maxBatch ? { maxBatch: options.maxBatch } : {});
  const write = (line: string) => io.stdout.write(`${line}\n`);
  if (plan.moves.length === 0) {
    write('nothing to do');
    return ExitCode.ok;
  }
  if (options.maxTasks !== undefined && plan.moves.length > options.maxTasks) {
    throw new UsageError(`${plan.moves.length} tasks planned but --max-tasks is ${options.maxTasks}`, { hint: 'raise --max-tasks or pass fewer tasks' });
  }
  if (!options.resume) await assertCleanTree(root);
  if (!options.json) io.stdout.write(planTableReporter(plan, { color: useColor(io) }));
  if (!options.yes && !(await confirm(io, `Run ${plan.moves.length} agent task(s) in ${plan.batches.length} batch(es)?`))) return ExitCode.usage;

  const render = options.json ? createNdjsonWriter(write) : createLineLogger(write, { color: useColor(io) });
  const controller = new AbortController();
  const executor = createAgentExecutor({
    command,
    parallel: options.parallel ?? 4,
    timeoutMs: options.timeout ?? config.agent?.timeoutMs ?? 600_000,
    retries: options.retries ?? config.agent?.retries ?? 2,
    ...(options.resume ? { resume: true } : {}),
    tasks,
    maxDepth: MAX_DEPTH,
    ...(options.maxTasks === undefined ? {} : { maxTasks: options.maxTasks }),
    onEvent: render,
    signal: controller.signal,
  });
  // Agents run detached (their own process groups), so the terminal's Ctrl-C never reaches them.
  // The first SIGINT/SIGTERM stops the agents (killed, worktrees removed, the batch left unfinished
  // in the journal for --resume) and no batch starts after it; we do not cancel a verification
  // gate already running (a terminal's Ctrl-C reaches it anyway: it is in our process group). A
  // second signal exits at once: the agents package's exit hook SIGKILLs the agents still running.
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(128 + (signal === 'SIGTERM' ? 15 : 2));
    if (!options.json) write(`${signal}: stopping the agents and removing their worktrees (again to stop at once)`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const started = performance.now();
  try {
    const report = await applyPlan({
      root,
      plan,
      config,
      executor:
        options.executor === 'auto' && !options.tasks
          ? createHybridExecutor(createCodemodExecutor({ parallel: options.parallel ?? 4, shim: options.shim ?? false, onEvent: render }), executor)
          : executor,
      typecheck: options.typecheck !== false,
      tests: options.tests !== false,
      resume: options.resume ?? false,
      onEvent: render,
      // Not `signal`: apply would pass it on to the gates, and a cancelled gate counts as a failed one.
      beforeWork: async () => {
        if (controller.signal.aborted) {
          throw new RefactorError('E_ABORTED', 'apply was interrupted', { hint: 'run `refactor apply --resume` to finish' }, ExitCode.failed);
        }
      },
      extendPlan: () => {
        const followUps = executor.drainFollowUps();
        if (followUps.length === 0) return undefined;
        for (const task of followUps) tasks.set(task.id, task);
        const next = planBatches(followUps.map(pseudoMove));
        return { moves: next.moves, batches: next.batches };
      },
    });
    const summary = summarize(executor.outcomes, Math.round(performance.now() - started), { mergeMs: Math.round(executor.mergeMs) });
    const runDir = path.join(await gitDir(root), 'refactor', 'runs', report.runId);
    mkdirSync(runDir, { recursive: true });
    writeFileSync(path.join(runDir, 'report.json'), `${JSON.stringify({ version: 1, runId: report.runId, report, summary }, null, 2)}\n`);
    if (options.json) write(JSON.stringify({ type: 'summary', ...summary }));
    else {
      write(`tasks: ${summary.done} done, ${summary.failed} failed, ${summary.retried} retried, ${summary.timedOut} timed out, ${summary.rejected} rejected`);
      write(`wall ${(summary.wallMs / 1000).toFixed(1)}s vs ${(summary.sumTaskMs / 1000).toFixed(1)}s of task time: ${summary.speedup.toFixed(2)}x`);
      for (const line of failureLines(report)) write(line);
    }
    return report.ok ? ExitCode.ok : ExitCode.failed;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** The plan of the interrupted run `--resume` finishes (the journal's, follow-ups included). */
async function interruptedPlan(root: string): Promise<Plan> {
  const journal = readJournal(await gitDir(root));
  if (!journal || journal.finished) {
    throw new UsageError('there is no interrupted run to resume', { file: '.git/refactor/journal.json', hint: 'run apply without --resume' });
  }
  return journal.plan;
}

/** A free-form task in the planner's terms: its footprint is what it writes. */
function pseudoMove(task: AgentTask): PlannedMove {
  return {
    id: task.id,
    files: [],
    fromPackage: task.fromPackage ?? '',
    toPackage: task.toPackage ?? '',
    footprint: task.footprint,
    executor: 'agent',
    reasons: [task.prompt],
    ...(task.dependsOn?.length ? { dependsOn: task.dependsOn } : {}),
  };
}

function readTasks(file: string): AgentTask[] {
  let parsed: TasksFile;
  try {
    parsed = JSON.parse(readFileSync(path.resolve(file), 'utf8')) as TasksFile;
  } catch (error) {
    throw new UsageError(`cannot read tasks: ${(error as Error).message}`, {
      file,
      hint: 'write { "version": 1, "tasks": [{ "id", "prompt", "footprint" }] }',
    });
  }
  if (parsed?.version !== 1 || !Array.isArray(parsed.tasks))
    throw new UsageError('not a version-1 tasks file', { file, hint: 'write { "version": 1, "tasks": [...] }' });
  return parsed.tasks.map((task, i) => {
    if (typeof task?.id !== 'string' || typeof task.prompt !== 'string' || !Array.isArray(task.footprint) || task.footprint.length === 0) {
      throw new UsageError(`task ${i + 1} needs a string id, a prompt and a non-empty footprint`, { file, hint: 'see the Agents section of DESIGN.md' });
    }
    return {
      id: task.id,
      kind: 'task' as const,
      prompt: task.prompt,
      files: [],
      footprint: task.footprint,
      depth: task.depth ?? 0,
      ...(task.dependsOn ? { dependsOn: task.dependsOn } : {}),
    };
  });
}

/** Split `--agent "cmd --flag 'a b'"` into argv without a shell (quotes group words). */
export function splitCommand(command: string): string[] {
  const out: string[] = [];
  for (const match of command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) out.push(match[1] ?? match[2] ?? match[3] ?? '');
  return out;
}
