// Run a command as a child process and measure its wall time, CPU time and peak memory.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';

const TIME_BIN = '/usr/bin/time';

/** GNU time, not a BSD or busybox one that lacks -f/-o. */
function hasGnuTime() {
  if (!existsSync(TIME_BIN)) return false;
  try {
    return readFileSync(TIME_BIN).includes('GNU');
  } catch {
    return false;
  }
}
const useTime = hasGnuTime();

/** How peak memory is measured, for the report. */
export const memoryMethod = useTime ? '/usr/bin/time (max RSS of the child)' : 'polling /proc/<pid>/status VmHWM';

/**
 * Run `command args` in `cwd` with stdout/stderr going to files. Resolves (never rejects) with
 * { ok, code, signal, timedOut, wallMs, cpuMs?, peakMb, stdoutFile, stderrFile }.
 */
export function measure(command, args, { cwd, env, timeoutMs = 300_000, stdoutFile, stderrFile }) {
  const out = openSync(stdoutFile, 'w');
  const err = openSync(stderrFile, 'w');
  const timeFile = `${stderrFile}.time`;
  rmSync(timeFile, { force: true });
  const argv = useTime ? ['-f', '%M %U %S', '-o', timeFile, command, ...args] : args;
  const started = performance.now();
  const child = spawn(useTime ? TIME_BIN : command, argv, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', out, err],
    detached: true, // own process group: a timeout kills the whole tree
  });
  closeSync(out);
  closeSync(err);
  let peakKb = 0;
  let poller;
  if (!useTime) {
    poller = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const hwm = /VmHWM:\s+(\d+)/.exec(status);
        if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
      } catch {
        // exited between ticks
      }
    }, 20);
  }
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  }, timeoutMs);
  return new Promise((resolve) => {
    const finish = (code, signal, error) => {
      const wallMs = performance.now() - started;
      clearTimeout(timer);
      if (poller) clearInterval(poller);
      let cpuMs;
      if (useTime && existsSync(timeFile)) {
        // GNU time writes "Command exited with non-zero status N" first when the command fails.
        const last = readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '';
        const [maxRss, user, sys] = last.split(/\s+/).map(Number);
        if (Number.isFinite(maxRss)) peakKb = maxRss;
        if (Number.isFinite(user) && Number.isFinite(sys)) cpuMs = (user + sys) * 1000;
      }
      resolve({
        ok: !timedOut && !error && code === 0,
        code,
        signal,
        timedOut,
        error: error ? String(error.message ?? error) : undefined,
        wallMs,
        cpuMs,
        peakMb: peakKb / 1024,
        stdoutFile,
        stderrFile,
      });
    };
    child.once('error', (error) => finish(null, null, error));
    child.once('exit', (code, signal) => finish(code, signal));
  });
}

export function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function cpuTimes() {
  try {
    const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const values = fields.map(Number);
    const idle = (values[3] ?? 0) + (values[4] ?? 0);
    return { idle, total: values.reduce((a, b) => a + b, 0) };
  } catch {
    return undefined;
  }
}

/** Fraction (0..1) of the machine's CPU time used by other processes over the next `ms`. */
export async function sampleBusy(ms = 500) {
  const a = cpuTimes();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const b = cpuTimes();
  if (!a || !b || b.total === a.total) return undefined;
  return 1 - (b.idle - a.idle) / (b.total - a.total);
}

/**
 * Wait (up to `maxMs`) until other processes use less than `threshold` of the CPUs, so a shared
 * machine does not skew a measurement. Returns the last busy fraction seen.
 */
export async function waitForQuiet(maxMs, threshold = 0.15) {
  const deadline = Date.now() + maxMs;
  let busy = await sampleBusy();
  while (busy !== undefined && busy > threshold && Date.now() < deadline) busy = await sampleBusy(1000);
  return busy;
}
