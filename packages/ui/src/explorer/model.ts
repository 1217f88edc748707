import type { AnalysisResult, FindingKind, MisplacedFinding, Plan, PlannedMove } from '@monorefactor/core';
import { describeMove } from '../apply/state.js';
import { commonDir, plural } from '../format.js';
import type { Tone } from '../theme.js';

/** One row of a scrollable text view. */
export interface Line {
  text: string;
  tone?: Tone;
}

const MAX_ITEMS_PER_KIND = 25;
const MAX_CYCLE_EDGES = 4;

/** What a misplaced finding moves: `packages/shared/src/mcp (3 files)` or the one file. */
export function findingSource(finding: Pick<MisplacedFinding, 'files'>): string {
  return finding.files.length === 1 ? (finding.files[0] as string) : `${commonDir(finding.files)} (${plural(finding.files.length, 'file')})`;
}

/** Findings whose id, files, packages, target or reasons contain `query` (case-insensitive). */
export function filterMoves(findings: readonly MisplacedFinding[], query: string): MisplacedFinding[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [...findings];
  return findings.filter((f) => [f.id, f.from, f.to, f.targetDir, ...f.files, ...f.reasons].some((field) => field.toLowerCase().includes(needle)));
}

export interface Conflict {
  a: string;
  b: string;
  /** Files both moves write (moved files count, old and new paths). */
  files: string[];
}

/** Every file a move writes: its footprint plus both ends of each moved file. */
function writes(move: PlannedMove): Set<string> {
  return new Set([...move.footprint, ...move.files.flatMap((f) => [f.from, f.to])]);
}

/** Pairs of planned moves that write a common file, so the planner keeps them in different batches. */
export function planConflicts(plan: Pick<Plan, 'moves'>): Conflict[] {
  const sets = plan.moves.map((m) => [m.id, writes(m)] as const);
  const conflicts: Conflict[] = [];
  for (let i = 0; i < sets.length; i++) {
    for (let j = i + 1; j < sets.length; j++) {
      const [a, aFiles] = sets[i] as (typeof sets)[number];
      const [b, bFiles] = sets[j] as (typeof sets)[number];
      const shared = [...aFiles].filter((file) => bFiles.has(file)).sort();
      if (shared.length > 0) conflicts.push({ a, b, files: shared });
    }
  }
  return conflicts;
}

/** Cost of a move in the planner's units (files written). */
export function moveCost(move: PlannedMove): number {
  return move.cost ?? move.footprint.length;
}

/** The plan's estimate, or the planner's formula when the plan carries none. */
export function planEstimate(plan: Plan): { sequential: number; parallel: number } {
  if (plan.estimate) return plan.estimate;
  const byId = new Map(plan.moves.map((m) => [m.id, m]));
  const cost = (id: string) => {
    const move = byId.get(id);
    return move ? moveCost(move) : 0;
  };
  return {
    sequential: plan.moves.reduce((sum, m) => sum + moveCost(m), 0),
    parallel: plan.batches.reduce((sum, batch) => sum + Math.max(0, ...batch.map(cost)), 0),
  };
}

/** `plan: 3 moves in 2 batches · critical path M1 → M2 · cost 5 parallel vs 9 sequential · 1 conflict`. */
export function planSummary(plan: Plan): string {
  const estimate = planEstimate(plan);
  const conflicts = planConflicts(plan).length;
  const parts = [`${plural(plan.moves.length, 'move')} in ${plural(plan.batches.length, 'batch', 'batches')}`];
  if (plan.criticalPath.length > 0) parts.push(`critical path ${plan.criticalPath.join(' → ')}`);
  if (plan.moves.length > 0) parts.push(`cost ${estimate.parallel} parallel vs ${estimate.sequential} sequential`);
  parts.push(plural(conflicts, 'conflict'));
  if (plan.rejected?.length) parts.push(`${plan.rejected.length} rejected`);
  return parts.join(' · ');
}

