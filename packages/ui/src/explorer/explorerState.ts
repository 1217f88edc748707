import type { MisplacedFinding } from '@monorefactor/core';
import type { Key } from 'ink';
import { filterMoves } from './model.js';

export type ExplorerView = 'overview' | 'moves' | 'plan';
export const VIEWS: readonly ExplorerView[] = ['overview', 'moves', 'plan'];

/** Everything the explorer's keys change; `exploreKey` is its only writer. */
export interface ExplorerState {
  view: ExplorerView;
  selected: ReadonlySet<string>;
  /** Index into the filtered move list. */
  cursor: number;
  filter: string;
  editingFilter: boolean;
  /** The evidence panel is open for the move under the cursor. */
  evidence: boolean;
  scroll: { overview: number; plan: number; evidence: number };
  confirmApply: boolean;
  message: string | null;
  outcome: 'apply' | 'quit' | null;
}

/** Sizes the keys need, from the latest frame. */
export interface KeyContext {
  findings: readonly MisplacedFinding[];
  /** Rows in a page, for PgUp/PgDn. */
  page: number;
  lineCounts: { overview: number; plan: number; evidence: number };
}

/** Every misplaced finding selected: the same moves `refactor plan` takes by default. */
export function initialExplorerState(findings: readonly MisplacedFinding[]): ExplorerState {
  return {
    view: 'overview',
    selected: new Set(findings.map((f) => f.id)),
    cursor: 0,
    filter: '',
    editingFilter: false,
    evidence: false,
    scroll: { overview: 0, plan: 0, evidence: 0 },
    confirmApply: false,
    message: null,
    outcome: null,
  };
}

/** The selected move ids, in the findings' order. */
export function selectedIds(state: ExplorerState, findings: readonly MisplacedFinding[]): string[] {
  return findings.filter((f) => state.selected.has(f.id)).map((f) => f.id);
}

/** Pure: the explorer's state after one key. */
export function exploreKey(state: ExplorerState, input: string, key: Key, ctx: KeyContext): ExplorerState {
  if (state.outcome) return state;
  const ctrlC = key.ctrl && input === 'c';
  if (ctrlC) return { ...state, outcome: 'quit' };
  const s = state.message ? { ...state, message: null } : state;

  if (s.confirmApply) {
    if (input === 'y' || input === 'Y') return { ...s, confirmApply: false, outcome: 'apply' };
    if (input === 'n' || input === 'N' || input === 'q' || key.escape) return { ...s, confirmApply: false };
    return s;
  }

  const visible = filterMoves(ctx.findings, s.filter);
  if (s.editingFilter) {
    if (key.escape) return { ...s, filter: '', editingFilter: false, cursor: 0 };
    if (key.return) return { ...s, editingFilter: false };
    if (key.backspace || key.delete) return { ...s, filter: s.filter.slice(0, -1), cursor: 0 };
    if (key.upArrow || key.downArrow) return moveCursor(s, key.downArrow ? 1 : -1, visible.length);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters never enter the filter
    const text = input.replace(/[\u0000-\u001F\u007F]/g, '');
    if (text.length > 0 && !key.ctrl && !key.meta && !key.tab) return { ...s, filter: s.filter + text, cursor: 0 };
    return s;
  }

  if (input === 'q') return { ...s, outcome: 'quit' };
  if (key.tab) return switchView(s, VIEWS[(VIEWS.indexOf(s.view) + (key.shift ? VIEWS.length - 1 : 1)) % VIEWS.length] as ExplorerView);
  const numbered = ['1', '2', '3'].indexOf(input);
  if (numbered >= 0) return switchView(s, VIEWS[numbered] as ExplorerView);
  if (input === 'a') {
    if (s.selected.size === 0) return { ...s, message: 'select at least one move first (space toggles, in the Moves view)' };
    return { ...s, confirmApply: true };
  }

  if (s.view === 'moves') {
    const current = visible[Math.min(s.cursor, visible.length - 1)];
    if (key.upArrow || input === 'k') return moveCursor(s, -1, visible.length);
    if (key.downArrow || input === 'j') return moveCursor(s, 1, visible.length);
    if (key.pageUp || key.pageDown) {
      if (s.evidence) return scrollBy(s, 'evidence', key.pageDown ? ctx.page : -ctx.page, ctx);
      return moveCursor(s, key.pageDown ? ctx.page : -ctx.page, visible.length);
    }
    if (input === ' ' && current) {
      const selected = new Set(s.selected);
      if (selected.has(current.id)) selected.delete(current.id);
      else selected.add(current.id);
      return { ...s, selected };
    }
    if (input === '*') {
      const allOn = visible.every((f) => s.selected.has(f.id));
      const selected = new Set(s.selected);
      for (const f of visible) {
        if (allOn) selected.delete(f.id);
        else selected.add(f.id);
      }
      return { ...s, selected };
    }
    if (key.return && current) return { ...s, evidence: !s.evidence, scroll: { ...s.scroll, evidence: 0 } };
    if (input === '/') return { ...s, editingFilter: true };
    if (key.escape) {
      if (s.evidence) return { ...s, evidence: false };
      if (s.filter) return { ...s, filter: '', cursor: 0 };
    }
    return s;
  }

  const area = s.view;
  if (key.upArrow || input === 'k') return scrollBy(s, area, -1, ctx);
  if (key.downArrow || input === 'j') return scrollBy(s, area, 1, ctx);
  if (key.pageUp) return scrollBy(s, area, -ctx.page, ctx);
  if (key.pageDown || input === ' ') return scrollBy(s, area, ctx.page, ctx);
  if (key.home) return { ...s, scroll: { ...s.scroll, [area]: 0 } };
  if (key.end) return scrollBy(s, area, Number.MAX_SAFE_INTEGER, ctx);
  return s;
}

function switchView(state: ExplorerState, view: ExplorerView): ExplorerState {
  return { ...state, view };
}

function moveCursor(state: ExplorerState, delta: number, count: number): ExplorerState {
  if (count === 0) return { ...state, cursor: 0 };
  const cursor = Math.max(0, Math.min(count - 1, state.cursor + delta));
  return cursor === state.cursor ? state : { ...state, cursor, scroll: { ...state.scroll, evidence: 0 } };
}

function scrollBy(state: ExplorerState, area: keyof ExplorerState['scroll'], delta: number, ctx: KeyContext): ExplorerState {
  const max = Math.max(0, ctx.lineCounts[area] - ctx.page);
  const value = Math.max(0, Math.min(max, state.scroll[area] + delta));
  return value === state.scroll[area] ? state : { ...state, scroll: { ...state.scroll, [area]: value } };
}
