import path from 'node:path';
import { analyze } from '@monorefactor/analyzer';
import { ExitCode, type PlannedMove, UsageError } from '@monorefactor/core';
import { planBatches } from '@monorefactor/planner';
import { chooseRenderer, runExplorer } from '@monorefactor/ui';
import { assertCleanTree, assertNoInterruptedRun, gitTopLevel } from '@monorefactor/verifier';
import { createCodemodExecutor } from '../engine/codemodExecutor.js';
import { moveFromFinding } from '../engine/movesFromFindings.js';
import { runWithRenderer } from '../engine/runWithRenderer.js';
import { type CliIo, useColor } from '../io.js';
import { failureLines } from '../render/lineLogger.js';

export interface UiCliOptions {
  config?: string;
}

/** `refactor ui`: explore the findings, pick moves, see the plan, apply and watch. */
export async function uiCommand(dir: string, options: UiCliOptions, io: CliIo): Promise<number> {
  const root = path.resolve(dir);
  const stdout = io.stdout as NodeJS.WriteStream;
  const stdin = (io.stdin ?? process.stdin) as NodeJS.ReadStream;
  if (chooseRenderer({ stdout, env: io.env }) !== 'ink' || !stdin.isTTY) {
    throw new UsageError('refactor ui needs an interactive terminal', { hint: 'use `refactor analyze` and `refactor plan` in scripts and CI' });
  }
  const analysis = await analyze({ cwd: root, ...(options.config ? { configFile: options.config } : {}) });
  const findings = new Map(analysis.findings.misplaced.map((f) => [f.id, f]));
  // planFor runs on every toggle: build each move (and its footprint) once.
  const cache = new Map<string, PlannedMove>();
  const moveFor = (id: string): PlannedMove => {
    const known = cache.get(id);
    if (known) return known;
    const finding = findings.get(id);
    if (!finding) throw new UsageError(`unknown move ${id}`);
    const move = moveFromFinding(analysis.graph, finding);
    cache.set(id, move);
    return move;
  };
  const chosen = await runExplorer({ result: analysis.result, planFor: (ids) => planBatches(ids.map(moveFor)), stdout, stdin, color: useColor(io) });
  if (!chosen) return ExitCode.ok;
  await gitTopLevel(root);
  await assertNoInterruptedRun(root);
  await assertCleanTree(root);
  const report = await runWithRenderer(io, {
    root,
    plan: chosen.plan,
    config: analysis.config,
    makeExecutor: (onEvent) => createCodemodExecutor({ parallel: 4, onEvent }),
  });
  for (const line of failureLines(report)) io.stdout.write(`${line}\n`);
  io.stdout.write(`${report.ok ? 'done' : 'finished with failures'}: ${report.committed.length} commit(s)\n`);
  return report.ok ? ExitCode.ok : ExitCode.failed;
}
