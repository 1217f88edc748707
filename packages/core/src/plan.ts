export type ExecutorKind = 'codemod' | 'agent';

export interface FileMove {
  from: string;
  to: string;
}

/** One planned move (DESIGN.md `refactor plan --json`). */
export interface PlannedMove {
  id: string;
  files: FileMove[];
  fromPackage: string;
  toPackage: string;
  /** Every file the move writes (moved files included), root-relative, sorted. */
  footprint: string[];
  executor: ExecutorKind;
  /** Ids of moves that must land first. */
  dependsOn?: string[];
  /** Relative cost estimate (files written), used for the critical path and time estimate. */
  cost?: number;
  /** Why this move was planned (the finding's reasons, or "requested"). */
  reasons?: string[];
}

/** A free-form agent task (`apply --tasks`). */
export interface AgentTaskSpec {
  id: string;
  prompt: string;
  /** Globs of files the task may write. */
  footprint: string[];
  dependsOn?: string[];
  /** Recursion depth; follow-up tasks written by an agent get depth + 1. */
  depth?: number;
}

export interface TasksFile {
  version: 1;
  tasks: AgentTaskSpec[];
}

/** `refactor plan --json`, version 1. */
export interface Plan {
  version: 1;
  moves: PlannedMove[];
  batches: string[][];
  criticalPath: string[];
  /** Estimated cost of running the moves one by one vs batch by batch (relative units). */
  estimate?: { sequential: number; parallel: number };
  /** Moves that could not be planned, with the reason (e.g. would create a package cycle). */
  rejected?: { id: string; reason: string }[];
}
