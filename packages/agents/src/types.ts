import type { EventSink } from '@monorefactor/core';

/** One unit of agent work: a move or a free-form task, with the files it may write. */
export interface AgentTask {
  id: string;
  kind: 'move' | 'task';
  /** What to do, in the planner's or the user's words. */
  prompt: string;
  /** Files the task is about (root-relative); listed in the prompt. */
  files: string[];
  /** Globs or paths (root-relative) the task may change; anything else gets it rejected. */
  footprint: string[];
  fromPackage?: string;
  toPackage?: string;
  /** Recursion depth: 0 for planned tasks, parent + 1 for follow-ups. */
  depth: number;
  dependsOn?: string[];
}

export interface AgentRunnerOptions {
  /** The user's git work tree (repo root). */
  root: string;
  /** Commit (sha or ref) the batch starts from. */
  baseRef: string;
  /** Agent argv; `{promptFile}` / `{taskFile}` anywhere in an argument are replaced. Run without a shell. */
  command: string[];
  /** Tasks run at once (default 1). */
  parallel: number;
  /** Per-attempt time limit (default 600000). */
  timeoutMs: number;
  /** Extra attempts after a crash or a timeout (default 2). */
  retries: number;
  /** SIGTERM -> SIGKILL delay when killing an agent's process tree (default 5000). */
  killGraceMs?: number;
  /** First retry delay; attempt n waits backoffMs * 2^(n-1) (default 200). */
  backoffMs?: number;
  /** Logs and outcome records go to `<gitdir>/refactor/runs/<runId>/`. */
  runId: string;
  batch: number;
  /** Extra prompt text: repo conventions, verifier gates, earlier batch results (see `describeContext`). */
  context?: string;
  /** Ctrl-C: kill children, remove worktrees, unfinished tasks resolve as 'aborted'. */
  signal?: AbortSignal;
  onEvent?: EventSink;
  /** Extra environment for the agent (on top of the orchestrator's, minus `GIT_*`). */
  env?: Record<string, string>;
  /** Reuse the recorded 'done' outcome of a task that finished in an interrupted run of the same runId and base. */
  resume?: boolean;
  /** Where task directories (worktrees, task.json, prompt.md) are made; default `os.tmpdir()`. Must be outside `root`. */
  tmpDir?: string;
  /**
   * Give a finished task's worktree, reset to the base, to the next task of the batch instead of
   * checking out a new one (default true; every worktree is removed when the batch ends).
   */
  reuseWorktrees?: boolean;
}

export type TaskStatus = 'done' | 'failed' | 'timeout' | 'rejected' | 'aborted';

export interface TaskOutcome {
  id: string;
  status: TaskStatus;
  /** Agent runs started (0 when the task never started). */
  attempts: number;
  /** From the task's start to its worktree's removal, retries and backoff included. */
  ms: number;
  /** Root-relative files the task changed (added, modified, deleted), sorted. */
  changedFiles: string[];
  /** `git diff --binary` of the worktree vs baseRef (new files included), paths relative to the git top level. */
  patch: string;
  error?: string;
  /** Changed files outside the footprint (status 'rejected'). */
  offending?: string[];
  /** Tasks the agent asked for in a `tasks.json` (depth + 1); not part of the patch. */
  followUps: AgentTask[];
  logFile: string;
  /** Where `ms` went; absent for a task that never started. */
  phases?: TaskPhases;
}

/** A task's time by phase (ms), all attempts; `ms` minus their sum is retry backoff and bookkeeping. */
export interface TaskPhases {
  /** Scratch files, then a new worktree or a reused one reset to the base (and the resets for retries). */
  setupMs: number;
  /** The agent process, spawn to exit (its kill included). */
  agentMs: number;
  /** Follow-ups, `git add`, the diffs. */
  collectMs: number;
  /** Handing the worktree back (kept for reuse, or removed) and removing the scratch files. */
  cleanupMs: number;
}

export interface MergeResult {
  merged: string[];
  conflicts: { id: string; files: string[] }[];
}

export interface FollowUpLimits {
  /** Deepest depth accepted (planned tasks are depth 0). */
  maxDepth: number;
  /** Most follow-ups accepted at one depth in one call. */
  maxPerDepth: number;
  /** What is left of the run's task budget (`--max-tasks`); unlimited when absent. */
  maxTasks?: number;
}

export interface RunSummary {
  done: number;
  failed: number;
  /** Tasks that needed more than one attempt (whatever their final status). */
  retried: number;
  timedOut: number;
  rejected: number;
  aborted: number;
  wallMs: number;
  taskMs: Record<string, number>;
  sumTaskMs: number;
  /** sumTaskMs / wallMs: how much running tasks side by side saved. */
  speedup: number;
  /** The tasks' phases added up, and the time spent merging their patches (when the caller measured it). */
  phaseMs: TaskPhases & { mergeMs?: number };
}