/** The full plan preview: batches, conflicts, critical path, estimate, rejected moves. */
export function planLines(plan: Plan): Line[] {
  const lines: Line[] = [];
  const byId = new Map(plan.moves.map((m) => [m.id, m]));
  const estimate = planEstimate(plan);
  lines.push({ text: `plan: ${plural(plan.moves.length, 'move')} in ${plural(plan.batches.length, 'batch', 'batches')}`, tone: 'heading' });
  if (plan.moves.length === 0) lines.push({ text: '  nothing selected: pick moves in the Moves view (space toggles)', tone: 'muted' });
  plan.batches.forEach((batch, index) => {
    lines.push({ text: `batch ${index + 1}/${plan.batches.length}: ${batch.join(', ')}${batch.length > 1 ? ' (in parallel)' : ''}`, tone: 'accent' });
    for (const id of batch) {
      const move = byId.get(id);
      if (!move) continue;
      const deps = move.dependsOn?.length ? `, after ${move.dependsOn.join(', ')}` : '';
      lines.push({ text: `  ${id.padEnd(4)} ${describeMove(move)}  (writes ${plural(moveCost(move), 'file')}${deps})` });
    }
  });
  const conflicts = planConflicts(plan);
  lines.push({
    text: `conflicts (${conflicts.length})${conflicts.length > 0 ? ': these moves write the same files, so they run in different batches' : ''}`,
    tone: 'heading',
  });
  for (const conflict of conflicts) {
    const shown = conflict.files.slice(0, 3).join(', ');
    const more = conflict.files.length > 3 ? ` and ${conflict.files.length - 3} more` : '';
    lines.push({ text: `  ${conflict.a} × ${conflict.b}: ${shown}${more}`, tone: 'warn' });
  }
  const pathCost = plan.criticalPath.reduce((sum, id) => sum + (byId.get(id) ? moveCost(byId.get(id) as PlannedMove) : 0), 0);
  lines.push({ text: `critical path: ${plan.criticalPath.length > 0 ? `${plan.criticalPath.join(' → ')} (cost ${pathCost})` : 'none'}`, tone: 'heading' });
  if (plan.moves.length > 0) {
    const speedup = estimate.parallel > 0 ? ` (${(estimate.sequential / estimate.parallel).toFixed(1)}× faster in parallel)` : '';
    lines.push({ text: `estimate: ${estimate.parallel} parallel vs ${estimate.sequential} sequential, in files written${speedup}`, tone: 'heading' });
  }
  if (plan.rejected?.length) {
    lines.push({ text: `rejected (${plan.rejected.length})`, tone: 'heading' });
    for (const r of plan.rejected) lines.push({ text: `  ${r.id}: ${r.reason}`, tone: 'bad' });
  }
  return lines;
}

