import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, type FixtureRepo, makeFixtureRepo } from '../helpers/gitFixture.js';

// `refactor ui` in a real terminal: tmux gives the CLI a TTY of a known size, `send-keys` types and
// `capture-pane` reads the screen. Opt-in until the CLI's `ui` command is wired:
// Runs whenever tmux is installed; REFACTOR_E2E_UI=0 skips it.
const enabled = process.env.REFACTOR_E2E_UI !== '0' && spawnSync('tmux', ['-V']).status === 0;

/** Our own tmux server socket: the test never touches a user's tmux server, and removes it. */
const SOCKET = path.join(os.tmpdir(), `refactor-e2e-${process.pid}.sock`);
const SESSION = 'ui';

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-S', SOCKET, ...args], { encoding: 'utf8' });
}

function screen(): string {
  return tmux('capture-pane', '-p', '-t', SESSION);
}

/** Poll the screen until it contains every `text`; fail with the screen after `ms`. */
async function waitFor(texts: string | string[], ms = 15_000): Promise<string> {
  const wanted = Array.isArray(texts) ? texts : [texts];
  const deadline = Date.now() + ms;
  let last = '';
  while (Date.now() < deadline) {
    last = screen();
    if (wanted.every((text) => last.includes(text))) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${JSON.stringify(wanted)}; screen:\n${last}`);
}

/** Type keys (tmux key names such as `Down`, `Space`, `Enter`, `Escape`, `C-c`). */
function keys(...names: string[]): void {
  tmux('send-keys', '-t', SESSION, ...names);
}

/** Type literal text. */
function type(text: string): void {
  tmux('send-keys', '-t', SESSION, '-l', text);
}

/** Run `refactor ui .` in a 120x35 terminal; the pane prints `[exit N]` when it ends and stays open. */
function startUi(dir: string): void {
  const { CI: _ci, GITHUB_ACTIONS: _gha, ...env } = process.env;
  execFileSync(
    'tmux',
    ['-S', SOCKET, 'new-session', '-d', '-s', SESSION, '-x', '120', '-y', '35', '-c', dir, `'${process.execPath}' '${CLI}' ui .; echo "[exit $?]"; sleep 600`],
    { env: { ...env, TERM: 'xterm-256color' } },
  );
}

let repo: FixtureRepo | undefined;
afterEach(() => {
  spawnSync('tmux', ['-S', SOCKET, 'kill-server']);
  rmSync(SOCKET, { force: true });
  repo?.cleanup();
  repo = undefined;
});

describe('refactor ui in a terminal', () => {
  it.skipIf(!enabled)('shows the overview, toggles and filters moves, previews the plan, and quits', async () => {
    repo = makeFixtureRepo('founding');
    startUi(repo.dir);
    // Keys typed before the UI takes the terminal would be lost: wait for the first frame.
    let text = await waitFor(['packages (5)', 'misplaced (3)']);
    expect(text).toMatch(/@acme\/shared +packages\/shared +8 files/);
    expect(text).toContain('package cycles (1)');
    expect(text).toContain('packages/shared/src/stores/mcp-store.ts → packages/mcp/src/registry.ts');
    expect(text).toContain('duplicates (1)');
    expect(text).toContain('plan: 3 moves in');

    keys('2');
    await waitFor('[2 Moves 3/3]');
    keys('/');
    type('claude');
    await waitFor('/ claude');
    keys('Enter');
    text = await waitFor('filter "claude": 1 of 3 moves');
    expect(text).toContain('packages/orch/src/claude (3 files) @acme/orch → @acme/agents');

    keys('Space');
    await waitFor(['[2 Moves 2/3]', 'plan: 2 moves in']);
    keys('Enter');
    text = await waitFor(['why', 'packages/orch/src/claude/runner.ts → packages/agents/src/claude/runner.ts']);
    expect(text).toContain('imported only by @acme/agents');
    keys('Escape');
    keys('Escape');
    await waitFor('3 moves, 2 selected');

    keys('3');
    text = await waitFor(['[3 Plan', 'critical path:', 'estimate:']);
    expect(text).not.toContain('-> @acme/agents');

    keys('q');
    text = await waitFor('[exit 0]');
    expect(text).toContain('nothing applied');
  });

  it.skipIf(!enabled)(
    'applies the chosen move from the UI and shows the live view to the commit',
    async () => {
      repo = makeFixtureRepo('founding', { install: true });
      const head = repo.git('rev-parse', 'HEAD');
      startUi(repo.dir);
      await waitFor('packages (5)');
      keys('2');
      await waitFor('[2 Moves 3/3]');
      keys('*');
      await waitFor('[2 Moves 0/3]');
      keys('/');
      type('claude');
      keys('Enter');
      await waitFor('filter "claude": 1 of 3 moves');
      keys('Space');
      await waitFor(['[2 Moves 1/3]', 'plan: 1 move in 1 batch']);
      keys('a');
      await waitFor('[y/N]');
      keys('y');
      await waitFor(['refactor apply', 'batch 1/1']);
      const text = await waitFor(['done: 1 commit, 0 failed moves', '[exit 0]'], 240_000);
      expect(text).toMatch(/batch 1\/1 +imports ✓/);
      expect(text).toContain('refactor: move packages/orch/src/claude to @acme/agents (batch 1/1)');
      expect(repo.git('rev-list', '--count', `${head}..HEAD`)).toBe('1');
      expect(existsSync(path.join(repo.dir, 'packages/agents/src/claude/runner.ts'))).toBe(true);
      expect(repo.git('status', '--porcelain')).toBe('');
    },
    300_000,
  );
});
