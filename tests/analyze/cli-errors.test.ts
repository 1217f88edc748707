import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupFixtures, copyFixture, makeTempDir, runCli } from '../helpers/fixture.js';

// DESIGN.md: exit 2 for usage, configuration or input errors, with one line naming the file and the fix.
let dir: string;

beforeAll(async () => {
  dir = await copyFixture('founding');
});
afterAll(cleanupFixtures);

/** stderr as its non-empty lines. */
const lines = (stderr: string) => stderr.split('\n').filter((line) => line.trim() !== '');

describe('analyze: configuration and input errors exit 2 with one line', () => {
  it('an unknown top-level key in refactor.config.json', async () => {
    await writeFile(path.join(dir, 'refactor.config.json'), JSON.stringify({ placement: [], colour: 'red' }));
    const run = await runCli(['analyze', '--json'], dir);
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe('');
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toContain('refactor.config.json');
    expect(run.stderr).toContain('colour');
  });

  it('an unknown nested key names its path', async () => {
    await writeFile(path.join(dir, 'refactor.config.json'), JSON.stringify({ boundaries: [{ name: 'leaf', from: '@acme/shared', denny: ['@acme/*'] }] }));
    const run = await runCli(['analyze'], dir);
    expect(run.exitCode).toBe(2);
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toContain('refactor.config.json');
    expect(run.stderr).toContain('denny');
  });

  it('a wrong type names the key', async () => {
    await writeFile(path.join(dir, 'refactor.config.json'), JSON.stringify({ ignore: '**/generated/**' }));
    const run = await runCli(['analyze'], dir);
    expect(run.exitCode).toBe(2);
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toContain('refactor.config.json');
    expect(run.stderr).toContain('ignore');
  });

  it('a valid config is accepted (the errors above are about the keys, not the file)', async () => {
    await writeFile(
      path.join(dir, 'refactor.config.json'),
      JSON.stringify({ boundaries: [{ name: 'shared-is-a-leaf', from: '@acme/shared', deny: ['@acme/*'] }] }),
    );
    const run = await runCli(['analyze', '--json', '--fail-on', 'boundaries'], dir);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(1);
    const boundaries = JSON.parse(run.stdout).findings.boundaries;
    expect(boundaries).toEqual([
      { rule: 'shared-is-a-leaf', from: 'packages/shared/src/stores/mcp-store.ts', to: 'packages/mcp/src/registry.ts', specifier: '@acme/mcp/registry' },
    ]);
  });

  it('--config naming a missing file', async () => {
    const run = await runCli(['analyze', '--config', 'nope.json'], dir);
    expect(run.exitCode).toBe(2);
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toContain('nope.json');
  });

  it('a directory without package.json (as the argument and as the cwd)', async () => {
    const empty = await makeTempDir('monorefactor-empty-');
    for (const run of [await runCli(['analyze', empty, '--json'], dir), await runCli(['analyze'], empty)]) {
      expect(run.exitCode).toBe(2);
      expect(run.stdout).toBe('');
      expect(lines(run.stderr)).toHaveLength(1);
      expect(run.stderr).toContain('package.json');
    }
  });
});
