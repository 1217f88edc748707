import { Box } from 'ink';
import { T } from '../theme.js';
import type { Line } from './model.js';

/** A window of `height` lines from `offset`, with a scroll hint when there is more. */
export function LinesView({ lines, offset, height }: { lines: Line[]; offset: number; height: number }) {
  const size = Math.max(1, height);
  const start = clampOffset(offset, lines.length, size);
  const more = lines.length > size;
  const shown = lines.slice(start, start + (more ? size - 1 : size));
  return (
    <Box flexDirection="column">
      {shown.map((line, index) => (
        <T key={start + index} tone={line.tone ?? 'plain'}>
          {line.text === '' ? ' ' : line.text}
        </T>
      ))}
      {more ? (
        <T tone="muted">
          — lines {start + 1}-{start + shown.length} of {lines.length} (↑↓ PgUp PgDn scroll) —
        </T>
      ) : null}
    </Box>
  );
}

/** The first line to show so that the window stays inside the content. */
export function clampOffset(offset: number, total: number, height: number): number {
  const visible = total > height ? height - 1 : height;
  return Math.max(0, Math.min(offset, total - visible));
}
