import type { EventSink, Plan, RefactorEvent } from '@monorefactor/core';
import { type Key, render, useInput, useStdin } from 'ink';
import { splitKeys } from '../keys.js';
import { ColorContext } from '../theme.js';
import { ApplyDashboard, type ApplyDashboardProps, type DashboardUi, taskRows } from './ApplyDashboard.js';
import { type ApplyState, initialApplyState, reduceApplyEvent } from './state.js';

export interface ApplyViewOptions {
  stdout: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
  /** Colour on; the caller passes false for `NO_COLOR`, `TERM=dumb` or a non-terminal. */
  color: boolean;
  /** Called once when the user confirms an abort (`q` or Ctrl-C, then `y`): abort the run's signal. */
  onAbort: () => void;
  /** The plan being applied, so every move shows as queued from the start (optional). */
  plan?: Pick<Plan, 'moves' | 'batches'>;
  /** Shortest time between two frames (default 100 ms, i.e. at most ~10 frames a second). */
  frameMs?: number;
  /** Tests: write every frame whole instead of updating the terminal in place. */
  debug?: boolean;
  /** Tests: the clock (default `Date.now`). */
  now?: () => number;
}

export interface ApplyView {
  /** Feed engine events here; they are reduced at once and drawn at most every `frameMs`. */
  onEvent: EventSink;
  /** Pass to `applyPlan({ beforeWork })`: resolves at once unless paused with `p`. */
  beforeWork: () => Promise<void>;
  /** Draw the final frame, stop listening to keys and restore the terminal. Idempotent. */
  close(): Promise<void>;
  /** The current state (for tests and a final report). */
  readonly state: ApplyState;
}

interface AppProps extends ApplyDashboardProps {
  color: boolean;
  onKey: (input: string, key: Key) => void;
}

/** Reads keys only when stdin supports raw mode; otherwise just renders. */
function ApplyApp({ color, onKey, ui, ...rest }: AppProps) {
  const { isRawModeSupported } = useStdin();
  useInput(onKey, { isActive: isRawModeSupported && !ui.closed });
  return (
    <ColorContext.Provider value={color}>
      <ApplyDashboard {...rest} ui={{ ...ui, keys: ui.keys && isRawModeSupported }} />
    </ColorContext.Provider>
  );
}

/**
 * The live apply view: an ink dashboard of the event stream. Events are reduced as they come
 * and the screen redraws at most every `frameMs` (spinners and clocks tick on the same timer), so
 * a burst of log lines costs one frame. The CLI must call `close()` when the run ends (in a
 * `finally`), or stdin stays in raw mode.
 */
