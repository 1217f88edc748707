/** Exit codes of the `refactor` CLI (DESIGN.md). */
export const ExitCode = {
  /** Success, or nothing found. */
  ok: 0,
  /** Findings (with `--fail-on`), failed verification, or moves that could not be applied. */
  failed: 1,
  /** Usage, configuration or input errors. */
  usage: 2,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export type ErrorCode = 'E_CONFIG' | 'E_WORKSPACE' | 'E_USAGE' | 'E_GIT_DIRTY' | 'E_NOT_GIT' | 'E_PLAN' | 'E_MOVE' | 'E_AGENT' | 'E_ABORTED';

export interface RefactorErrorOptions {
  /** One sentence telling the user how to fix it. */
  hint?: string;
  /** The file the problem is in, relative to the workspace root when possible. */
  file?: string;
  cause?: unknown;
}

/**
 * Base class of every error the engine throws on purpose. The CLI prints
 * `message` (with `file` and `hint`) on one line and exits with `exitCode`;
 * anything that is not a RefactorError is a bug and is re-thrown.
 */
export class RefactorError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly file: string | undefined;
  readonly exitCode: ExitCode;

  constructor(code: ErrorCode, message: string, options: RefactorErrorOptions = {}, exitCode: ExitCode = ExitCode.usage) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.hint = options.hint;
    this.file = options.file;
    this.exitCode = exitCode;
  }

  /** `file: message (fix: hint)` — the one line a user sees. */
  toLine(): string {
    const where = this.file ? `${this.file}: ` : '';
    const fix = this.hint ? ` (fix: ${this.hint})` : '';
    return `${where}${this.message}${fix}`;
  }
}

/** `refactor.config.json` is malformed or has an unknown key / wrong type. */
export class ConfigError extends RefactorError {
  constructor(message: string, options: RefactorErrorOptions = {}) {
    super('E_CONFIG', message, options);
  }
}

/** The directory is not a workspace we can understand (no package.json, bad workspaces field). */
export class WorkspaceError extends RefactorError {
  constructor(message: string, options: RefactorErrorOptions = {}) {
    super('E_WORKSPACE', message, options);
  }
}

/** Bad command-line input: an unknown package in `--move`, a missing plan file. */
export class UsageError extends RefactorError {
  constructor(message: string, options: RefactorErrorOptions = {}) {
    super('E_USAGE', message, options);
  }
}

/** `apply` refuses to run: the work tree is dirty or not a git repository. */
export class GitStateError extends RefactorError {
  constructor(code: 'E_GIT_DIRTY' | 'E_NOT_GIT', message: string, options: RefactorErrorOptions = {}) {
    super(code, message, options);
  }
}

/** A move or plan cannot be carried out as asked (exit 1: nothing was changed). */
export class MoveError extends RefactorError {
  constructor(message: string, options: RefactorErrorOptions = {}) {
    super('E_MOVE', message, options, ExitCode.failed);
  }
}

export function isRefactorError(error: unknown): error is RefactorError {
  return error instanceof RefactorError;
}
