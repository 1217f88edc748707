import type { MisplacedFinding } from '@monorefactor/core';
import { Box } from 'ink';
import { T } from '../theme.js';
import { findingSource } from './model.js';

export interface MoveListProps {
  /** The findings after filtering, in display order. */
  moves: MisplacedFinding[];
  total: number;
  selected: ReadonlySet<string>;
  cursor: number;
  filter: string;
  editingFilter: boolean;
  height: number;
}

/** Checkbox rows of moves, a filter line, and a window that follows the cursor. */
export function MoveList({ moves, total, selected, cursor, filter, editingFilter, height }: MoveListProps) {
  const rows = Math.max(1, height - 1);
  const start = Math.max(0, Math.min(cursor - Math.floor(rows / 2), moves.length - rows));
  const shown = moves.slice(start, start + rows);
  const idWidth = Math.max(3, ...moves.map((m) => m.id.length));
  const chosen = moves.filter((m) => selected.has(m.id)).length;
  return (
    <Box flexDirection="column">
      {editingFilter ? (
        <T tone="accent">
          / {filter}█ (enter keeps the filter, esc clears it) {moves.length}/{total}
        </T>
      ) : filter ? (
        <T tone="accent">
          filter "{filter}": {moves.length} of {total} moves, {chosen} selected (/ edits, esc clears)
        </T>
      ) : (
        <T tone="muted">
          {total} moves, {selected.size} selected
        </T>
      )}
      {moves.length === 0 ? <T tone="muted"> {total === 0 ? 'no misplaced modules found: nothing to move' : 'no move matches the filter'}</T> : null}
      {shown.map((move, index) => {
        const here = start + index === cursor;
        return (
          <T key={move.id} bold={here}>
            {here ? '›' : ' '} {selected.has(move.id) ? '[x]' : '[ ]'} {move.id.padEnd(idWidth)} {findingSource(move)}{' '}
            <T tone="accent">
              {move.from} → {move.to}
            </T>{' '}
            <T tone="muted">{move.score.toFixed(2)}</T>
          </T>
        );
      })}
    </Box>
  );
}
