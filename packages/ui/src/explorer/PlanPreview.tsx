import type { Plan } from '@monorefactor/core';
import { useMemo } from 'react';
import { T } from '../theme.js';
import { LinesView } from './LinesView.js';
import { planLines, planSummary } from './model.js';

/** The plan for the selected moves: batches, conflicts, critical path, estimate. */
export function PlanPreview({ plan, error, offset, height }: { plan: Plan | null; error: string | null; offset: number; height: number }) {
  const lines = useMemo(() => (plan ? planLines(plan) : []), [plan]);
  if (error || !plan) return <T tone="bad">cannot plan these moves: {error ?? 'no plan'}</T>;
  return <LinesView lines={lines} offset={offset} height={height} />;
}

/** One line: moves, batches, critical path, cost, conflicts. */
export function PlanSummary({ plan, error }: { plan: Plan | null; error: string | null }) {
  if (error || !plan) return <T tone="bad">plan: cannot plan these moves: {error ?? 'no plan'}</T>;
  return (
    <T>
      <T tone="heading">plan:</T> {planSummary(plan)}
    </T>
  );
}
