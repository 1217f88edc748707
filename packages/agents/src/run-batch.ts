import { setMaxListeners } from 'node:events';
import { mkdirSync, realpathSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type EventSink, noopSink, RefactorError } from '@monorefactor/core';
import PQueue from 'p-queue';
import { collectChanges } from './collect.js';
import { cleanEnv, git, type Mutex, type RepoInfo, repoInfo, repoMutex } from './git.js';
import { buildPrompt, FOLLOW_UPS_FILE } from './prompt.js';
import { readDoneRecord, runDirOf, writeOutcomeRecord } from './record.js';
import { trackScratch, untrackScratch } from './scratch.js';
import { runAgentProcess, substituteArgs } from './spawn-agent.js';
import { TaskLog } from './task-log.js';
import type { AgentRunnerOptions, AgentTask, TaskOutcome, TaskPhases } from './types.js';
import { removeStaleTaskDirs, safeName, type TaskDir, taskBranch } from './worktree.js';
import { WorktreePool } from './worktree-pool.js';

export const DEFAULTS = { parallel: 1, timeoutMs: 600_000, retries: 2, killGraceMs: 5_000, backoffMs: 200 } as const;

/** Everything a task run needs, resolved once per batch. */
interface BatchContext {
  repo: RepoInfo;
  mutex: Mutex;
  baseSha: string;
  runDir: string;
  tmpDir: string;
  /** Task id -> unique file/branch-safe name. */
  names: Map<string, string>;
  settings: { parallel: number; timeoutMs: number; retries: number; killGraceMs: number; backoffMs: number };
  options: AgentRunnerOptions;
  emit: EventSink;
  pool: WorktreePool;
}

/**
 * Run one batch of agent tasks, each in its own worktree on its own branch from the base,
 * at most `parallel` at a time. Never rejects because a task failed: every task gets an
 * outcome (in input order). Throws a RefactorError only for bad input (not a git tree,
 * unknown base, duplicate ids, empty command).
 */
export async function runAgentBatch(tasks: AgentTask[], options: AgentRunnerOptions): Promise<TaskOutcome[]> {
  // One listener on the caller's signal; every task and timer listens to ours (no listener-count warnings).
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  const forward = () => controller.abort(options.signal?.reason);
  if (options.signal?.aborted) forward();
  else options.signal?.addEventListener('abort', forward, { once: true });
  try {
    return await runBatch(tasks, { ...options, signal: controller.signal });
  } finally {
    options.signal?.removeEventListener('abort', forward);
  }
}

async function runBatch(tasks: AgentTask[], options: AgentRunnerOptions): Promise<TaskOutcome[]> {
  const context = await prepareBatch(tasks, options);
  if (!options.signal?.aborted) await removeStaleTaskDirs(context.repo, context.mutex, options.runId);
  const branches = tasks.map((task) => taskBranch(options.runId, context.names.get(task.id) ?? safeName(task.id)));
  await context.pool.prepare(branches, context.settings.parallel, options.signal);
  const queue = new PQueue({ concurrency: context.settings.parallel });
  const runs = await Promise.allSettled(tasks.map((task) => queue.add(() => runTask(task, context))));
  await context.pool.close();
  return runs.map((run) => {
    if (run.status === 'rejected') throw run.reason;
    return run.value;
  });
}

