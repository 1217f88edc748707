import { setTimeout as sleep } from 'node:timers/promises';
import { execa } from 'execa';
import { isGroupAlive, killTree, trackGroup, untrackGroup } from './process-tree.js';
import { LineSplitter } from './task-log.js';

export interface AgentProcessOptions {
  argv: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  timeoutMs: number;
  killGraceMs: number;
  signal?: AbortSignal | undefined;
  onLine: (stream: 'stdout' | 'stderr', line: string) => void;
  /** Told the agent's pid once it runs (and that processes it left behind are being killed). */
  onNote?: (note: string) => void;
}

export type AgentExit =
  | { kind: 'exit'; code: number | null; signal: string | null; pid: number }
  | { kind: 'timeout'; pid: number }
  | { kind: 'aborted'; pid?: number }
  /** The command could not be started at all (not found, not executable): retrying will not help. */
  | { kind: 'spawn-error'; message: string };

/** `{promptFile}` / `{taskFile}` anywhere in an argument. */
export function substituteArgs(argv: string[], files: { promptFile: string; taskFile: string }): string[] {
  return argv.map((arg) => arg.replaceAll('{promptFile}', files.promptFile).replaceAll('{taskFile}', files.taskFile));
}

/**
 * Run one agent attempt: no shell, detached in its own process group, stdout/stderr streamed
 * line by line. A timeout or an abort kills the whole group (SIGTERM, then SIGKILL after the
 * grace period); processes the agent leaves behind when it exits are killed the same way.
 */
export async function runAgentProcess(options: AgentProcessOptions): Promise<AgentExit> {
  if (options.signal?.aborted) return { kind: 'aborted' };
  const [file, ...args] = options.argv;
  if (!file) return { kind: 'spawn-error', message: 'the agent command is empty' };

  const child = execa(file, args, {
    cwd: options.cwd,
    env: options.env,
    extendEnv: false,
    detached: true,
    cleanup: false,
    reject: false,
    buffer: false,
    stdin: 'ignore',
    stdout: 'pipe',
    stderr: 'pipe',
    windowsHide: true,
  });
  const pid = child.pid;
  if (pid !== undefined) trackGroup(pid);

  const splitters = {
    stdout: new LineSplitter((line) => options.onLine('stdout', line)),
    stderr: new LineSplitter((line) => options.onLine('stderr', line)),
  };
  child.stdout?.on('data', (chunk: Buffer) => splitters.stdout.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => splitters.stderr.push(chunk));

  let reason: 'timeout' | 'aborted' | undefined;
  let killing: Promise<void> | undefined;
  let exited: { code: number | null; signal: string | null } | undefined;
  const kill = (why: 'timeout' | 'aborted' | 'leftovers') => {
    if (why !== 'leftovers' && !exited) reason ??= why;
    if (pid === undefined || killing) return;
    killing = killTree(pid, options.killGraceMs);
  };
  const timer = setTimeout(() => kill('timeout'), options.timeoutMs);
  const onAbort = () => kill('aborted');
  options.signal?.addEventListener('abort', onAbort, { once: true });

  // When the agent itself exits, whatever it left running in its group is killed too; if a
  // descendant escaped the group and still holds our pipes, stop waiting for them.
  child.on('exit', (code, signal) => {
    exited = { code, signal };
    clearTimeout(timer);
    if (pid !== undefined && isGroupAlive(pid)) {
      options.onNote?.('the agent exited and left processes running: killing them');
      kill('leftovers');
    }
    void (async () => {
      await killing;
      await sleep(1000, undefined, { ref: false });
      child.stdout?.destroy();
      child.stderr?.destroy();
    })();
  });

  try {
    const result = await child;
    await killing;
    splitters.stdout.end();
    splitters.stderr.end();
    if (pid === undefined || (result.failed && result.exitCode === undefined && result.signal === undefined && !exited)) {
      return { kind: 'spawn-error', message: result.shortMessage ?? result.message ?? 'the agent could not be started' };
    }
    if (reason === 'timeout') return { kind: 'timeout', pid };
    if (reason === 'aborted') return { kind: 'aborted', pid };
    return { kind: 'exit', code: exited?.code ?? result.exitCode ?? null, signal: exited?.signal ?? result.signal ?? null, pid };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
    if (pid !== undefined) untrackGroup(pid);
  }
}
