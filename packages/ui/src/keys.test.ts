import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { splitKeys } from './keys.js';

const plain = {
  upArrow: false,
  downArrow: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
} as Key;

/** A compact view of each key: the input, or the name of the flag set. */
function names(input: string, key: Key = plain): string[] {
  return splitKeys(input, key).map(([i, k]) => (k.return ? '⏎' : k.tab ? '⇥' : k.backspace ? '⌫' : k.ctrl ? `^${i}` : k.upArrow ? '↑' : i));
}

describe('splitKeys', () => {
  it('splits a run of typed characters into keys, Enter and Backspace included', () => {
    expect(names('/claude\r')).toEqual(['/', 'c', 'l', 'a', 'u', 'd', 'e', '⏎']);
    expect(names('ab\u007F\tq\u0003')).toEqual(['a', 'b', '⌫', '⇥', 'q', '^c']);
    expect(splitKeys('aB', plain).map(([, k]) => k.shift)).toEqual([false, true]);
  });

  it('passes single keys and named keys through', () => {
    expect(names('q')).toEqual(['q']);
    expect(names('', { ...plain, upArrow: true })).toEqual(['↑']);
    expect(splitKeys('ab', { ...plain, meta: true })).toHaveLength(1);
  });

  it('drops other control characters', () => {
    expect(names('a\u001Fb')).toEqual(['a', '', 'b']);
  });
});