async function prepareBatch(tasks: AgentTask[], options: AgentRunnerOptions): Promise<BatchContext> {
  const settings = {
    parallel: options.parallel ?? DEFAULTS.parallel,
    timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
    retries: options.retries ?? DEFAULTS.retries,
    killGraceMs: options.killGraceMs ?? DEFAULTS.killGraceMs,
    backoffMs: options.backoffMs ?? DEFAULTS.backoffMs,
  };
  const invalid = (message: string, hint: string) => new RefactorError('E_AGENT', message, { hint });
  if (!Array.isArray(options.command) || options.command.length === 0 || options.command.some((arg) => typeof arg !== 'string')) {
    throw invalid('the agent command is empty', 'set agent.command in refactor.config.json or pass --agent "<command>"');
  }
  if (!Number.isInteger(settings.parallel) || settings.parallel < 1)
    throw invalid(`--parallel must be a positive integer, got ${settings.parallel}`, 'pass --parallel 4');
  if (!(settings.timeoutMs > 0)) throw invalid(`agent.timeoutMs must be positive, got ${settings.timeoutMs}`, 'use e.g. 600000 (10 minutes)');
  if (!Number.isInteger(settings.retries) || settings.retries < 0) throw invalid(`agent.retries must be 0 or more, got ${settings.retries}`, 'use e.g. 2');
  if (!options.runId) throw invalid('runId is empty', 'pass the id of the run');

  const names = new Map<string, string>();
  const usedNames = new Set<string>();
  for (const task of tasks) {
    if (names.has(task.id)) throw invalid(`task id ${task.id} appears twice in batch ${options.batch}`, 'give every task a unique id');
    let name = safeName(task.id);
    for (let n = 2; usedNames.has(name.toLowerCase()); n++) name = `${safeName(task.id)}-${n}`;
    usedNames.add(name.toLowerCase());
    names.set(task.id, name);
  }

  const repo = await repoInfo(options.root);
  const resolved = await git(repo.top, ['rev-parse', '--verify', '--quiet', `${options.baseRef}^{commit}`], { allowFail: true });
  if (resolved.exitCode !== 0) throw invalid(`base ${options.baseRef} is not a commit of ${repo.top}`, 'pass the sha the batch starts from');

  const tmpDir = realpathSync(options.tmpDir ?? os.tmpdir());
  const top = realpathSync(repo.top);
  if (tmpDir === top || tmpDir.startsWith(`${top}${path.sep}`)) {
    throw invalid(`the scratch directory ${tmpDir} is inside the work tree`, 'set TMPDIR (or tmpDir) to a directory outside the repository');
  }
  const runDir = runDirOf(repo.commonDir, options.runId, safeName);
  mkdirSync(runDir, { recursive: true });
  const mutex = repoMutex(repo.commonDir);
  const baseSha = resolved.stdout.trim();
  return {
    repo,
    mutex,
    baseSha,
    pool: new WorktreePool(repo, mutex, { tmpDir, baseSha, runLabel: safeName(options.runId).slice(0, 40), reuse: options.reuseWorktrees ?? true }),
    runDir,
    tmpDir,
    names,
    settings,
    options,
    emit: options.onEvent ?? noopSink,
  };
}

