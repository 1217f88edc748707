import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { VerifyConfig } from '@monorefactor/core';
import { execa } from 'execa';

export interface CommandResult {
  ok: boolean;
  output: string;
  ms: number;
}

/** Process groups of the gate commands running now, killed if this process exits first. */
const runningGroups = new Set<number>();
let exitHookInstalled = false;

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/**
 * Run a user command through the shell (config commands are shell strings), capturing all output.
 * The command gets a process group of its own: Ctrl-C in a terminal signals the whole foreground
 * group, and a gate killed that way would read as a failed gate (the CLI stops between batches
 * instead). Cancelling, a timeout, or this process exiting kill the command's whole group.
 */
export async function runShell(
  command: string,
  cwd: string,
  options: {
    timeoutMs?: number;
    signal?: AbortSignal;
    /** All of the output, not its last lines. */
    full?: boolean;
  } = {},
): Promise<CommandResult> {
  const started = performance.now();
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const pid of runningGroups) killGroup(pid, 'SIGKILL');
    });
  }
  const subprocess = execa(command, {
    cwd,
    shell: true,
    reject: false,
    all: true,
    detached: true,
    timeout: options.timeoutMs ?? 15 * 60_000,
    cancelSignal: options.signal,
    env: { CI: 'true', FORCE_COLOR: '0', NO_COLOR: '1' },
    stdin: 'ignore',
  });
  const pid = subprocess.pid;
  const onAbort = () => {
    if (pid !== undefined) killGroup(pid, 'SIGTERM');
  };
  if (pid !== undefined) runningGroups.add(pid);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const result = await subprocess;
    // A timeout kills the shell; what it started goes with its group.
    if (result.timedOut && pid !== undefined) killGroup(pid, 'SIGKILL');
    const output = options.full ? (result.all ?? '').trimEnd() : tail(result.all ?? '');
    return { ok: result.exitCode === 0, output, ms: Math.round(performance.now() - started) };
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    if (pid !== undefined) runningGroups.delete(pid);
  }
}

/** The last lines of a command's output: where tools print their verdict. */
export function tail(text: string, lines = 60): string {
  const all = text.trimEnd().split('\n');
  return all.slice(-lines).join('\n');
}

interface RootScripts {
  scripts?: Record<string, string>;
}

export function rootScripts(root: string): Record<string, string> {
  const file = path.join(root, 'package.json');
  if (!existsSync(file)) return {};
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as RootScripts).scripts ?? {};
  } catch {
    return {};
  }
}

/** Shell-quote each item (single quotes), space-separated. */
export function shellQuote(items: string[]): string {
  return items.map((item) => `'${item.replaceAll("'", "'\\''")}'`).join(' ');
}

/**
 * The test command for the affected packages: config (with `{files}`/`{packages}`), else the
 * repo's `test` script, filtered to the affected package directories when the runner takes
 * path filters (vitest, jest), else whole.
 */
export function testCommand(root: string, verify: VerifyConfig, affectedDirs: string[], affectedTests: string[]): string | undefined {
  if (verify.test === false) return undefined;
  if (verify.test) return verify.test.replaceAll('{files}', shellQuote(affectedTests)).replaceAll('{packages}', shellQuote(affectedDirs));
  const script = rootScripts(root).test;
  if (!script || /no test specified/.test(script)) return undefined;
  if (/^\s*(vitest|jest)\b/.test(script) && affectedDirs.length > 0) return `npm run -s test -- --passWithNoTests ${shellQuote(affectedDirs)}`;
  return 'npm run -s test';
}
