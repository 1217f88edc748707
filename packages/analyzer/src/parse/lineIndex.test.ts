import { describe, expect, it } from 'vitest';
import { LineIndex } from './lineIndex.js';

describe('LineIndex', () => {
  const text = 'a\nbb\n\nccc\nd';
  const expected = [...text].map((_, offset) => text.slice(0, offset).split('\n').length);

  it('gives the 1-based line of every offset asked in order', () => {
    const lines = new LineIndex(text);
    expect([...text].map((_, offset) => lines.lineOf(offset))).toEqual(expected);
  });

  it('gives the same lines asked out of order, and past the end', () => {
    const lines = new LineIndex(text);
    const order = [9, 2, 2, 10, 0, 5, 6, 1, 7];
    expect(order.map((offset) => lines.lineOf(offset))).toEqual(order.map((offset) => expected[offset]));
    expect(lines.lineOf(100)).toBe(5);
  });
});
