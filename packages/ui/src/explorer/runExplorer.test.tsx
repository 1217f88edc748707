import type { Plan } from '@monorefactor/core';
import { describe, expect, it, vi } from 'vitest';
import { FakeStdin, FakeStdout, KEYS, waitForFrame } from '../testing/fakeStreams.js';
import { foundingPlanFor, foundingResult } from '../testing/founding.js';
import { runExplorer } from './runExplorer.js';

function start(options: { columns?: number; rows?: number; planFor?: (ids: string[]) => Plan } = {}) {
  const result = foundingResult();
  const stdout = new FakeStdout(options.columns ?? 120, options.rows ?? 35);
  const stdin = new FakeStdin();
  const planFor = vi.fn(options.planFor ?? foundingPlanFor(result));
  const done = runExplorer({ result, planFor, stdout: stdout.asWriteStream(), stdin: stdin.asReadStream(), color: false, debug: true });
  /** Press a key and wait for the frame it produces. */
  const press = async (keys: string, until: (frame: string) => boolean) => {
    stdin.press(keys);
    return waitForFrame(stdout, until);
  };
  return { stdout, stdin, planFor, done, press };
}

/** The row of a move in the Moves view. */
function row(frame: string, id: string): string {
  return frame.split('\n').find((line) => line.includes(`] ${id} `)) ?? '';
}

