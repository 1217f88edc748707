import type { RunSummary, TaskOutcome, TaskPhases } from './types.js';

/** Counts, time per task and per phase, and the speedup achieved (sum of task times / wall time). */
export function summarize(outcomes: TaskOutcome[], wallMs: number, measured: { mergeMs?: number } = {}): RunSummary {
  const count = (status: TaskOutcome['status']) => outcomes.filter((outcome) => outcome.status === status).length;
  const taskMs: Record<string, number> = {};
  let sumTaskMs = 0;
  const phaseMs: TaskPhases & { mergeMs?: number } = { setupMs: 0, agentMs: 0, collectMs: 0, cleanupMs: 0 };
  for (const outcome of outcomes) {
    taskMs[outcome.id] = outcome.ms;
    sumTaskMs += outcome.ms;
    for (const key of ['setupMs', 'agentMs', 'collectMs', 'cleanupMs'] as const) phaseMs[key] += outcome.phases?.[key] ?? 0;
  }
  if (measured.mergeMs !== undefined) phaseMs.mergeMs = measured.mergeMs;
  return {
    done: count('done'),
    failed: count('failed'),
    retried: outcomes.filter((outcome) => outcome.attempts > 1).length,
    timedOut: count('timeout'),
    rejected: count('rejected'),
    aborted: count('aborted'),
    wallMs,
    taskMs,
    sumTaskMs,
    speedup: wallMs > 0 ? Math.round((sumTaskMs / wallMs) * 100) / 100 : 0,
    phaseMs,
  };
}
