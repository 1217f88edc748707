/** Which renderer fits the output: the ink views, or plain lines / NDJSON. */
export type RendererKind = 'ink' | 'lines' | 'json';

export interface TerminalInfo {
  stdout: { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  /** `--json` was given. */
  json?: boolean;
}

/** True for `CI=true`, `CI=1` and friends (`CI=false`/`CI=0` are not CI). */
export function isCI(env: NodeJS.ProcessEnv): boolean {
  const value = env.CI;
  if (value === undefined || value === '' || value === '0' || value.toLowerCase() === 'false')
    return Boolean(env.CONTINUOUS_INTEGRATION || env.BUILD_NUMBER || env.GITHUB_ACTIONS);
  return true;
}

/**
 * `json` with `--json`; `ink` only on a terminal that is not CI and not `TERM=dumb`; otherwise
 * `lines`. Neither `json` nor `lines` may write escape codes.
 */
export function chooseRenderer(info: TerminalInfo): RendererKind {
  if (info.json) return 'json';
  if (!info.stdout.isTTY || isCI(info.env) || info.env.TERM === 'dumb') return 'lines';
  return 'ink';
}
