import { describe, expect, it } from 'vitest';
import { chooseRenderer, isCI } from './terminal.js';

describe('chooseRenderer', () => {
  const tty = { isTTY: true };
  it('uses ink only on a terminal outside CI', () => {
    expect(chooseRenderer({ stdout: tty, env: {} })).toBe('ink');
    expect(chooseRenderer({ stdout: tty, env: { NO_COLOR: '1' } })).toBe('ink');
    expect(chooseRenderer({ stdout: { isTTY: false }, env: {} })).toBe('lines');
    expect(chooseRenderer({ stdout: {}, env: {} })).toBe('lines');
    expect(chooseRenderer({ stdout: tty, env: { CI: 'true' } })).toBe('lines');
    expect(chooseRenderer({ stdout: tty, env: { TERM: 'dumb' } })).toBe('lines');
  });

  it('uses NDJSON with --json, terminal or not', () => {
    expect(chooseRenderer({ stdout: tty, env: {}, json: true })).toBe('json');
    expect(chooseRenderer({ stdout: { isTTY: false }, env: { CI: '1' }, json: true })).toBe('json');
  });

  it('reads CI from the usual variables', () => {
    expect([isCI({ CI: 'true' }), isCI({ CI: '1' }), isCI({ CI: 'false' }), isCI({ CI: '0' }), isCI({}), isCI({ GITHUB_ACTIONS: 'true' })]).toEqual([
      true,
      true,
      false,
      false,
      false,
      true,
    ]);
  });
});
