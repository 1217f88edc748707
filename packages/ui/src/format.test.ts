import { describe, expect, it } from 'vitest';
import { commonDir, formatDuration, percent, plural, progressBar, sanitizeLine, truncate, truncateStart } from './format.js';

describe('format', () => {
  it('formats durations at each scale', () => {
    expect([0, 420, 12_345, 65_000, 3_725_000, -5].map(formatDuration)).toEqual(['0.0s', '0.4s', '12.3s', '1m05s', '1h02m', '0.0s']);
  });

  it('draws a bounded progress bar', () => {
    expect(progressBar(0.5, 10)).toBe('█████░░░░░');
    expect(progressBar(2, 4)).toBe('████');
    expect(progressBar(Number.NaN, 3)).toBe('░░░');
  });

  it('pluralizes, truncates and prints percents', () => {
    expect([plural(1, 'move'), plural(2, 'move'), plural(2, 'batch', 'batches')]).toEqual(['1 move', '2 moves', '2 batches']);
    expect([truncate('abcdef', 4), truncate('abc', 4), truncate('abc', 0)]).toEqual(['abc…', 'abc', '']);
    expect([truncateStart('src/a.ts -> @acme/mcp', 12), truncateStart('abc', 3)]).toEqual(['…> @acme/mcp', 'abc']);
    expect(percent(0.916)).toBe('92%');
  });

  it('strips escape codes and control characters from log lines', () => {
    expect(sanitizeLine('\u001B[31merror\u001B[0m: bad\tthing')).toBe('error: bad  thing');
    expect(sanitizeLine('progress 10%\rprogress 50%\r')).toBe('progress 50%');
    expect(sanitizeLine('\u001B]0;title\u0007ok\u0007')).toBe('ok');
    expect(sanitizeLine('x'.repeat(500), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('finds the common directory', () => {
    expect(commonDir(['a/b/c.ts', 'a/b/d/e.ts'])).toBe('a/b');
    expect(commonDir(['a/b/c.ts'])).toBe('a/b/c.ts');
    expect(commonDir(['a/x.ts', 'b/y.ts'])).toBe('.');
  });
});
