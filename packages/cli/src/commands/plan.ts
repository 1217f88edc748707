import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '@monorefactor/analyzer';
import { ExitCode } from '@monorefactor/core';
import { planBatches } from '@monorefactor/planner';
import { planMermaidReporter, planTableReporter } from '@monorefactor/reporters';
import { collectMoves, parseMoveArgs } from '../engine/movesFromFindings.js';
import { type CliIo, useColor } from '../io.js';

export interface PlanCliOptions {
  json?: boolean;
  move?: string[];
  maxBatch?: number;
  out?: string;
  config?: string;
  format?: string;
}

export async function planCommand(dir: string, options: PlanCliOptions, io: CliIo): Promise<number> {
  const root = path.resolve(dir);
  const specs = parseMoveArgs(options.move);
  const analysis = await analyze({ cwd: root, ...(options.config ? { configFile: options.config } : {}) });
  const moves = collectMoves(analysis.graph, specs, analysis.config.moves, analysis.findings.misplaced);
  const plan = planBatches(moves, options.maxBatch ? { maxBatch: options.maxBatch } : {});
  if (options.out) writeFileSync(path.resolve(options.out), `${JSON.stringify(plan, null, 2)}\n`);
  if (options.json) io.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
  else if (options.format === 'mermaid') io.stdout.write(planMermaidReporter(plan));
  else {
    io.stdout.write(planTableReporter(plan, { color: useColor(io) }));
    io.stdout.write(`\n${planMermaidReporter(plan)}`);
  }
  return ExitCode.ok;
}
