/** Small text helpers shared by the views; pure, no I/O. */

/** `0.4s`, `12.3s`, `4m05s`, `1h02m`. */
export function formatDuration(ms: number): string {
  const safe = Math.max(0, Number.isFinite(ms) ? ms : 0);
  if (safe < 60_000) return `${(safe / 1000).toFixed(1)}s`;
  const totalSeconds = Math.floor(safe / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return `${hours}h${String(minutes).padStart(2, '0')}m`;
  return `${minutes}m${String(seconds).padStart(2, '0')}s`;
}

/** A bar of `width` cells for a fraction in [0, 1]: `█████░░░░░`. */
export function progressBar(fraction: number, width: number): string {
  const cells = Math.max(1, Math.floor(width));
  const clamped = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
  const full = Math.round(clamped * cells);
  return '█'.repeat(full) + '░'.repeat(cells - full);
}

/** `1 move`, `3 moves`. */
export function plural(count: number, noun: string, many = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : many}`;
}

/** Cut `text` to `width` characters, ending with `…` when cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (text.length <= width) return text;
  return width === 1 ? '…' : `${text.slice(0, width - 1)}…`;
}

/** Cut `text` to `width` characters keeping its end (where a path's file and a move's target are). */
export function truncateStart(text: string, width: number): string {
  if (width <= 0) return '';
  if (text.length <= width) return text;
  return width === 1 ? '…' : `…${text.slice(text.length - width + 1)}`;
}

// CSI/OSC escape sequences, and every other control character but tab.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching escape codes is the point
const ESCAPES = /\u001B\[[0-?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)|\u001B[@-Z\\-_]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

/**
 * A log line as it may be shown in a row: escape codes and control characters dropped (an
 * agent's coloured output must not repaint our screen), `\r`-progress collapsed to its last
 * state, tabs expanded, length bounded.
 */
export function sanitizeLine(line: string, max = 400): string {
  const lastSegment =
    line
      .split('\r')
      .filter((part) => part.length > 0)
      .at(-1) ?? '';
  const clean = lastSegment.replace(ESCAPES, '').replace(/\t/g, '  ').replace(CONTROLS, '');
  return truncate(clean.trimEnd(), max);
}

/** Percent with no decimals: `92%`. */
export function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

/** The directory common to all paths, or the single path itself (one implementation, in core). */
export { commonPath as commonDir } from '@monorefactor/core';
