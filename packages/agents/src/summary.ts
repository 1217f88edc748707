import type { RunSummary, TaskOutcome } from './types.js';

/** Counts, time per task, and the speedup achieved (sum of task times / wall time). */
export function summarize(outcomes: TaskOutcome[], wallMs: number): RunSummary {
  const count = (status: TaskOutcome['status']) => outcomes.filter((outcome) => outcome.status === status).length;
  const taskMs: Record<string, number> = {};
  let sumTaskMs = 0;
  for (const outcome of outcomes) {
    taskMs[outcome.id] = outcome.ms;
    sumTaskMs += outcome.ms;
  }
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
  };
}
