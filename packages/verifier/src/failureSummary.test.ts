import { describe, expect, it } from 'vitest';
import { failureSummary } from './failureSummary.js';

describe('failureSummary', () => {
  it("names tsc's first errors, trimmed, and how many more there are", () => {
    const output = [
      "packages/b/src/a.ts(1,10): error TS2305: Module '\"@t/a\"' has no exported member 'x'.",
      '  The continuation of the message',
      `packages/b/src/b.ts(2,1): error TS2304: Cannot find name '${'y'.repeat(300)}'.`,
      "packages/b/src/c.ts(3,1): error TS7006: Parameter 'c' implicitly has an 'any' type.",
      "packages/b/src/d.ts(4,1): error TS7006: Parameter 'd' implicitly has an 'any' type.",
    ].join('\n');
    const summary = failureSummary('typecheck', output);
    expect(summary).toMatch(
      /^packages\/b\/src\/a\.ts\(1,10\): error TS2305: .*; packages\/b\/src\/b\.ts\(2,1\): error TS2304: Cannot find name 'y+\.\.\.; packages\/b\/src\/c\.ts/,
    );
    expect(summary).toMatch(/ \(and 1 more\)$/);
    expect(summary).not.toContain('continuation');
  });

  it("names a test runner's failing tests", () => {
    const output = ' RUN  v4.0.0 /repo\n ❯ src/a.test.ts (1 test | 1 failed)\n   × adds 2ms\n FAIL  src/a.test.ts > adds\nAssertionError: expected 1 to be 2';
    expect(failureSummary('tests', output)).toBe('× adds 2ms; FAIL  src/a.test.ts > adds');
  });

  it("gives gate 1's problems, and the first line of output it does not recognise", () => {
    expect(failureSummary('imports', '@t/b now imports @t/a without declaring it (x.ts)\n')).toBe('@t/b now imports @t/a without declaring it (x.ts)');
    expect(failureSummary('typecheck', '\nclaude runner must stay in orch\nbye')).toBe('claude runner must stay in orch');
    expect(failureSummary('tests', '')).toBe('no output');
  });
});
