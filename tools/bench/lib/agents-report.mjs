// Figures of the agent benchmark: per run, where the wall time beyond the ideal went; over runs,
// medians; then the table and the verdicts against the targets.

export const TARGETS = { speedup: 3.5, overheadPct: 10 };

const median = (values) => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const mean = (values) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

/**
 * One run's figures. ideal = tasks x taskMs / parallel (the agents' own time, perfectly packed);
 * wall - ideal is split by the events' arrival times into consecutive parts that add up to it.
 */
export function analyzeRun(run, { tasks, taskMs }) {
  const idealMs = (tasks * taskMs) / run.parallel;
  const { at, summary } = run;
  // A build without phase timings (before they were recorded, `--cli`): those rows show n/a.
  const mergeMs = summary.phaseMs?.mergeMs ?? Number.NaN;
  const parts = {
    startup: at.batchStart,
    tasks: at.lastTaskEnd - at.batchStart - idealMs,
    merge: mergeMs,
    analyze: at.verifyStart - at.lastTaskEnd - (Number.isNaN(mergeMs) ? 0 : mergeMs),
    gates: at.verifyEnd - at.verifyStart,
    commit: at.commit - at.verifyEnd,
    finish: at.exit - at.commit,
  };
  const phase = (key) => mean(run.records.map((r) => r.phases?.[key] ?? Number.NaN));
  const perTask = {
    setup: phase('setupMs'),
    agentExtra: phase('agentMs') - taskMs,
    collect: phase('collectMs'),
    cleanup: phase('cleanupMs'),
    ms: mean(run.records.map((r) => r.ms)),
  };
  const overheadMs = run.wallMs - idealMs;
  return {
    parallel: run.parallel,
    wallMs: run.wallMs,
    idealMs,
    overheadMs,
    overheadPerTaskMs: overheadMs / tasks,
    overheadPct: (overheadMs / tasks / taskMs) * 100,
    parts,
    perTask,
    engineWallMs: summary.wallMs,
    sumTaskMs: summary.sumTaskMs,
    sumAgentMs: summary.phaseMs?.agentMs,
    gates: run.gates,
  };
}

/** Medians over runs of every number (per parallel level), plus speedups and verdicts. */
export function aggregate(analyzed, { tasks, taskMs, parallel }) {
  const byLevel = {};
  for (const level of [1, parallel]) {
    const runs = analyzed.filter((r) => r.parallel === level);
    const pick = (get) => median(runs.map(get));
    byLevel[level] = {
      runs: runs.length,
      wallMs: pick((r) => r.wallMs),
      idealMs: (tasks * taskMs) / level,
      overheadPerTaskMs: pick((r) => r.overheadPerTaskMs),
      overheadPct: pick((r) => r.overheadPct),
      parts: Object.fromEntries(Object.keys(runs[0].parts).map((key) => [key, pick((r) => r.parts[key])])),
      perTask: Object.fromEntries(Object.keys(runs[0].perTask).map((key) => [key, pick((r) => r.perTask[key])])),
      engineWallMs: pick((r) => r.engineWallMs),
      sumTaskMs: pick((r) => r.sumTaskMs),
      sumAgentMs: pick((r) => r.sumAgentMs),
      gatesMs: Object.fromEntries(Object.keys(runs[0].gates).map((gate) => [gate, pick((r) => r.gates[gate]?.ms)])),
    };
  }
  const one = byLevel[1];
  const many = byLevel[parallel];
  const speedup = one.wallMs / many.wallMs;
  const engineSpeedup = one.engineWallMs / many.engineWallMs;
  const verdicts = [
    {
      name: `speedup wall(--parallel 1) / wall(--parallel ${parallel}) >= ${TARGETS.speedup}x`,
      value: `${speedup.toFixed(2)}x`,
      ok: speedup >= TARGETS.speedup,
    },
    ...[parallel, 1].map((level) => ({
      name: `overhead per task < ${TARGETS.overheadPct}% of the task time at --parallel ${level}`,
      value: `${byLevel[level].overheadPct.toFixed(1)}% (${Math.round(byLevel[level].overheadPerTaskMs)} ms)`,
      ok: byLevel[level].overheadPct < TARGETS.overheadPct,
    })),
  ];
  return { byLevel, speedup, engineSpeedup, verdicts };
}

const s = (ms) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : 'n/a');
const m = (ms) => (Number.isFinite(ms) ? `${Math.round(ms)} ms` : 'n/a');

/** The table and verdict lines, as printed. */
export function formatResults(result, { tasks, taskMs, parallel }) {
  const levels = [1, parallel];
  const cols = levels.map((level) => result.byLevel[level]);
  const row = (label, cell) => `${label.padEnd(52)}${cols.map((c, i) => cell(c, levels[i]).padStart(15)).join('')}`;
  const lines = [
    row('', (_, level) => `--parallel ${level}`),
    row('wall, end to end (the refactor process)', (c) => s(c.wallMs)),
    row(`ideal: ${tasks} x ${s(taskMs)} / parallel`, (c) => s(c.idealMs)),
    row(`overhead per task: (wall - ideal) / ${tasks}`, (c) => m(c.overheadPerTaskMs)),
    row(`  as a share of the ${s(taskMs)} task`, (c) => `${c.overheadPct.toFixed(1)} %`),
    'wall - ideal, by part (whole run):',
    row('  startup: CLI load, analyze, plan, journal', (c) => s(c.parts.startup)),
    row('  tasks: worktrees, agent spawn, diffs, queueing', (c) => s(c.parts.tasks)),
    row('  merge: patches into the work tree', (c) => s(c.parts.merge)),
    row('  closing worktrees, analysis of the merged tree', (c) => s(c.parts.analyze)),
    row(`  gates: ${Object.keys(cols[0].gatesMs).join(', ')}`, (c) => s(c.parts.gates)),
    row('  commit (MIGRATION.md, git commit)', (c) => s(c.parts.commit)),
    row('  finish: re-analysis, journal, report, exit', (c) => s(c.parts.finish)),
    'per task, mean (outcome records):',
    row('  setup: scratch files, worktree add or reset', (c) => m(c.perTask.setup)),
    row(`  agent process beyond its ${s(taskMs)}`, (c) => m(c.perTask.agentExtra)),
    row('  collect: git add, diffs', (c) => m(c.perTask.collect)),
    row('  cleanup: worktree handed back or removed', (c) => m(c.perTask.cleanup)),
    row('  task time (start to end)', (c) => m(c.perTask.ms)),
    row('engine wall (run report: after planning, to the end)', (c) => s(c.engineWallMs)),
    '',
    `speedup wall(--parallel 1) / wall(--parallel ${parallel}): ${result.speedup.toFixed(2)}x end to end, ${result.engineSpeedup.toFixed(2)}x engine only (ideal ${parallel}x)`,
    ...result.verdicts.map((v) => `${v.name}: ${v.ok ? 'yes' : 'NO'} (${v.value})`),
  ];
  return lines.join('\n');
}
