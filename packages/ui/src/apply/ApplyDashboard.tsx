import { Box } from 'ink';
import { formatDuration, percent, plural, progressBar, truncateStart } from '../format.js';
import { T, type Tone } from '../theme.js';
import { type ApplyState, type BatchView, etaAt, type GateView, isFailure, type TaskView } from './state.js';

/** View-only state the keys change (the engine's state is in `ApplyState`). */
export interface DashboardUi {
  paused: boolean;
  /** A batch is waiting in `beforeWork` because of the pause. */
  waiting: boolean;
  confirmingAbort: boolean;
  aborting: boolean;
  /** Task whose log tail is shown. */
  selected: string | null;
  /** The run is over and the view closed: final frame, no spinners, no key help. */
  closed: boolean;
  /** Keys work (raw-mode stdin); otherwise no key help is shown. */
  keys: boolean;
}

export interface ApplyDashboardProps {
  state: ApplyState;
  ui: DashboardUi;
  now: number;
  columns: number;
  rows: number;
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const GATE_ICONS: Record<GateView['status'], string> = { running: '…', ok: '✓', failed: '✗' };
const GATE_TONES: Record<GateView['status'], Tone> = { running: 'accent', ok: 'good', failed: 'bad' };

/** `0:42`, `12:05`, `1:02:03`: a clock that changes once a second. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/**
 * The task rows in display order: running first (oldest first), then the rest of the current
 * batch, then failures of earlier batches. Arrow keys move through this list.
 */
export function taskRows(state: ApplyState): TaskView[] {
  const all = state.order.map((id) => state.tasks[id]).filter((t): t is TaskView => t !== undefined);
  const running = all.filter((t) => t.status === 'running').sort((a, b) => (a.startedAt ?? 0) - (b.startedAt ?? 0));
  const current = all.filter((t) => t.status !== 'running' && t.batch === state.batch && state.batch > 0);
  const earlierFailures = all.filter((t) => t.batch !== state.batch && isFailure(t.status));
  return [...running, ...current, ...earlierFailures];
}

/** Lines for each section, given what there is to show and the terminal's height. */
export function layout(
  budget: number,
  wants: { tasks: number; gates: number; commits: number; notices: number; log: number },
): { tasks: number; gates: number; commits: number; notices: number; log: number } {
  const got = { tasks: Math.min(wants.tasks, 3), gates: Math.min(wants.gates, 1), commits: 0, notices: 0, log: 0 };
  let left = budget - got.tasks - got.gates;
  for (const key of ['tasks', 'log', 'gates', 'commits', 'notices'] as const) {
    const extra = Math.max(0, Math.min(wants[key] - got[key], left));
    got[key] += extra;
    left -= extra;
  }
  return got;
}

export function ApplyDashboard({ state, ui, now, columns, rows }: ApplyDashboardProps) {
  const width = Math.max(20, columns);
  const spinner = ui.closed ? '•' : (SPINNER[Math.floor(now / 100) % SPINNER.length] as string);
  const tasks = taskRows(state);
  const selected = ui.selected ? state.tasks[ui.selected] : undefined;
  const gateBatches = state.batches.filter((b) => b.gates.length > 0 || b.ms === undefined).slice(-3);
  const commits = state.commits.slice(-3);
  const notices = state.notices.slice(-2);
  const logLines = selected ? selected.log.slice(-10) : [];

  // Header (2), status line (1), footer (1), section headings (up to 4), and one spare row so
  // the frame never reaches the terminal's height (ink would clear the screen every frame).
  const fixed = 2 + 1 + 1 + 4 + 1;
  const fit = layout(Math.max(3, rows - fixed), {
    tasks: tasks.length,
    gates: gateBatches.length,
    commits: commits.length,
    notices: notices.length,
    log: selected ? Math.max(1, logLines.length) : 0,
  });
  const shownTasks = windowAround(tasks, selected ? tasks.indexOf(selected) : -1, fit.tasks);
  const hiddenTasks = tasks.length - shownTasks.length;

  return (
    <Box flexDirection="column" width={width}>
      <Header state={state} now={now} width={width} />
      <StatusLine state={state} ui={ui} />
      {tasks.length > 0 ? (
        <Box flexDirection="column">
          <T tone="heading">tasks{hiddenTasks > 0 ? ` (${hiddenTasks} more not shown)` : ''}</T>
          {shownTasks.map((task) => (
            <TaskRow key={task.id} task={task} now={now} width={width} spinner={spinner} selected={task.id === ui.selected} />
          ))}
        </Box>
      ) : null}
      {fit.gates > 0 ? (
        <Box flexDirection="column">
          <T tone="heading">verify</T>
          {gateBatches.slice(-fit.gates).map((batch) => (
            <GateRow key={batch.batch} batch={batch} total={state.totalBatches} now={now} spinner={spinner} />
          ))}
        </Box>
      ) : null}
      {fit.commits > 0 ? (
        <Box flexDirection="column">
          <T tone="heading">commits</T>
          {commits.slice(-fit.commits).map((commit) => (
            <T key={commit.sha}>
              <T tone="good">✓ {commit.sha.slice(0, 8)}</T> {commit.message}
            </T>
          ))}
        </Box>
      ) : null}
      {notices.slice(-fit.notices).map((notice) => (
        <T key={`${notice.at}:${notice.text}`} tone={notice.level === 'info' ? 'muted' : notice.level === 'warn' ? 'warn' : 'bad'}>
          {notice.level === 'info' ? '·' : '!'} {notice.text}
        </T>
      ))}
      {selected && fit.log > 0 ? (
        <Box flexDirection="column">
          <T tone="heading">
            log {selected.id}
            {selected.error ? `: ${selected.error}` : ''}
          </T>
          {logLines.length === 0 ? <T tone="muted"> (no output yet)</T> : null}
          {logLines.slice(-fit.log).map((line, index) => (
            <T key={index} tone="muted">
              {'  '}
              {line}
            </T>
          ))}
        </Box>
      ) : null}
      <Footer ui={ui} finished={state.finished !== null} />
    </Box>
  );
}

function Header({ state, now, width }: { state: ApplyState; now: number; width: number }) {
  const barWidth = Math.max(10, Math.min(30, Math.floor(width / 5)));
  const elapsed = (state.finished ? state.finished.ms : now - state.startedAt) || 0;
  const eta = etaAt(state, now);
  const batch = state.totalBatches > 0 ? `batch ${state.batch}/${state.totalBatches}` : 'starting';
  const { counts } = state;
  return (
    <Box flexDirection="column">
      <T>
        <T tone="heading">refactor apply</T> {batch} <T tone="accent">{progressBar(state.progress, barWidth)}</T> {percent(state.progress)}
        {'  '}elapsed {formatClock(elapsed)}
        {state.finished ? '' : `  ETA ${eta === null ? '--' : `~${formatClock(eta)}`}`}
      </T>
      <T>
        <T tone="accent">{counts.active} active</T> · {counts.queued} queued · <T tone="good">{counts.done} done</T> ·{' '}
        <T tone={counts.failed > 0 ? 'bad' : 'plain'}>{counts.failed} failed</T>
        {counts.skipped > 0 ? ` · ${counts.skipped} skipped` : ''}
        {'  '}success {state.successRate === null ? '--' : percent(state.successRate)}
        {'  '}avg {state.avgTaskMs === null ? '--' : formatDuration(state.avgTaskMs)}/task
      </T>
    </Box>
  );
}

function StatusLine({ state, ui }: { state: ApplyState; ui: DashboardUi }) {
  if (state.finished) {
    const { ok, committed, failed, ms } = state.finished;
    return (
      <T tone={ok ? 'good' : 'bad'} bold>
        {ok ? 'done' : 'finished with failures'}: {plural(committed, 'commit')}, {plural(failed, 'failed move')} in {formatDuration(ms)}
      </T>
    );
  }
  if (ui.aborting && ui.closed) return <T tone="warn">aborted: `refactor apply --resume` finishes the run</T>;
  if (ui.aborting) return <T tone="warn">aborting: stopping running tasks and removing their worktrees…</T>;
  if (ui.paused) {
    return (
      <T tone="warn" bold>
        PAUSED {ui.waiting ? '(next batch is waiting)' : '(running tasks finish; no new batch starts)'}: press p to resume
      </T>
    );
  }
  return <T> </T>;
}

function TaskRow({ task, now, width, spinner, selected }: { task: TaskView; now: number; width: number; spinner: string; selected: boolean }) {
  const [icon, tone] = taskIcon(task, spinner);
  const elapsed = task.status === 'running' ? formatClock(now - (task.startedAt ?? now)) : task.ms !== undefined ? formatDuration(task.ms) : '';
  const titleWidth = Math.max(16, Math.min(60, Math.floor(width * 0.4)));
  const idWidth = Math.min(12, Math.max(4, task.id.length));
  const detail =
    task.status === 'running' || task.status === 'done'
      ? task.commit
        ? `committed ${task.commit}`
        : (task.lastLine ?? '')
      : (task.error ?? task.lastLine ?? task.status);
  return (
    <T>
      {selected ? '›' : ' '}
      <T tone={tone}>{icon}</T> <T bold={selected}>{task.id.padEnd(idWidth)}</T> {truncateStart(task.title, titleWidth).padEnd(titleWidth)}{' '}
      {elapsed.padStart(7)} <T tone={isFailure(task.status) ? 'bad' : 'muted'}>{detail}</T>
    </T>
  );
}

function taskIcon(task: TaskView, spinner: string): [string, Tone] {
  switch (task.status) {
    case 'running':
      return [spinner, 'accent'];
    case 'queued':
      return ['·', 'muted'];
    case 'done':
      return ['✓', 'good'];
    case 'skipped':
    case 'aborted':
      return ['-', 'muted'];
    default:
      return ['✗', 'bad'];
  }
}

function GateRow({ batch, total, now, spinner }: { batch: BatchView; total: number; now: number; spinner: string }) {
  const status = batch.ms === undefined ? (batch.gates.length === 0 ? 'executing' : 'verifying') : batch.status;
  const statusTone: Tone = status === 'committed' ? 'good' : status === 'failed' ? 'bad' : status === 'partial' ? 'warn' : 'muted';
  return (
    <T>
      {`batch ${batch.batch}/${total}`}
      {batch.gates.map((gate) => (
        <T key={gate.gate}>
          {`  ${gate.gate} `}
          <T tone={GATE_TONES[gate.status]}>{gate.status === 'running' ? spinner : GATE_ICONS[gate.status]}</T>
          {` ${formatDuration(gate.status === 'running' ? now - gate.startedAt : (gate.ms ?? 0))}${gate.runs > 1 ? ` (run ${gate.runs})` : ''}`}
        </T>
      ))}
      {'  '}
      <T tone={statusTone}>{status}</T>
    </T>
  );
}

function Footer({ ui, finished }: { ui: DashboardUi; finished: boolean }) {
  if (ui.closed || finished || !ui.keys) return null;
  if (ui.confirmingAbort) {
    return (
      <T tone="warn" bold>
        Abort? Running tasks are stopped, worktrees removed (finish later with --resume). [y/N]
      </T>
    );
  }
  if (ui.aborting) return null;
  return <T tone="muted">↑↓ select task (log) · p {ui.paused ? 'resume' : 'pause'} · q abort</T>;
}

/** Up to `size` items, keeping `focus` visible. */
function windowAround<X>(items: X[], focus: number, size: number): X[] {
  if (items.length <= size) return items;
  const start = focus < 0 ? 0 : Math.min(Math.max(0, focus - size + 1), items.length - size);
  return items.slice(start, start + size);
}
