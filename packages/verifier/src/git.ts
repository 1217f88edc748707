import path from 'node:path';
import { GitStateError } from '@monorefactor/core';
import { execa } from 'execa';

/** Run git in `cwd`; throws with git's stderr on failure. */
export async function git(cwd: string, args: string[]): Promise<string> {
  const result = await execa('git', args, { cwd, reject: false, stripFinalNewline: true, env: { GIT_TERMINAL_PROMPT: '0' } });
  if (result.exitCode !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
  return result.stdout;
}

// A directory's repository does not change during a run: each is asked once per process (apply
// asked the same two questions a dozen times before its first batch, a git process each).
const topLevels = new Map<string, Promise<string>>();
const gitDirs = new Map<string, Promise<string>>();

function once(cache: Map<string, Promise<string>>, dir: string, ask: () => Promise<string>): Promise<string> {
  let answer = cache.get(dir);
  if (!answer) {
    answer = ask();
    cache.set(dir, answer);
    answer.catch(() => cache.delete(dir)); // not a repository yet: ask again next time
  }
  return answer;
}

/** The repository's top-level directory, or a GitStateError when `dir` is not in a work tree. */
export function gitTopLevel(dir: string): Promise<string> {
  return once(topLevels, path.resolve(dir), async () => {
    const result = await execa('git', ['rev-parse', '--show-toplevel'], { cwd: dir, reject: false });
    if (result.exitCode !== 0) {
      throw new GitStateError('E_NOT_GIT', `${dir} is not inside a git work tree`, {
        hint: 'run `git init && git add -A && git commit -m init` first: apply commits each batch',
      });
    }
    return result.stdout.trim();
  });
}

/** `.git` directory (absolute), also for worktrees. */
export function gitDir(dir: string): Promise<string> {
  return once(gitDirs, path.resolve(dir), async () => path.resolve(dir, await git(dir, ['rev-parse', '--git-dir'])));
}

export async function headSha(dir: string): Promise<string> {
  return git(dir, ['rev-parse', 'HEAD']);
}

/** Paths with uncommitted changes (tracked or untracked), from `git status --porcelain`. */
export async function dirtyFiles(dir: string): Promise<string[]> {
  const out = await git(dir, ['status', '--porcelain', '--untracked-files=all', '--', '.']);
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice(3));
}

/** Refuse to start on a dirty tree: nothing is touched (exit 2). */
export async function assertCleanTree(dir: string): Promise<void> {
  await gitTopLevel(dir);
  const dirty = await dirtyFiles(dir);
  if (dirty.length > 0) {
    const shown = dirty.slice(0, 3).join(', ') + (dirty.length > 3 ? `, and ${dirty.length - 3} more` : '');
    throw new GitStateError('E_GIT_DIRTY', `the work tree has uncommitted changes (${shown})`, {
      hint: 'commit or stash them first: apply makes one commit per batch and must be able to roll back',
    });
  }
}

/** Stage everything under `dir` and commit; returns the new sha. */
export async function commitAll(dir: string, message: string): Promise<string> {
  await git(dir, ['add', '-A', '--', '.']);
  await git(dir, ['-c', 'user.name=monorefactor', '-c', 'user.email=monorefactor@localhost', 'commit', '-q', '--no-verify', '-m', message]);
  return headSha(dir);
}

/**
 * Throw away every uncommitted change under `dir` (tracked edits restored, new files removed),
 * leaving HEAD and anything outside `dir` alone: the workspace may be a folder of a larger repo.
 */
export async function rollback(dir: string): Promise<void> {
  await git(dir, ['reset', '-q', '--', '.']);
  await git(dir, ['checkout', '-q', 'HEAD', '--', '.']);
  await git(dir, ['clean', '-q', '-fd', '--', '.']);
}
