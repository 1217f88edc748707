import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { analyze } from '@monorefactor/analyzer';
import { computeMoveChanges } from '@monorefactor/codemod';
import { type EventOf, ExitCode, type ImportGraph, type Plan, type PlannedMove, UsageError } from '@monorefactor/core';
import { planBatches } from '@monorefactor/planner';
import { planTableReporter } from '@monorefactor/reporters';
import { assertCleanTree, assertNoInterruptedRun, gitDir, gitTopLevel, readJournal } from '@monorefactor/verifier';
import { createCodemodExecutor } from '../engine/codemodExecutor.js';
import { collectMoves, parseMoveArgs } from '../engine/movesFromFindings.js';
import { runWithRenderer } from '../engine/runWithRenderer.js';
import { type CliIo, useColor } from '../io.js';
import { failureLines } from '../render/lineLogger.js';
import { diffSections, unifiedDiff } from '../render/unifiedDiff.js';

export interface ApplyCliOptions {
  plan?: string;
  tasks?: string;
  move?: string[];
  parallel?: number;
  executor?: 'codemod' | 'agent' | 'auto';
  agent?: string;
  maxBatch?: number;
  maxTasks?: number;
  timeout?: number;
  retries?: number;
  shim?: boolean;
  typecheck?: boolean;
  tests?: boolean;
  dryRun?: boolean;
  yes?: boolean;
  resume?: boolean;
  json?: boolean;
  config?: string;
}

export async function applyCommand(dir: string, options: ApplyCliOptions, io: CliIo): Promise<number> {
  const root = path.resolve(dir);
  if (options.tasks || options.executor === 'agent' || options.executor === 'auto' || (options.resume && (await interruptedRunUsesAgents(root)))) {
    const { applyAgentCommand } = await import('./applyAgents.js');
    return applyAgentCommand(root, options, io);
  }
  await gitTopLevel(root);
  if (!options.resume) await assertNoInterruptedRun(root);
  const analysis = await analyze({ cwd: root, ...(options.config ? { configFile: options.config } : {}) });
  let plan: Plan;
  if (options.resume)
    plan = { version: 1, moves: [], batches: [], criticalPath: [] }; // the journal has the plan
  else if (options.plan) plan = readPlanFile(options.plan);
  else {
    const moves = collectMoves(analysis.graph, parseMoveArgs(options.move), analysis.config.moves, analysis.findings.misplaced);
    plan = planBatches(moves, options.maxBatch ? { maxBatch: options.maxBatch } : {});
  }
  const write = (line: string) => io.stdout.write(`${line}\n`);
  if (!options.resume && plan.moves.length === 0) {
    if (!options.json) write('nothing to move: no misplaced modules and no --move given');
    return ExitCode.ok;
  }

  if (options.dryRun) return dryRun(analysis.graph, plan, options, io);

  if (!options.resume) await assertCleanTree(root);
  if (!options.json) io.stdout.write(planTableReporter(plan, { color: useColor(io) }));
  if (!options.yes && !(await confirm(io, `Apply ${plan.moves.length} move(s) in ${plan.batches.length} batch(es)?`))) return ExitCode.usage;

  const report = await runWithRenderer(io, {
    ...(options.json ? { json: true } : {}),
    root,
    plan,
    config: analysis.config,
    typecheck: options.typecheck !== false,
    tests: options.tests !== false,
    resume: options.resume ?? false,
    makeExecutor: (onEvent) => createCodemodExecutor({ parallel: options.parallel ?? 4, shim: options.shim ?? false, onEvent }),
  });
  if (!options.json) for (const line of failureLines(report)) write(line);
  return report.ok ? ExitCode.ok : ExitCode.failed;
}

/**
 * Preview events of `apply --dry-run --json`, beside the stream's own `plan:ready`, `warn` and
 * `run:end`: one per move, then one per file it would write, the diff as one string.
 */
type DryRunEvent =
  | EventOf<'plan:ready'>
  | EventOf<'warn'>
  | EventOf<'run:end'>
  | { type: 'dry-run:move'; task: string; batch: number; title: string; fromPackage: string; toPackage: string; files: PlannedMove['files'] }
  | { type: 'dry-run:change'; task: string; path: string; change: 'create' | 'delete' | 'modify'; diff: string };

/**
 * Every move against today's tree (what the first batch will write, and a preview of the rest):
 * a diff for people, or NDJSON events with `--json` (scripts read the same stream `apply` emits).
 */
async function dryRun(graph: ImportGraph, plan: Plan, options: ApplyCliOptions, io: CliIo): Promise<number> {
  const started = Date.now();
  const write = (line: string) => io.stdout.write(`${line}\n`);
  const emit = (event: DryRunEvent) => write(JSON.stringify(event));
  if (options.json) emit({ type: 'plan:ready', moves: plan.moves.length, batches: plan.batches.length });
  for (const move of plan.moves) {
    const changeSet = await computeMoveChanges(graph, move, { shim: options.shim ?? false });
    const sections = diffSections(await unifiedDiff(changeSet.changes));
    if (!options.json) {
      write(`# ${move.id}: ${move.fromPackage} -> ${move.toPackage}`);
      for (const warning of changeSet.warnings) write(`# warning: ${warning}`);
      io.stdout.write([...sections.values()].join(''));
      continue;
    }
    const batch = plan.batches.findIndex((ids) => ids.includes(move.id)) + 1;
    const { id: task, fromPackage, toPackage, files } = move;
    emit({ type: 'dry-run:move', task, batch, title: `${fromPackage} -> ${toPackage}`, fromPackage, toPackage, files });
    for (const message of changeSet.warnings) emit({ type: 'warn', message });
    for (const change of changeSet.changes) {
      const kind = change.before === null ? 'create' : change.after === null ? 'delete' : 'modify';
      emit({ type: 'dry-run:change', task, path: change.path, change: kind, diff: sections.get(change.path) ?? '' });
    }
  }
  if (options.json) emit({ type: 'run:end', ok: true, committed: 0, failed: 0, ms: Date.now() - started });
  return ExitCode.ok;
}

function readPlanFile(file: string): Plan {
  let plan: Plan;
  try {
    plan = JSON.parse(readFileSync(path.resolve(file), 'utf8')) as Plan;
  } catch (error) {
    throw new UsageError(`cannot read plan: ${(error as Error).message}`, { file, hint: 'write one with `refactor plan --out plan.json`' });
  }
  if (plan?.version !== 1 || !Array.isArray(plan.moves) || !Array.isArray(plan.batches)) {
    throw new UsageError('not a version-1 plan', { file, hint: 'write one with `refactor plan --out plan.json`' });
  }
  return plan;
}

/** Ask on a terminal; without one, refuse (a script must say --yes). */
export async function confirm(io: CliIo, question: string): Promise<boolean> {
  const stdin = io.stdin ?? process.stdin;
  if (!(stdin as { isTTY?: boolean }).isTTY) {
    throw new UsageError('refusing to apply without confirmation: no terminal to ask on', { hint: 'pass --yes to apply non-interactively' });
  }
  const rl = createInterface({ input: stdin, output: io.stdout });
  try {
    const answer = await rl.question(`${question} [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

/** `--resume` alone finishes an agent run too: the journal's plan says which moves were agents'. */
async function interruptedRunUsesAgents(root: string): Promise<boolean> {
  const journal = readJournal(await gitDir(root));
  return journal?.plan.moves.some((move) => move.executor === 'agent') ?? false;
}
