import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = path.join(REPO_ROOT, 'packages/cli/bin/refactor.js');
const CACHE = path.join(tmpdir(), 'monorefactor-fixture-installs');

/**
 * A fixture's dependencies, installed once per package.json content and reused: each temp copy
 * links to the cached packages (and re-creates the workspace links, which are relative).
 */
function installedModules(fixture: string): string {
  const fixtureDir = path.join(REPO_ROOT, 'fixtures', fixture);
  const hash = createHash('sha1')
    .update(readFileSync(path.join(fixtureDir, 'package.json')))
    .digest('hex')
    .slice(0, 10);
  const cacheDir = path.join(CACHE, `${fixture}-${hash}`);
  if (!existsSync(path.join(cacheDir, 'node_modules', '.installed'))) {
    rmSync(cacheDir, { recursive: true, force: true });
    mkdirSync(cacheDir, { recursive: true });
    cpSync(fixtureDir, cacheDir, { recursive: true });
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: cacheDir, stdio: 'pipe' });
    execFileSync('touch', [path.join(cacheDir, 'node_modules', '.installed')]);
  }
  return path.join(cacheDir, 'node_modules');
}

function linkModules(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from)) {
    const source = path.join(from, entry);
    const target = path.join(to, entry);
    const stat = lstatSync(source);
    if (stat.isSymbolicLink()) symlinkSync(readlinkSync(source), target);
    else if (entry.startsWith('@') && stat.isDirectory()) linkModules(source, target);
    else symlinkSync(source, target);
  }
}

export interface FixtureRepo {
  dir: string;
  git(...args: string[]): string;
  cleanup(): void;
}

/** Copy a fixture into a fresh temp git repo (one commit), optionally with its dependencies installed. */
export function makeFixtureRepo(fixture: string, options: { install?: boolean } = {}): FixtureRepo {
  const dir = mkdtempSync(path.join(tmpdir(), `refactor-${fixture}-`));
  cpSync(path.join(REPO_ROOT, 'fixtures', fixture), dir, { recursive: true });
  if (options.install) linkModules(installedModules(fixture), path.join(dir, 'node_modules'));
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' },
    }).trim();
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'initial');
  return { dir, git, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Run the real `refactor` binary as a user would. */
export function runRefactor(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): CliResult {
  try {
    const stdout = execFileSync(process.execPath, [CLI, ...args], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { exitCode: 0, stdout, stderr: '' };
  } catch (error) {
    const e = error as { status: number | null; stdout: string; stderr: string };
    return { exitCode: e.status ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** Run a command of the fixture itself (its own tsc, its own test runner). */
export function runInRepo(command: string, args: string[], cwd: string): CliResult {
  try {
    const stdout = execFileSync(command, args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CI: 'true', NO_COLOR: '1' },
    });
    return { exitCode: 0, stdout, stderr: '' };
  } catch (error) {
    const e = error as { status: number | null; stdout: string; stderr: string };
    return { exitCode: e.status ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}