describe('runExplorer', () => {
  it('opens on the overview: packages, cycles, findings by kind', async () => {
    const { stdout, stdin, done } = start();
    const frame = await waitForFrame(stdout, (f) => f.includes('packages (5)'));
    expect(frame).toContain('[1 Overview]');
    expect(frame).toMatch(/@acme\/shared +packages\/shared +8 files +→ @acme\/mcp/);
    expect(frame).toContain('C1 @acme/mcp → @acme/shared → @acme/mcp');
    expect(frame).toContain('misplaced (3)');
    expect(frame).toContain('M1 packages/shared/src/stores/mcp-store.ts  @acme/shared → @acme/mcp  (score 1.00)');
    expect(frame).toContain('D1 97% similar');
    expect(frame).toContain('plan: 3 moves in 2 batches · critical path M3 → M2 · cost 16 parallel vs 20 sequential · 1 conflict');
    stdin.press('q');
    await expect(done).resolves.toBeNull();
  });

  it('space toggles a move and the plan preview follows', async () => {
    const { stdin, done, press, planFor } = start();
    await press('2', (f) => f.includes('[2 Moves 3/3]'));
    let frame = await press(KEYS.down, (f) => row(f, 'M2').startsWith('›'));
    expect(row(frame, 'M2')).toMatch(/^› \[x\] M2 +packages\/shared\/src\/mcp \(3 files\) @acme\/shared → @acme\/mcp 0\.75$/);
    frame = await press(' ', (f) => f.includes('[2 Moves 2/3]'));
    expect(row(frame, 'M2')).toContain('[ ] M2');
    expect(frame).toContain('plan: 2 moves in 1 batch · critical path M3 · cost 8 parallel vs 12 sequential · 0 conflicts');
    expect(planFor).toHaveBeenLastCalledWith(['M1', 'M3']);
    frame = await press('3', (f) => f.includes('[3 Plan 1 batch]'));
    expect(frame).toContain('batch 1/1: M1, M3 (in parallel)');
    expect(frame).toContain('conflicts (0)');
    expect(frame).not.toContain('M2 ');
    await press('2', (f) => f.includes('[2 Moves 2/3]'));
    frame = await press(' ', (f) => f.includes('[2 Moves 3/3]'));
    expect(frame).toContain('3 moves in 2 batches');
    stdin.press('q');
    await done;
  });

  it('/ filters the moves; esc clears the filter', async () => {
    const { stdin, done, press } = start();
    await press('2', (f) => f.includes('[2 Moves'));
    await press('/', (f) => f.includes('/ █'));
    for (const ch of 'agen') stdin.press(ch);
    let frame = await press('t', (f) => f.includes('/ agent█'));
    expect(frame).toContain('1/3');
    expect(row(frame, 'M3')).toContain('› [x] M3');
    expect(row(frame, 'M1')).toBe('');
    // Typed letters go to the filter, not to the commands (q would quit).
    frame = await press('q', (f) => f.includes('/ agentq█'));
    expect(frame).toContain('no move matches the filter');
    frame = await press(KEYS.backspace, (f) => f.includes('/ agent█'));
    frame = await press(KEYS.enter, (f) => f.includes('filter "agent": 1 of 3 moves, 1 selected'));
    // Space toggles the filtered move.
    frame = await press(' ', (f) => f.includes('[2 Moves 2/3]'));
    frame = await press(KEYS.escape, (f) => f.includes('3 moves, 2 selected'));
    expect(row(frame, 'M1')).toContain('[x] M1');
    expect(row(frame, 'M3')).toContain('[ ] M3');
    stdin.press('q');
    await done;
  });

  it('takes keys typed faster than a frame (one chunk) one by one', async () => {
    const { stdin, done, press } = start();
    await press('2', (f) => f.includes('[2 Moves'));
    const frame = await press('/claude\r ', (f) => f.includes('[2 Moves 2/3]'));
    expect(frame).toContain('filter "claude": 1 of 3 moves, 0 selected');
    expect(row(frame, 'M3')).toContain('[ ] M3');
    stdin.press('q');
    await expect(done).resolves.toBeNull();
  });

  it('enter shows the evidence and the files the move would touch', async () => {
    const { stdin, done, press } = start();
    await press('2', (f) => f.includes('[2 Moves'));
    const frame = await press(KEYS.enter, (f) => f.includes('why'));
    expect(frame).toContain('M1: @acme/shared → @acme/mcp  score 1.00  target packages/mcp/src/stores');
    expect(frame).toContain('  - imported only by @acme/mcp (1 file)');
    expect(frame).toContain('  packages/shared/src/stores/mcp-store.ts → packages/mcp/src/stores/mcp-store.ts');
    expect(frame).toContain('touches (2 other files: importers rewritten, manifests updated)');
    expect(frame).toContain('  packages/mcp/src/server.ts');
    expect(frame).toContain('C1 cycle @acme/mcp ⇄ @acme/shared through packages/shared/src/stores/mcp-store.ts → packages/mcp/src/registry.ts');
    // The panel follows the cursor, also to a move that is not selected (planned on its own).
    await press(KEYS.down, (f) => f.includes('M2: @acme/shared'));
    await press(' ', (f) => f.includes('[ ] M2'));
    const unselected = await press(KEYS.up, (f) => f.includes('M1: @acme/shared'));
    expect(unselected).toContain('[ ] M2');
    const back = await press(KEYS.down, (f) => f.includes('M2: @acme/shared'));
    expect(back).toContain('  packages/shared/src/mcp/transport.ts → packages/mcp/src/mcp/transport.ts');
    expect(back).toContain('D1 duplicate (97%)');
    await press(KEYS.escape, (f) => !f.includes('why'));
    stdin.press('q');
    await done;
  });

  it('a then y resolves with the selected moves and their plan', async () => {
    const { done, press } = start();
    await press('2', (f) => f.includes('[2 Moves'));
    await press(' ', (f) => f.includes('[2 Moves 2/3]'));
    let frame = await press('a', (f) => f.includes('[y/N]'));
    expect(frame).toContain('Apply 2 moves in 1 batch?');
    frame = await press('n', (f) => !f.includes('[y/N]'));
    await press('a', (f) => f.includes('[y/N]'));
    frame = await press('y', (f) => f.includes('refactor ui: applying'));
    expect(frame).toContain('refactor ui: applying 2 moves in 1 batch: M2, M3');
    const outcome = await done;
    expect(outcome?.selected).toEqual(['M2', 'M3']);
    expect(outcome?.plan.batches).toEqual([['M2', 'M3']]);
  });

  it('will not apply an empty selection, and shows planning errors', async () => {
    const result = foundingResult();
    const real = foundingPlanFor(result);
    const { stdin, done, press } = start({
      planFor: (ids) => {
        if (ids.includes('M3') && ids.length === 1) throw new Error('M3 would create a package cycle');
        return real(ids);
      },
    });
    await press('2', (f) => f.includes('[2 Moves'));
    await press('*', (f) => f.includes('[2 Moves 0/3]'));
    let frame = await press('a', (f) => f.includes('select at least one move'));
    expect(frame).not.toContain('[y/N]');
    await press(KEYS.down, (f) => row(f, 'M2').startsWith('›'));
    await press(KEYS.down, (f) => row(f, 'M3').startsWith('›'));
    frame = await press(' ', (f) => f.includes('cannot plan these moves'));
    expect(frame).toContain('plan: cannot plan these moves: M3 would create a package cycle');
    stdin.press('q');
    await expect(done).resolves.toBeNull();
  });

  it('Ctrl-C quits with nothing applied', async () => {
    const { stdout, stdin, done } = start();
    await waitForFrame(stdout, (f) => f.includes('packages (5)'));
    stdin.press(KEYS.ctrlC);
    await expect(done).resolves.toBeNull();
    expect(stdout.lastFrame()).toContain('nothing applied');
    expect(stdin.isRaw).toBe(false);
  });

  it('scrolls the overview on a short terminal and keeps the frame inside it', async () => {
    const { stdout, stdin, done, press } = start({ columns: 70, rows: 14 });
    let frame = await waitForFrame(stdout, (f) => f.includes('packages (5)'));
    const lines = frame.replace(/\n$/, '').split('\n');
    expect(lines.length).toBeLessThan(14);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(70);
    expect(frame).toMatch(/lines 1-\d+ of \d+/);
    frame = await press(KEYS.down, (f) => f.includes('lines 2-'));
    expect(frame).not.toContain('packages (5)');
    stdin.press('q');
    await done;
  });

  it('refuses to start without a terminal to read keys from', async () => {
    const stdin = new FakeStdin({ isTTY: false });
    const stdout = new FakeStdout();
    const result = foundingResult();
    await expect(
      runExplorer({ result, planFor: foundingPlanFor(result), stdout: stdout.asWriteStream(), stdin: stdin.asReadStream(), color: false }),
    ).rejects.toThrow('refactor ui needs an interactive terminal');
    expect(stdout.frames).toEqual([]);
    const piped = new FakeStdout(80, 24, { isTTY: false });
    await expect(
      runExplorer({ result, planFor: foundingPlanFor(result), stdout: piped.asWriteStream(), stdin: new FakeStdin().asReadStream(), color: false }),
    ).rejects.toThrow('refactor ui needs an interactive terminal');
    expect(piped.frames).toEqual([]);
  });
});
