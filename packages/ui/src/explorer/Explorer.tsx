import type { AnalysisResult, Plan, PlannedMove } from '@monorefactor/core';
import { Box, type Key, useInput, useStdin, useStdout } from 'ink';
import { useEffect, useMemo, useRef, useState } from 'react';
import { plural } from '../format.js';
import { splitKeys } from '../keys.js';
import { T } from '../theme.js';
import { Evidence, evidenceLines } from './Evidence.js';
import { type ExplorerState, type ExplorerView, exploreKey, initialExplorerState, type KeyContext, selectedIds, VIEWS } from './explorerState.js';
import { MoveList } from './MoveList.js';
import { filterMoves, overviewLines, planLines } from './model.js';
import { Overview } from './Overview.js';
import { PlanPreview, PlanSummary } from './PlanPreview.js';

export interface ExplorerResult {
  selected: string[];
  plan: Plan;
}

export interface ExplorerProps {
  result: AnalysisResult;
  planFor: (selectedMoveIds: string[]) => Plan;
  onDone: (outcome: ExplorerResult | null) => void;
}

const TITLES: Record<ExplorerView, string> = { overview: 'Overview', moves: 'Moves', plan: 'Plan' };

type Planned = { plan: Plan; error: null } | { plan: null; error: string };

function tryPlan(planFor: ExplorerProps['planFor'], ids: string[]): Planned {
  try {
    return { plan: planFor(ids), error: null };
  } catch (error) {
    return { plan: null, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Re-render on terminal resize: the views size themselves to the screen. */
function useTerminalSize(): { columns: number; rows: number } {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 }));
  useEffect(() => {
    const onResize = () => setSize({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}

/** Overview, move selection with evidence, plan preview; `a` then `y` applies, `q` quits. */
export function Explorer({ result, planFor, onDone }: ExplorerProps) {
  const findings = result.findings.misplaced;
  const [state, setState] = useState<ExplorerState>(() => initialExplorerState(findings));
  const { columns, rows } = useTerminalSize();
  const { isRawModeSupported } = useStdin();

  const ids = selectedIds(state, findings);
  const idsKey = ids.join('\n');
  const planned = useMemo(() => tryPlan(planFor, ids), [idsKey, planFor]);
  const singles = useRef(new Map<string, Planned>());

  const visible = filterMoves(findings, state.filter);
  const cursor = Math.min(state.cursor, Math.max(0, visible.length - 1));
  const current = visible[cursor];
  let currentMove: PlannedMove | null = null;
  let currentMoveError: string | null = null;
  if (current && state.evidence) {
    const fromPlan = planned.plan?.moves.find((m) => m.id === current.id);
    if (fromPlan) currentMove = fromPlan;
    else {
      let single = singles.current.get(current.id);
      if (!single) {
        single = tryPlan(planFor, [current.id]);
        singles.current.set(current.id, single);
      }
      currentMove = single.plan?.moves.find((m) => m.id === current.id) ?? null;
      currentMoveError = single.error;
    }
  }

  // Frame: tab bar, content, plan summary, footer, and a spare row below the screen's height.
  const height = Math.max(6, rows - 1);
  const contentHeight = height - 3;
  const listHeight = state.evidence ? Math.max(3, Math.min(visible.length + 1, Math.floor(contentHeight * 0.4))) : contentHeight;
  const evidenceHeight = contentHeight - listHeight;

  const ctx = useRef<KeyContext>({ findings, page: contentHeight, lineCounts: { overview: 0, plan: 0, evidence: 0 } });
  const counts = useMemo(() => ({ overview: overviewLines(result).length, plan: planned.plan ? planLines(planned.plan).length : 0 }), [result, planned]);
  ctx.current = {
    findings,
    page: state.view === 'moves' ? evidenceHeight : contentHeight,
    lineCounts: {
      ...counts,
      evidence: current && state.evidence ? evidenceLines(result, current, currentMove, currentMoveError).length : 0,
    },
  };

  const onKey = (input: string, key: Key) =>
    setState((previous) => splitKeys(input, key).reduce((s, [one, k]) => exploreKey(s, one, k, ctx.current), previous));
  useInput(onKey, { isActive: isRawModeSupported && state.outcome === null });

  // The outcome is acted on once, with the values of the frame that set it.
  const latest = useRef({ ids, planned, onDone });
  latest.current = { ids, planned, onDone };
  const outcome = state.outcome;
  useEffect(() => {
    const { ids: chosen, planned: current, onDone: done } = latest.current;
    if (outcome === 'quit') done(null);
    else if (outcome === 'apply') {
      if (current.plan && current.plan.moves.length > 0) done({ selected: chosen, plan: current.plan });
      else setState((s) => ({ ...s, outcome: null, message: `cannot apply: ${current.error ?? 'the plan is empty'}` }));
    }
  }, [outcome]);

  if (outcome === 'quit') return <T tone="muted">refactor ui: nothing applied</T>;
  if (outcome === 'apply' && planned.plan) {
    return (
      <T>
        refactor ui: applying {plural(planned.plan.moves.length, 'move')} in {plural(planned.plan.batches.length, 'batch', 'batches')}: {ids.join(', ')}
      </T>
    );
  }

  return (
    <Box flexDirection="column" width={Math.max(20, columns)}>
      <TabBar view={state.view} selected={ids.length} total={findings.length} batches={planned.plan?.batches.length ?? null} />
      <Box flexDirection="column" height={contentHeight}>
        {state.view === 'overview' ? <Overview result={result} offset={state.scroll.overview} height={contentHeight} /> : null}
        {state.view === 'plan' ? <PlanPreview plan={planned.plan} error={planned.error} offset={state.scroll.plan} height={contentHeight} /> : null}
        {state.view === 'moves' ? (
          <>
            <MoveList
              moves={visible}
              total={findings.length}
              selected={state.selected}
              cursor={cursor}
              filter={state.filter}
              editingFilter={state.editingFilter}
              height={listHeight}
            />
            {current && state.evidence ? (
              <Evidence
                result={result}
                finding={current}
                move={currentMove}
                moveError={currentMoveError}
                offset={state.scroll.evidence}
                height={evidenceHeight}
              />
            ) : null}
          </>
        ) : null}
      </Box>
      <PlanSummary plan={planned.plan} error={planned.error} />
      <Footer state={state} planned={planned} keys={isRawModeSupported} />
    </Box>
  );
}

function TabBar({ view, selected, total, batches }: { view: ExplorerView; selected: number; total: number; batches: number | null }) {
  const label = (v: ExplorerView, index: number) => {
    const extra = v === 'moves' ? ` ${selected}/${total}` : v === 'plan' && batches !== null ? ` ${plural(batches, 'batch', 'batches')}` : '';
    const text = `${index + 1} ${TITLES[v]}${extra}`;
    return v === view ? `[${text}]` : ` ${text} `;
  };
  return (
    <T>
      <T tone="heading">refactor ui</T>{' '}
      {VIEWS.map((v, index) => (
        <T key={v} tone={v === view ? 'accent' : 'muted'} bold={v === view}>
          {label(v, index)}{' '}
        </T>
      ))}
    </T>
  );
}

function Footer({ state, planned, keys }: { state: ExplorerState; planned: Planned; keys: boolean }) {
  if (state.confirmApply) {
    const size = planned.plan ? `${plural(planned.plan.moves.length, 'move')} in ${plural(planned.plan.batches.length, 'batch', 'batches')}` : 'these moves';
    return (
      <T tone="warn" bold>
        Apply {size}? One commit per batch, verified first. [y/N]
      </T>
    );
  }
  if (state.message) return <T tone="warn">{state.message}</T>;
  if (!keys) return <T tone="muted">keys need an interactive terminal</T>;
  if (state.editingFilter) return <T tone="muted">type to filter · enter keep · esc clear · ↑↓ move</T>;
  const help: Record<ExplorerView, string> = {
    overview: 'tab/1-3 views · ↑↓ PgUp PgDn scroll · a apply · q quit',
    moves: `↑↓ move · space toggle · enter ${state.evidence ? 'close' : 'evidence'} · / filter · * all/none · a apply · tab views · q quit`,
    plan: 'tab/1-3 views · ↑↓ PgUp PgDn scroll · a apply · q quit',
  };
  return <T tone="muted">{help[state.view]}</T>;
}
