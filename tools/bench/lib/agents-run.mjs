// One measured `refactor apply --tasks` run of the agent benchmark, through the real CLI: the
// workspace reset to its base commit, the CLI started with --json, every NDJSON event stamped on
// arrival, then the run report and the tasks' outcome records read from .git/refactor/runs/.
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { TASKS_FILE } from './agents-workspace.mjs';

/** Back to the generated commit: no refactor commit, no MIGRATION.md, no journal (node_modules is ignored, kept). */
export function resetWorkspace(dir, base) {
  execFileSync('git', ['reset', '-q', '--hard', base], { cwd: dir, stdio: 'ignore' });
  execFileSync('git', ['clean', '-q', '-fd'], { cwd: dir, stdio: 'ignore' });
  rmSync(path.join(dir, '.git', 'refactor'), { recursive: true, force: true });
}

/** Start the CLI, stamp its events, wait for it to exit. Resolves with the timeline and the raw output. */
function runCli(cli, args, { cwd, env, timeoutMs }) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [cli, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const events = [];
    let stderr = '';
    createInterface({ input: child.stdout }).on('line', (line) => {
      const at = performance.now() - started;
      try {
        events.push({ at, event: JSON.parse(line) });
      } catch {
        events.push({ at, event: { type: 'text', line } });
      }
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGINT'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, wallMs: performance.now() - started, events, stderr });
    });
  });
}

const first = (events, type) => events.find((e) => e.event.type === type)?.at;
const last = (events, type) => events.findLast((e) => e.event.type === type)?.at;

/**
 * One run at `parallel`: wall time and its parts (from event arrival times), the run report's
 * summary, and each task's phases (from its outcome record).
 */
export async function measureRun({ cli, dir, base, agent, tasks, parallel, taskMs, timeoutMs }) {
  resetWorkspace(dir, base);
  const args = ['apply', '.', '--tasks', TASKS_FILE, '--executor', 'agent', '--agent', agent, '--parallel', String(parallel), '--yes', '--json'];
  const run = await runCli(cli, args, { cwd: dir, env: { REFACTOR_AGENT_SLEEP_MS: String(taskMs) }, timeoutMs });
  const summaryEvent = run.events.find((e) => e.event.type === 'summary')?.event;
  if (run.code !== 0 || summaryEvent?.done !== tasks) {
    const tail = run.events
      .slice(-8)
      .map((e) => JSON.stringify(e.event))
      .join('\n');
    throw new Error(`refactor ${args.join(' ')} exited ${run.code}:\n${tail}\n${run.stderr}`);
  }
  const runsDir = path.join(dir, '.git', 'refactor', 'runs');
  const [runId] = readdirSync(runsDir);
  const report = JSON.parse(readFileSync(path.join(runsDir, runId, 'report.json'), 'utf8'));
  const records = readdirSync(path.join(runsDir, runId))
    .filter((file) => /^T\d+\.json$/.test(file))
    .map((file) => JSON.parse(readFileSync(path.join(runsDir, runId, file), 'utf8')).outcome);

  const { events } = run;
  const at = {
    batchStart: first(events, 'batch:start'),
    lastTaskEnd: last(events, 'task:end'),
    verifyStart: first(events, 'verify:start'),
    verifyEnd: last(events, 'verify:end'),
    commit: first(events, 'commit'),
    exit: run.wallMs,
  };
  const gates = Object.fromEntries(events.filter((e) => e.event.type === 'verify:end').map((e) => [e.event.gate, { ok: e.event.ok, ms: e.event.ms }]));
  return { parallel, wallMs: run.wallMs, at, gates, summary: report.summary, records };
}
