/** `refactor.config.json` at the workspace root (DESIGN.md "Configuration"). */
export interface RefactorConfig {
  /** Where code belongs: files matching `files` (glob, root-relative) belong in package `to`. */
  placement: PlacementRule[];
  /** Forbidden package edges. */
  boundaries: BoundaryRule[];
  /** Moves to plan when no `--move` is given. */
  moves: MoveSpec[];
  /** Globs of files the analyzer skips. */
  ignore: string[];
  verify: VerifyConfig;
  agent?: AgentConfig;
}

export interface PlacementRule {
  files: string;
  to: string;
}

export interface BoundaryRule {
  name: string;
  /** Package name or glob (`@acme/*`) the rule applies to. */
  from: string;
  /** Packages (names or globs) `from` must not import. */
  deny?: string[];
  /** When set, `from` may import only these packages (names or globs). */
  allow?: string[];
  /** Optional file glob restricting the rule to some files of `from` (e.g. `packages/cli/src/**`). */
  files?: string;
  /** Deny importing these module specifiers (bare names or globs, e.g. `node:fs`, `fs`). */
  denyModules?: string[];
}

/** A requested move: a file or directory to a package name or a directory. */
export interface MoveSpec {
  from: string;
  to: string;
}

export interface VerifyConfig {
  /** Shell command for the typecheck gate; `false` disables it. */
  typecheck?: string | false;
  /** Shell command for the test gate; `{files}` becomes the affected test files, `{packages}` the affected package dirs; `false` disables it. */
  test?: string | false;
}

export interface AgentConfig {
  /** argv; `{promptFile}` and `{taskFile}` are replaced. Run without a shell. */
  command: string[];
  timeoutMs?: number;
  retries?: number;
}

export const DEFAULT_CONFIG: RefactorConfig = {
  placement: [],
  boundaries: [],
  moves: [],
  ignore: [],
  verify: {},
};
