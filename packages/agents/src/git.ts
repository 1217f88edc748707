import path from 'node:path';
import { RefactorError } from '@monorefactor/core';
import { execa } from 'execa';

/** Git settings that keep our plumbing independent of the user's config and hooks. */
const SAFE_CONFIG = ['-c', 'core.hooksPath=/dev/null', '-c', 'gc.auto=0', '-c', 'core.quotePath=false', '-c', 'color.ui=never'];

/** The orchestrator's environment without `GIT_*` variables that would point git elsewhere (e.g. inside a hook). */
export function cleanEnv(extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('GIT_')) env[key] = value;
  return { ...env, ...extra };
}

export interface GitResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Run git in `cwd`; throws a RefactorError on a non-zero exit unless `allowFail`. */
export async function git(cwd: string, args: string[], options: { allowFail?: boolean; input?: string; literal?: boolean } = {}): Promise<GitResult> {
  const result = await execa('git', [...SAFE_CONFIG, ...args], {
    cwd,
    env: cleanEnv({ GIT_LITERAL_PATHSPECS: options.literal ? '1' : undefined, LC_ALL: 'C' }),
    extendEnv: false,
    reject: false,
    stripFinalNewline: false,
    maxBuffer: 1024 * 1024 * 1024,
    encoding: 'utf8',
    ...(options.input === undefined ? { stdin: 'ignore' as const } : { input: options.input }),
  });
  const out = { stdout: String(result.stdout ?? ''), stderr: String(result.stderr ?? ''), exitCode: result.exitCode ?? -1 };
  if (out.exitCode !== 0 && !options.allowFail) {
    throw new RefactorError('E_AGENT', `git ${args.join(' ')} failed: ${out.stderr.trim() || result.message}`, {
      hint: 'check that the directory is a git work tree and the base commit exists',
    });
  }
  return out;
}

/** Like `git`, with stdout as bytes (patches must survive any file encoding). */
export async function gitBytes(cwd: string, args: string[], extraEnv: Record<string, string> = {}): Promise<Uint8Array> {
  const result = await execa('git', [...SAFE_CONFIG, ...args], {
    cwd,
    env: cleanEnv({ LC_ALL: 'C', ...extraEnv }),
    extendEnv: false,
    reject: false,
    stdin: 'ignore',
    stripFinalNewline: false,
    maxBuffer: 1024 * 1024 * 1024,
    encoding: 'buffer',
  });
  if (result.exitCode !== 0) throw new RefactorError('E_AGENT', `git ${args.join(' ')} failed: ${String(result.stderr).trim() || result.message}`);
  return result.stdout as Uint8Array;
}

export interface RepoInfo {
  /** Absolute path of the work tree's top level. */
  top: string;
  /** `root` relative to `top`, `/`-separated, '' or ending in '/'. */
  prefix: string;
  /** Absolute path of the shared git directory (`.git` of the main work tree). */
  commonDir: string;
}

export async function repoInfo(root: string): Promise<RepoInfo> {
  const probe = await git(root, ['rev-parse', '--show-toplevel', '--show-prefix', '--git-common-dir'], { allowFail: true });
  if (probe.exitCode !== 0) {
    throw new RefactorError('E_NOT_GIT', `${root} is not a git work tree`, { hint: 'run inside a git repository (git init)' });
  }
  const [top = '', prefix = '', commonDir = ''] = probe.stdout.split('\n');
  return { top, prefix, commonDir: path.resolve(root, commonDir) };
}

/** `git ... -z` output as a list. */
export function splitZ(stdout: string): string[] {
  return stdout.split('\0').filter((entry) => entry !== '');
}

/** Serialises git commands that edit shared repository state (worktree add/remove, branch delete). */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.tail.then(fn, fn);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

const mutexes = new Map<string, Mutex>();
/** One mutex per repository (keyed by its common git dir). */
export function repoMutex(gitCommonDir: string): Mutex {
  let mutex = mutexes.get(gitCommonDir);
  if (!mutex) {
    mutex = new Mutex();
    mutexes.set(gitCommonDir, mutex);
  }
  return mutex;
}
