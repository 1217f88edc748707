import { rmSync } from 'node:fs';

/**
 * Task scratch dirs (task.json, prompt.md) in use, removed if the orchestrator exits before its
 * tasks finish (`process.exit` on a second Ctrl-C): they sit in the temp dir, where nothing else
 * would find them. Worktrees are not removed here (too slow for an exit); the next batch of the
 * same run removes them.
 */
const live = new Set<string>();
let hookInstalled = false;

export function trackScratch(dir: string): void {
  live.add(dir);
  if (!hookInstalled) {
    hookInstalled = true;
    process.once('exit', () => {
      for (const scratch of live) rmSync(scratch, { recursive: true, force: true });
    });
  }
}

export function untrackScratch(dir: string): void {
  live.delete(dir);
}
