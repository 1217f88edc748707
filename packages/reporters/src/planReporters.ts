import type { Plan } from '@monorefactor/core';
import { paint } from './ansi.js';
import type { ReportOptions } from './types.js';

/** The plan as a table: batches, their moves, footprint sizes, critical path and time estimate. */
export function planTableReporter(plan: Plan, options: ReportOptions = {}): string {
  const p = paint(options.color);
  const moves = new Map(plan.moves.map((m) => [m.id, m]));
  const out: string[] = [p.bold(`${plan.moves.length} moves in ${plan.batches.length} batches`)];
  plan.batches.forEach((batch, i) => {
    out.push('', p.bold(`Batch ${i + 1}/${plan.batches.length}`) + p.dim(`  (${batch.length} in parallel)`));
    for (const id of batch) {
      const move = moves.get(id);
      if (!move) continue;
      const sources = move.files.map((f) => f.from);
      out.push(
        `  ${p.cyan(id)}  ${move.fromPackage} -> ${p.bold(move.toPackage)}  ${p.dim(`${move.files.length} files, writes ${move.footprint.length}, ${move.executor}`)}`,
      );
      for (const source of sources.slice(0, 6)) out.push(p.dim(`      ${source}`));
      if (sources.length > 6) out.push(p.dim(`      ... ${sources.length - 6} more`));
    }
  });
  if (plan.criticalPath.length) out.push('', `Critical path: ${plan.criticalPath.join(' -> ')}`);
  if (plan.estimate) out.push(`Estimated cost: ${plan.estimate.sequential} sequential vs ${plan.estimate.parallel} in parallel batches`);
  for (const r of plan.rejected ?? []) out.push(p.red(`Rejected ${r.id}: ${r.reason}`));
  return `${out.join('\n')}\n`;
}

/** The plan as a mermaid DAG: one subgraph per batch, arrows for ordering constraints. */
export function planMermaidReporter(plan: Plan): string {
  const lines = ['flowchart TD'];
  plan.batches.forEach((batch, i) => {
    lines.push(`  subgraph b${i + 1}["batch ${i + 1}"]`);
    for (const id of batch) {
      const move = plan.moves.find((m) => m.id === id);
      lines.push(`    ${id}["${id}: ${move ? `${move.fromPackage} -> ${move.toPackage}` : id}"]`);
    }
    lines.push('  end');
  });
  for (const move of plan.moves) for (const dep of move.dependsOn ?? []) lines.push(`  ${dep} --> ${move.id}`);
  for (let i = 1; i < plan.batches.length; i++) lines.push(`  b${i} -.-> b${i + 1}`);
  return `${lines.join('\n')}\n`;
}
