import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';

/** The repository root (this file is tests/helpers/fixture.ts). */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURES_DIR = path.join(REPO_ROOT, 'fixtures');
/** The `refactor` bin under test; `REFACTOR_CLI_BIN` points the tests at another build. */
export const CLI_BIN = process.env.REFACTOR_CLI_BIN ?? path.join(REPO_ROOT, 'packages/cli/bin/refactor.js');

const copies = new Set<string>();

/**
 * Copy `fixtures/<name>` into a fresh temp dir and return the copy's path. Tests work on the
 * copy, never on the fixture itself; `cleanupFixtures()` (in `afterAll`) removes every copy.
 */
export async function copyFixture(name: string): Promise<string> {
  const source = path.join(FIXTURES_DIR, name);
  if (!existsSync(path.join(source, 'package.json'))) throw new Error(`no fixture "${name}" (${source}/package.json is missing)`);
  const parent = await mkdtemp(path.join(os.tmpdir(), `monorefactor-${name}-`));
  copies.add(parent);
  const dir = path.join(parent, name);
  await cp(source, dir, { recursive: true, verbatimSymlinks: true });
  return dir;
}

/** A fresh empty temp dir (removed by `cleanupFixtures()`). */
export async function makeTempDir(prefix = 'monorefactor-'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  copies.add(dir);
  return dir;
}

/** Remove every temp dir made by `copyFixture` / `makeTempDir` in this test file. */
export async function cleanupFixtures(): Promise<void> {
  const dirs = [...copies];
  copies.clear();
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
}

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Run the real `refactor` bin (`node packages/cli/bin/refactor.js ...args`) as a child process. */
export async function runCli(args: string[], cwd: string): Promise<CliResult> {
  if (!existsSync(path.join(path.dirname(CLI_BIN), '../dist/bin.js'))) throw new Error(`${CLI_BIN}: its dist/ is missing, run \`npx tsc -b\` first`);
  const result = await execa(process.execPath, [CLI_BIN, ...args], {
    cwd,
    reject: false,
    stripFinalNewline: false,
    env: { NO_COLOR: '1', FORCE_COLOR: '0' },
    timeout: 30_000,
  });
  if (result.exitCode === undefined) throw new Error(`refactor ${args.join(' ')} did not exit: ${result.message}`);
  return { exitCode: result.exitCode, stdout: String(result.stdout), stderr: String(result.stderr) };
}