/** The overview: packages with file counts and dependencies, package cycles, findings by kind with their evidence. */
export function overviewLines(result: AnalysisResult): Line[] {
  const lines: Line[] = [];
  const { findings } = result;
  const inCycle = new Set(findings.cycles.flatMap((c) => c.packages));
  lines.push({
    text: `packages (${result.packages.length}) · ${plural(result.stats.files, 'file')} · ${plural(result.stats.edges, 'import edge')}`,
    tone: 'heading',
  });
  const nameWidth = Math.min(32, Math.max(8, ...result.packages.map((p) => p.name.length)));
  const dirWidth = Math.min(32, Math.max(4, ...result.packages.map((p) => p.dir.length)));
  for (const pkg of result.packages) {
    const deps = pkg.dependsOn.length > 0 ? `→ ${pkg.dependsOn.join(', ')}` : '→ (none)';
    const text = `  ${pkg.name.padEnd(nameWidth)} ${pkg.dir.padEnd(dirWidth)} ${String(pkg.files).padStart(5)} files  ${deps}`;
    lines.push({ text, ...(inCycle.has(pkg.name) ? { tone: 'warn' as const } : {}) });
  }

  lines.push({ text: `package cycles (${findings.cycles.length})`, tone: 'heading' });
  if (findings.cycles.length === 0) lines.push({ text: '  none', tone: 'muted' });
  for (const cycle of findings.cycles) {
    lines.push({ text: `  ${cycle.id} ${[...cycle.packages, cycle.packages[0]].join(' → ')}  (${plural(cycle.edges.length, 'edge')})`, tone: 'warn' });
    // Edges out of the first package first: usually the few that close the cycle.
    const edges = [...cycle.edges].sort(
      (a, b) => Number(fromPackage(result, b.from) === cycle.packages[1]) - Number(fromPackage(result, a.from) === cycle.packages[1]),
    );
    for (const edge of edges.slice(0, MAX_CYCLE_EDGES)) lines.push({ text: `     ${edge.from} → ${edge.to}  (${edge.specifier})`, tone: 'muted' });
    if (edges.length > MAX_CYCLE_EDGES) lines.push({ text: `     … ${edges.length - MAX_CYCLE_EDGES} more`, tone: 'muted' });
  }

  lines.push({ text: 'findings', tone: 'heading' });
  const empty: FindingKind[] = [];
  const section = (kind: FindingKind, items: Line[][]) => {
    if (items.length === 0) {
      empty.push(kind);
      return;
    }
    lines.push({ text: `  ${kind} (${items.length})`, tone: 'accent' });
    for (const item of items.slice(0, MAX_ITEMS_PER_KIND)) lines.push(...item);
    if (items.length > MAX_ITEMS_PER_KIND) lines.push({ text: `    … ${items.length - MAX_ITEMS_PER_KIND} more`, tone: 'muted' });
  };
  section(
    'misplaced',
    findings.misplaced.map((f) => [
      { text: `    ${f.id} ${findingSource(f)}  ${f.from} → ${f.to}  (score ${f.score.toFixed(2)})` },
      ...f.reasons.map((reason) => ({ text: `       ${reason}`, tone: 'muted' as const })),
    ]),
  );
  section(
    'duplicates',
    findings.duplicates.map((d) => [{ text: `    ${d.id} ${Math.round(d.similarity * 100)}% similar: ${d.files.join(' ≈ ')}` }]),
  );
  section(
    'cycles',
    findings.cycles.map((c) => [{ text: `    ${c.id} ${c.packages.join(' ⇄ ')} (see package cycles)`, tone: 'muted' as const }]),
  );
  section(
    'undeclared',
    findings.undeclared.map((u) => [{ text: `    ${u.package} imports ${u.dependency} without declaring it: ${u.files.join(', ')}` }]),
  );
  section(
    'unused',
    findings.unused.map((u) => [{ text: `    ${u.package} declares ${u.dependency} (${u.field}) but never imports it` }]),
  );
  section(
    'boundaries',
    findings.boundaries.map((b) => [{ text: `    ${b.rule}: ${b.from} → ${b.to}${b.specifier ? ` (${b.specifier})` : ''}` }]),
  );
  section(
    'unresolved',
    findings.unresolved.map((u) => [{ text: `    ${u.file}${u.line ? `:${u.line}` : ''} ${u.specifier}: ${u.reason}` }]),
  );
  section(
    'problems',
    findings.problems.map((p) => [{ text: `    ${p.file}: ${p.message}${p.hint ? ` (${p.hint})` : ''}`, tone: 'bad' as const }]),
  );
  if (empty.length > 0) lines.push({ text: `  none: ${empty.join(', ')}`, tone: 'muted' });
  return lines;
}

function fromPackage(result: AnalysisResult, file: string): string | undefined {
  return result.packages.find((p) => file.startsWith(`${p.dir}/`))?.name;
}

/** Other findings that mention a move's files: the evidence around it. */
export function relatedFindings(result: AnalysisResult, finding: MisplacedFinding): string[] {
  const files = new Set(finding.files);
  const related: string[] = [];
  for (const d of result.findings.duplicates) {
    if (d.files.some((f) => files.has(f))) related.push(`${d.id} duplicate (${Math.round(d.similarity * 100)}%): ${d.files.join(' ≈ ')}`);
  }
  for (const c of result.findings.cycles) {
    const edges = c.edges.filter((e) => files.has(e.from) || files.has(e.to));
    if (edges.length > 0) related.push(`${c.id} cycle ${c.packages.join(' ⇄ ')} through ${edges.map((e) => `${e.from} → ${e.to}`).join('; ')}`);
  }
  for (const u of result.findings.undeclared) {
    if (u.files.some((f) => files.has(f))) related.push(`undeclared: ${u.package} imports ${u.dependency}`);
  }
  for (const b of result.findings.boundaries) {
    if (files.has(b.from) || files.has(b.to)) related.push(`boundary ${b.rule}: ${b.from} → ${b.to}`);
  }
  return related;
}
