import type { Key } from 'ink';

const SPECIAL: readonly (keyof Key)[] = [
  'upArrow',
  'downArrow',
  'leftArrow',
  'rightArrow',
  'pageDown',
  'pageUp',
  'home',
  'end',
  'return',
  'escape',
  'ctrl',
  'tab',
  'backspace',
  'delete',
  'meta',
];

/**
 * One keypress per character. ink hands a run of plain characters read at once (fast typing, a
 * paste, `tmux send-keys`) to `useInput` as one string, Enter included (`"claude\r"`); a view that
 * reads keys one at a time would take `\r` as text. Named keys (arrows, Escape, ...) pass through.
 */
export function splitKeys(input: string, key: Key): [string, Key][] {
  const chars = Array.from(input);
  if (chars.length <= 1 || SPECIAL.some((name) => key[name] === true)) return [[input, key]];
  return chars.map((char): [string, Key] => {
    const code = char.codePointAt(0) ?? 0;
    if (char === '\r' || char === '\n') return ['', { ...key, return: true, shift: false }];
    if (char === '\t') return ['', { ...key, tab: true, shift: false }];
    if (code === 0x7f || code === 0x08) return ['', { ...key, backspace: true, shift: false }];
    // Ctrl+letter arrives as a control byte: \u0003 is Ctrl-C.
    if (code >= 1 && code <= 26) return [String.fromCharCode(code + 96), { ...key, ctrl: true, shift: false }];
    if (code < 0x20) return ['', { ...key, shift: false }];
    return [char, { ...key, shift: /[A-Z]/.test(char) }];
  });
}
