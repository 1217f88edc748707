import type { FileMove } from '@monorefactor/core';

/** One file written by a move. */
export interface FileChange {
  /** Root-relative path. */
  path: string;
  /** Content before; `null` for a file the move creates. */
  before: string | null;
  /** Content after; `null` for a file the move deletes. */
  after: string | null;
}

/** Every edit of one move, computed from the graph; nothing is written until `applyChangeSet`. */
export interface MoveChangeSet {
  moveId: string;
  /** Text changes, sorted by path: a moved file is a deletion at its old path and a creation at its new one. */
  changes: FileChange[];
  /** Every file the move relocates (files without text changes, like assets, are moved as they are). */
  renames: FileMove[];
  /** Things a person should know or do; a package cycle the move would create starts with "would create package cycle". */
  warnings: string[];
  /**
   * Old -> new import specifiers, per (post-move) file, for MIGRATION.md. A change from a workspace
   * package specifier (`@old/x`) is one code outside the repo must make too, so its `to` is always
   * one such code can write: the file's own new specifier when that is a package specifier, else the
   * moved module's public specifier (the file now imports it relatively), or
   * `(no longer public: <new path>)` when the new package does not expose it.
   */
  specifierChanges: { file: string; from: string; to: string }[];
}

export interface ComputeMoveOptions {
  /** Leave a deprecated re-export at each moved module's old path, for consumers outside the repo. */
  shim?: boolean;
}
