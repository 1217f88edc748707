import { rm } from 'node:fs/promises';
import { git, type Mutex, type RepoInfo } from './git.js';
import { createTaskDir, deleteBranch, hasUnfinishedState, removeTaskDir, resetWorktree, type TaskDir } from './worktree.js';

/**
 * Background git work (the second wave's checkouts, resets of given-back worktrees) starts this
 * long after it is due, unless a task needs it sooner: at that moment agents are being started,
 * and the git calls would compete with them for the CPU and the event loop.
 */
const BACKGROUND_DELAY_MS = 300;

interface Ready {
  dir: TaskDir;
  reused: boolean;
}

/**
 * Worktrees of one batch, made ready ahead so a task starts on a checked-out worktree instead of
 * waiting for git. `prepare` checks out the first wave (one per slot) side by side before any
 * agent starts, and the second wave in the background while the first agents work. With `reuse`,
 * each worktree a finished task gives back is then reset to the base in the background (a
 * checkout of the changed files only: on a 7,000-file repo about 0.2 s instead of seconds) and
 * put on the branch of the next task that has none. A task whose worktree is not ready waits for
 * it, or gets a new one. `close()` removes every worktree and branch.
 *
 * Why ahead: started one by one as each worktree was ready, the first agents' startup took the
 * CPU from the next worktrees' git calls (on 2 cores the 4th agent started 0.4 s after the 1st),
 * and a reset between two tasks of a slot was on the critical path of every later task.
 */
export class WorktreePool {
  /** Worktrees given back with no task left to reset them for. */
  private readonly idle: TaskDir[] = [];
  /** Branches of tasks whose worktree moved on to another task: deleted together by `close()`. */
  private readonly retired: string[] = [];
  /** Worktrees ready or being made ready, by the branch of the task they are for. */
  private readonly ready = new Map<string, Promise<Ready | undefined>>();
  /** Branches of later tasks, in queue order, with no worktree made ready for them yet. */
  private upcoming: string[] = [];
  /** Start a delayed reset now, by the branch it is for. */
  private readonly hurry = new Map<string, () => void>();

  constructor(
    private readonly repo: RepoInfo,
    private readonly mutex: Mutex,
    private readonly options: { tmpDir: string; baseSha: string; runLabel: string; reuse: boolean },
  ) {}

  /** `branches`: every task's, in queue order. Resolves when the first `parallel` worktrees are ready. */
  async prepare(branches: string[], parallel: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return;
    const first = branches.slice(0, parallel);
    await Promise.all(first.map((branch) => this.makeReady(branch, () => this.create(branch))));
    if (!this.options.reuse || signal?.aborted) return;
    const second = branches.slice(parallel, 2 * parallel);
    this.upcoming = branches.slice(2 * parallel);
    for (const branch of second) void this.makeReady(branch, () => this.create(branch), BACKGROUND_DELAY_MS);
  }

  /** A worktree at the base on `branch`, and whether it was reused. */
  async acquire(branch: string): Promise<Ready> {
    this.hurry.get(branch)?.();
    const ready = this.ready.get(branch);
    this.ready.delete(branch);
    this.upcoming = this.upcoming.filter((b) => b !== branch);
    const made = await ready;
    if (made) return made;
    for (let dir = this.idle.pop(); dir; dir = this.idle.pop()) {
      const reused = await this.resetFor(dir, branch);
      if (reused) return reused;
    }
    return this.create(branch);
  }

  /** Reset a worktree for a retry of the same task; a broken one is replaced by a fresh one. */
  async reset(dir: TaskDir): Promise<TaskDir> {
    try {
      await resetWorktree(dir, this.options.baseSha);
      return dir;
    } catch {
      await removeTaskDir(this.repo, this.mutex, dir);
      return (await this.acquire(dir.branch)).dir;
    }
  }

  /**
   * Give a worktree back: when `reusable` (its agent exited by itself), reset in the background for
   * the next task without one (or kept idle); removed otherwise.
   */
  async release(dir: TaskDir, reusable: boolean): Promise<void> {
    if (!this.options.reuse || !reusable || hasUnfinishedState(dir.worktree)) return removeTaskDir(this.repo, this.mutex, dir);
    const next = this.upcoming.shift();
    if (next) void this.makeReady(next, () => this.resetFor(dir, next), BACKGROUND_DELAY_MS);
    else this.idle.push(dir);
  }

  /**
   * Remove the worktrees and every branch of the batch, once the background work is done. This
   * is on the critical path (the merge waits for it), so the directories are deleted side by side
   * and git is called twice in all (prune the missing worktrees, delete the branches).
   */
  async close(): Promise<void> {
    // Worktrees made ready for tasks that did not take them (resumed, aborted) go too.
    for (const start of this.hurry.values()) start();
    const unused = await Promise.all(this.ready.values());
    this.ready.clear();
    this.upcoming = [];
    const dirs = [...this.idle.splice(0), ...unused.flatMap((made) => (made ? [made.dir] : []))];
    const branches = [...this.retired.splice(0), ...dirs.map((dir) => dir.branch)];
    await Promise.all(dirs.map((dir) => rm(dir.dir, { recursive: true, force: true })));
    await this.mutex.run(async () => {
      if (dirs.length > 0) await git(this.repo.top, ['worktree', 'prune'], { allowFail: true });
      await deleteBranch(this.repo, ...branches);
    });
  }

  /**
   * Make a worktree ready for `branch`, now or after `delayMs` (sooner if its task asks for it); a
   * failure leaves it to the task's own `acquire`, which reports it.
   */
  private makeReady(branch: string, make: () => Promise<Ready | undefined>, delayMs = 0): Promise<Ready | undefined> {
    let start = () => {};
    const due = delayMs > 0 ? new Promise<void>((resolve) => (start = resolve)) : Promise.resolve();
    if (delayMs > 0) {
      const timer = setTimeout(start, delayMs);
      this.hurry.set(branch, () => {
        clearTimeout(timer);
        this.hurry.delete(branch);
        start();
      });
    }
    const made = due.then(make).catch(() => undefined);
    this.ready.set(branch, made);
    return made;
  }

  private async create(branch: string): Promise<Ready> {
    const dir = await createTaskDir(this.repo, this.mutex, {
      tmpDir: this.options.tmpDir,
      branch,
      baseSha: this.options.baseSha,
      label: this.options.runLabel,
    });
    return { dir, reused: false };
  }

  /** A given-back worktree reset to the base on `branch`; removed (undefined) when it cannot be. */
  private async resetFor(dir: TaskDir, branch: string): Promise<Ready | undefined> {
    const previous = dir.branch;
    try {
      await resetWorktree(dir, this.options.baseSha, branch);
      this.retired.push(previous);
      return { dir, reused: true };
    } catch {
      await removeTaskDir(this.repo, this.mutex, dir);
      return undefined;
    }
  }
}