export function startApplyView(options: ApplyViewOptions): ApplyView {
  if (!options.stdout.isTTY) {
    // A pipe or a CI log gets plain lines or NDJSON from the CLI's line logger, never escape codes.
    throw new Error('startApplyView needs a terminal: choose the renderer with chooseRenderer() and use the line logger otherwise');
  }
  const clock = options.now ?? Date.now;
  const frameMs = options.frameMs ?? 100;
  const { stdout } = options;
  let state = initialApplyState(clock(), options.plan);
  const ui: DashboardUi = { paused: false, waiting: false, confirmingAbort: false, aborting: false, selected: null, closed: false, keys: true };
  let waiters: (() => void)[] = [];
  let dirty = false;
  let lastPaint = 0;
  let lastSecond = -1;
  let pending: NodeJS.Timeout | undefined;
  let closing: Promise<void> | undefined;

  const release = () => {
    const toRelease = waiters;
    waiters = [];
    ui.waiting = false;
    for (const resolve of toRelease) resolve();
  };

  const abort = () => {
    if (ui.aborting) return;
    ui.aborting = true;
    ui.confirmingAbort = false;
    ui.paused = false;
    release();
    options.onAbort();
  };

  const onKey = (input: string, key: Key) => {
    for (const [one, k] of splitKeys(input, key)) onOneKey(one, k);
  };

  const onOneKey = (input: string, key: Key) => {
    if (ui.closed) return;
    const ctrlC = key.ctrl && input === 'c';
    if (ui.confirmingAbort) {
      if (ctrlC || input === 'y' || input === 'Y') abort();
      else if (input === 'n' || input === 'N' || input === 'q' || key.escape || key.return) ui.confirmingAbort = false;
      else return;
    } else if (ctrlC || input === 'q') {
      if (ui.aborting) return;
      ui.confirmingAbort = true;
    } else if (input === 'p' && !ui.aborting && !state.finished) {
      ui.paused = !ui.paused;
      if (!ui.paused) release();
    } else if (key.upArrow || key.downArrow) {
      const rows = taskRows(state);
      if (rows.length === 0) return;
      const index = rows.findIndex((t) => t.id === ui.selected);
      const next = index < 0 ? (key.downArrow ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, index + (key.downArrow ? 1 : -1)));
      ui.selected = rows[next]?.id ?? null;
    } else if (key.escape) {
      ui.selected = null;
    } else {
      return;
    }
    paint(); // keys answer at once
  };

  const element = () => {
    const now = clock();
    return <ApplyApp state={state} ui={{ ...ui }} now={now} columns={stdout.columns || 80} rows={stdout.rows || 24} color={options.color} onKey={onKey} />;
  };

  const instance = render(element(), {
    stdout,
    stdin: options.stdin,
    debug: options.debug ?? false,
    patchConsole: false,
    exitOnCtrlC: false,
    maxFps: Math.max(1, Math.round(1000 / frameMs)),
    // Not ink's incrementalRendering: in ink 6.8 it shifts frames by a line in a real terminal.
    // Standard frames are wrapped in synchronized-output escapes on a TTY, so they do not flicker.
    incrementalRendering: false,
  });

  function paint() {
    if (ui.closed) return;
    if (pending) {
      clearTimeout(pending);
      pending = undefined;
    }
    dirty = false;
    lastPaint = clock();
    lastSecond = Math.floor((lastPaint - state.startedAt) / 1000);
    instance.rerender(element());
  }

  const animating = () => state.finished === null && (state.counts.active > 0 || state.batches.some((b) => b.gates.some((g) => g.status === 'running')));

  // One timer drives everything: pending events, spinners (only while something runs) and the clock.
  const ticker = setInterval(() => {
    const second = Math.floor((clock() - state.startedAt) / 1000);
    if (dirty || animating() || (state.finished === null && second !== lastSecond)) paint();
  }, frameMs);
  ticker.unref();

  const onResize = () => paint();
  stdout.on('resize', onResize);

  const onEvent: EventSink = (event: RefactorEvent) => {
    if (ui.closed) return;
    state = reduceApplyEvent(state, event, clock());
    if (dirty) return;
    dirty = true;
    // The first event after a quiet spell draws without waiting for the ticker.
    const wait = lastPaint + frameMs - clock();
    if (wait <= 0) paint();
    else if (!pending) pending = setTimeout(paint, wait);
  };

  const beforeWork = (): Promise<void> => {
    if (!ui.paused || ui.aborting || ui.closed) return Promise.resolve();
    return new Promise<void>((resolve) => {
      waiters.push(resolve);
      if (!ui.waiting) {
        ui.waiting = true;
        paint();
      }
    });
  };

  const close = (): Promise<void> => {
    if (closing) return closing;
    clearInterval(ticker);
    if (pending) clearTimeout(pending);
    stdout.off('resize', onResize);
    release();
    ui.closed = true;
    ui.confirmingAbort = false;
    closing = (async () => {
      instance.rerender(element());
      instance.unmount();
      await instance.waitUntilExit();
    })();
    return closing;
  };

  return {
    onEvent,
    beforeWork,
    close,
    get state() {
      return state;
    },
  };
}