function titleOf(task: AgentTask): string {
  if (task.kind === 'move' && task.fromPackage && task.toPackage) return `move ${task.files.length} file(s) ${task.fromPackage} -> ${task.toPackage}`;
  const line = task.prompt.trim().split('\n')[0] ?? task.id;
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

/** The task as the agent sees it (`REFACTOR_TASK`, DESIGN.md "Agents"). */
function taskJson(task: AgentTask): string {
  const { id, kind, prompt, files, footprint, fromPackage, toPackage, depth } = task;
  return `${JSON.stringify({ id, kind, prompt, files, footprint, fromPackage, toPackage, depth }, null, 2)}\n`;
}

async function runTask(task: AgentTask, context: BatchContext): Promise<TaskOutcome> {
  const { options, settings, emit, repo, baseSha } = context;
  const name = context.names.get(task.id) ?? safeName(task.id);
  const logFile = path.join(context.runDir, `${name}.log`);
  const recordFile = path.join(context.runDir, `${name}.json`);
  const outcome: TaskOutcome = { id: task.id, status: 'aborted', attempts: 0, ms: 0, changedFiles: [], patch: '', followUps: [], logFile };
  const end = () => {
    emit({
      type: 'task:end',
      task: task.id,
      status: outcome.status,
      ms: outcome.ms,
      attempt: outcome.attempts,
      ...(outcome.error ? { error: outcome.error } : {}),
    });
    return outcome;
  };

  if (options.signal?.aborted) {
    outcome.error = 'aborted before it started';
    return end();
  }
  if (options.resume) {
    const recorded = await readDoneRecord(recordFile, baseSha);
    if (recorded) {
      Object.assign(outcome, recorded, { logFile });
      emit({ type: 'task:start', batch: options.batch, task: task.id, title: titleOf(task), attempt: outcome.attempts });
      emit({ type: 'task:log', task: task.id, stream: 'info', line: 'finished in the interrupted run: reusing its result' });
      return end();
    }
  }

  const started = performance.now();
  // Each phase's time is added as it ends: the benchmark's overhead breakdown reads them.
  const phases: TaskPhases = { setupMs: 0, agentMs: 0, collectMs: 0, cleanupMs: 0 };
  let mark = started;
  const lap = (phase: keyof TaskPhases) => {
    const now = performance.now();
    phases[phase] += now - mark;
    mark = now;
  };
  const log = new TaskLog(logFile);
  const info = (line: string) => {
    log.line('info', line);
    emit({ type: 'task:log', task: task.id, stream: 'info', line });
  };
  emit({ type: 'task:start', batch: options.batch, task: task.id, title: titleOf(task), attempt: 1 });
  let taskDir: TaskDir | undefined;
  let filesDir: string | undefined;
  /** The worktree may serve the next task only if its agent exited by itself. */
  let reusable = false;
  try {
    // task.json and prompt.md live in the task's own scratch dir (kept across retries), outside the worktree.
    filesDir = await mkdtemp(path.join(context.tmpDir, `refactor-${safeName(options.runId).slice(0, 40)}-${name.slice(0, 40)}-`));
    trackScratch(filesDir);
    const taskFile = path.join(filesDir, 'task.json');
    const promptFile = path.join(filesDir, 'prompt.md');
    await writeFile(taskFile, taskJson(task));
    await writeFile(promptFile, buildPrompt(task, options.context));
    const argv = substituteArgs(options.command, { promptFile, taskFile });
    const acquired = await context.pool.acquire(taskBranch(options.runId, name));
    taskDir = acquired.dir;
    lap('setupMs');
    info(`worktree ${taskDir.worktree} on ${taskDir.branch} (${acquired.reused ? 'reused' : 'new'})`);

    for (let attempt = 1; ; attempt++) {
      if (attempt > 1) {
        mark = performance.now(); // the backoff is no phase
        taskDir = await context.pool.reset(taskDir);
        lap('setupMs');
      }
      const agentCwd = path.join(taskDir.worktree, repo.prefix);
      outcome.attempts = attempt;
      if (attempt > 1) emit({ type: 'task:start', batch: options.batch, task: task.id, title: titleOf(task), attempt });
      info(`attempt ${attempt} of ${settings.retries + 1}: ${argv.join(' ')} (in ${agentCwd})`);
      const exit = await runAgentProcess({
        argv,
        cwd: agentCwd,
        env: cleanEnv({
          ...options.env,
          REFACTOR_TASK: taskFile,
          REFACTOR_PROMPT: promptFile,
          REFACTOR_TASK_ID: task.id,
          REFACTOR_ATTEMPT: String(attempt),
          REFACTOR_RUN_ID: options.runId,
          REFACTOR_BATCH: String(options.batch),
          REFACTOR_WORKTREE: taskDir.worktree,
          REFACTOR_FOLLOWUPS: path.join(agentCwd, FOLLOW_UPS_FILE),
        }),
        timeoutMs: settings.timeoutMs,
        killGraceMs: settings.killGraceMs,
        signal: options.signal,
        onLine: (stream, line) => {
          log.line(stream, line);
          emit({ type: 'task:log', task: task.id, stream, line });
        },
        onNote: info,
      });

      lap('agentMs');
      reusable = exit.kind === 'exit';
      if (exit.kind === 'aborted') {
        outcome.status = 'aborted';
        outcome.error = 'aborted while running';
        break;
      }
      if (exit.kind === 'spawn-error') {
        outcome.status = 'failed';
        outcome.error = `cannot start the agent: ${exit.message}`;
        break;
      }
      if (exit.kind === 'exit' && exit.code === 0) {
        const changes = await collectChanges(repo, taskDir.worktree, baseSha, task);
        lap('collectMs');
        for (const problem of changes.problems) {
          info(problem);
          emit({ type: 'warn', message: problem });
        }
        Object.assign(outcome, { changedFiles: changes.changedFiles, patch: changes.patch, followUps: changes.followUps });
        if (changes.offending.length > 0) {
          outcome.status = 'rejected';
          outcome.offending = changes.offending;
          outcome.error = `changed ${changes.offending.length} file(s) outside its footprint: ${changes.offending.join(', ')}`;
        } else {
          outcome.status = 'done';
          delete outcome.error;
        }
        break;
      }

      outcome.status = exit.kind === 'timeout' ? 'timeout' : 'failed';
      outcome.error =
        exit.kind === 'timeout'
          ? `timed out after ${settings.timeoutMs} ms`
          : exit.signal
            ? `the agent was killed by ${exit.signal}`
            : `the agent exited with code ${exit.code}`;
      if (attempt > settings.retries) break;
      const delay = settings.backoffMs * 2 ** (attempt - 1);
      info(`${outcome.error}; retrying in ${delay} ms`);
      try {
        await sleep(delay, undefined, options.signal ? { signal: options.signal } : {});
      } catch {
        outcome.status = 'aborted';
        outcome.error = 'aborted while waiting to retry';
        break;
      }
    }
  } catch (error) {
    outcome.status = 'failed';
    outcome.error = error instanceof Error ? error.message : String(error);
  } finally {
    mark = performance.now();
    if (taskDir) await context.pool.release(taskDir, reusable && !options.signal?.aborted);
    if (filesDir) {
      await rm(filesDir, { recursive: true, force: true });
      untrackScratch(filesDir);
    }
    lap('cleanupMs');
    outcome.phases = roundPhases(phases);
    outcome.ms = Math.round(performance.now() - started);
    log.line('info', `${outcome.status} after ${outcome.ms} ms${outcome.error ? `: ${outcome.error}` : ''}`);
    await log.close();
    if (outcome.status !== 'aborted') await writeOutcomeRecord(recordFile, options.batch, baseSha, outcome).catch(() => undefined);
  }
  return end();
}

function roundPhases(phases: TaskPhases): TaskPhases {
  return {
    setupMs: Math.round(phases.setupMs),
    agentMs: Math.round(phases.agentMs),
    collectMs: Math.round(phases.collectMs),
    cleanupMs: Math.round(phases.cleanupMs),
  };
}
