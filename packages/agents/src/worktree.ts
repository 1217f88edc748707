import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { git, type Mutex, type RepoInfo } from './git.js';

/** A scratch directory outside the user's tree holding one worktree, and the branch checked out there. */
export interface TaskDir {
  dir: string;
  worktree: string;
  branch: string;
}

/** Branch and file-name safe form of a run or task id. */
export function safeName(id: string): string {
  const cleaned = id
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[.-]+|[.-]+$/g, '')
    .replace(/\.lock$/, '-lock');
  return cleaned === '' ? 'task' : cleaned;
}

export function taskBranch(runId: string, taskName: string): string {
  return `refactor/${safeName(runId)}/${taskName}`;
}

/**
 * `git worktree add --no-checkout -B refactor/<run>/<task> <tmp>/<unique> <base>`, then the files.
 * Adds must run one at a time (a concurrent add can read another's half-made admin dir and fail:
 * "failed to read .git/worktrees/<id>/commondir"), but the checkout, most of the time, need not:
 * it runs outside the lock, so a batch's first worktrees are filled side by side. `-B` resets a
 * branch a killed run left, in the same call; the basename is unique so admin dirs never collide.
 */
export async function createTaskDir(
  repo: RepoInfo,
  mutex: Mutex,
  options: { tmpDir: string; branch: string; baseSha: string; label: string },
): Promise<TaskDir> {
  const dir = await mkdtemp(path.join(options.tmpDir || os.tmpdir(), `refactor-${options.label}-`));
  const worktree = path.join(dir, path.basename(dir));
  try {
    await mutex.run(() => git(repo.top, ['worktree', 'add', '--quiet', '--no-checkout', '-B', options.branch, worktree, options.baseSha]));
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const task = { dir, worktree, branch: options.branch };
  try {
    await git(worktree, ['reset', '--quiet', '--hard']);
  } catch (error) {
    await removeTaskDir(repo, mutex, task);
    throw error;
  }
  return task;
}

/** The worktree's own git dir (`<common>/worktrees/<name>`), from its `.git` file. */
function worktreeGitDir(worktree: string): string | undefined {
  try {
    const pointer = readFileSync(path.join(worktree, '.git'), 'utf8').match(/^gitdir: (.+)$/m)?.[1];
    return pointer ? path.resolve(worktree, pointer.trim()) : undefined;
  } catch {
    return undefined;
  }
}

/** An operation a killed or sloppy agent left half done: such a worktree is not reused. */
const UNFINISHED = ['index.lock', 'HEAD.lock', 'MERGE_HEAD', 'CHERRY_PICK_HEAD', 'REVERT_HEAD', 'BISECT_LOG', 'rebase-merge', 'rebase-apply'];
export function hasUnfinishedState(worktree: string): boolean {
  const gitDir = worktreeGitDir(worktree);
  return !gitDir || UNFINISHED.some((name) => existsSync(path.join(gitDir, name)));
}

/**
 * Put a worktree on `branch` at the base with nothing else in it: tracked changes reverted,
 * untracked and ignored files removed. Throws when the worktree is unusable.
 */
export async function resetWorktree(task: TaskDir, baseSha: string, branch = task.branch): Promise<void> {
  if (hasUnfinishedState(task.worktree)) throw new Error(`the worktree ${task.worktree} has an unfinished git operation`);
  await git(task.worktree, ['checkout', '--quiet', '--force', '-B', branch, baseSha]);
  await git(task.worktree, ['clean', '-ffdxq']);
  task.branch = branch;
}

/** `git worktree remove --force` + branch delete + scratch dir removal; never throws. */
export async function removeTaskDir(repo: RepoInfo, mutex: Mutex, task: TaskDir): Promise<void> {
  await mutex.run(async () => {
    const removed = await git(repo.top, ['worktree', 'remove', '--force', '--force', task.worktree], { allowFail: true });
    if (removed.exitCode !== 0) {
      await rm(task.worktree, { recursive: true, force: true });
      await git(repo.top, ['worktree', 'prune'], { allowFail: true });
    }
    await deleteBranch(repo, task.branch);
  });
  await rm(task.dir, { recursive: true, force: true });
}

export async function deleteBranch(repo: RepoInfo, ...branches: string[]): Promise<void> {
  if (branches.length > 0) await git(repo.top, ['branch', '--quiet', '-D', ...branches], { allowFail: true });
}

/**
 * Worktrees and branches a killed run left behind (`refactor/<run>/*`): removed before a
 * batch starts, so `--resume` after a crash starts clean.
 */
export async function removeStaleTaskDirs(repo: RepoInfo, mutex: Mutex, runId: string): Promise<string[]> {
  const prefix = `refactor/${safeName(runId)}/`;
  return mutex.run(async () => {
    await git(repo.top, ['worktree', 'prune'], { allowFail: true });
    const listing = await git(repo.top, ['worktree', 'list', '--porcelain'], { allowFail: true });
    const removed: string[] = [];
    let worktree = '';
    for (const field of listing.stdout.split('\n')) {
      if (field.startsWith('worktree ')) worktree = field.slice('worktree '.length);
      else if (field.startsWith(`branch refs/heads/${prefix}`) && worktree) {
        await git(repo.top, ['worktree', 'remove', '--force', '--force', worktree], { allowFail: true });
        // Our worktrees sit in a scratch dir of the same name: remove that too.
        const parent = path.dirname(worktree);
        if (path.basename(parent) === path.basename(worktree)) await rm(parent, { recursive: true, force: true });
        removed.push(worktree);
      }
    }
    const branches = await git(repo.top, ['for-each-ref', '--format=%(refname:short)', `refs/heads/${prefix}`], { allowFail: true });
    await deleteBranch(repo, ...branches.stdout.split('\n').filter(Boolean));
    return removed;
  });
}
