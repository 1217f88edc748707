import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mergeOutcomes, runAgentBatch } from './index.js';
import type { AgentTask, TaskOutcome } from './types.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures/agents');
const sh = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
const lines = (n: number) => Array.from({ length: n }, (_, i) => `export const v${i} = ${i};\n`).join('');

let scratch: string;
let repo: string;
let base: string;

beforeEach(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'agents-merge-'));
  repo = path.join(scratch, 'repo');
  for (const [file, text] of Object.entries({ 'packages/a/src/a.ts': lines(12), 'packages/b/src/b.ts': lines(3) })) {
    mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    writeFileSync(path.join(repo, file), text);
  }
  sh(repo, 'init', '--quiet', '--initial-branch=main');
  sh(repo, 'add', '--all');
  sh(repo, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '--quiet', '-m', 'init');
  base = sh(repo, 'rev-parse', 'HEAD');
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

const task = (id: string, files: string[], prompt = 'append'): AgentTask => ({ id, kind: 'task', prompt, files, footprint: files, depth: 0 });

/** Run the tasks as one batch (fake agents in parallel), all expected 'done'. */
async function run(tasks: AgentTask[], command = [process.execPath, path.join(FIXTURES, 'move-correct.mjs')]): Promise<TaskOutcome[]> {
  const outcomes = await runAgentBatch(tasks, { root: repo, baseRef: base, command, parallel: 4, timeoutMs: 20_000, retries: 0, runId: 'm', batch: 1 });
  expect(outcomes.map((o) => o.status)).toEqual(tasks.map(() => 'done'));
  return outcomes;
}

describe('mergeOutcomes', () => {
  it('merges two disjoint tasks into the work tree, staged and uncommitted', async () => {
    const outcomes = await run([task('T1', ['packages/a/src/a.ts']), task('T2', ['packages/b/src/b.ts', 'packages/b/src/new.ts'])]);
    expect(await mergeOutcomes(repo, outcomes)).toEqual({ merged: ['T1', 'T2'], conflicts: [] });
    expect(sh(repo, 'rev-parse', 'HEAD')).toBe(base);
    expect(sh(repo, 'status', '--porcelain').split('\n')).toEqual(['M  packages/a/src/a.ts', 'M  packages/b/src/b.ts', 'A  packages/b/src/new.ts']);
    expect(readFileSync(path.join(repo, 'packages/b/src/new.ts'), 'utf8')).toBe('// done by T2\n');
  });

  it('fails only the task that conflicts, with its files, and rolls all of its changes back', async () => {
    // T2 conflicts on a.ts (same end of file) and would also change b.ts and add new.ts cleanly.
    const outcomes = await run([
      task('T1', ['packages/a/src/a.ts', 'packages/a/src/new.ts']),
      task('T2', ['packages/a/src/a.ts', 'packages/b/src/b.ts', 'packages/a/src/new.ts']),
      task('T3', ['packages/b/src/other.ts']),
    ]);
    const result = await mergeOutcomes(repo, outcomes);
    expect(result).toEqual({ merged: ['T1', 'T3'], conflicts: [{ id: 'T2', files: ['packages/a/src/a.ts', 'packages/a/src/new.ts'] }] });
    expect(readFileSync(path.join(repo, 'packages/a/src/a.ts'), 'utf8')).toBe(`${lines(12)}// done by T1\n`);
    expect(readFileSync(path.join(repo, 'packages/a/src/new.ts'), 'utf8')).toBe('// done by T1\n');
    expect(readFileSync(path.join(repo, 'packages/b/src/b.ts'), 'utf8')).toBe(lines(3));
    expect(sh(repo, 'ls-files', '--unmerged')).toBe('');
    expect(sh(repo, 'status', '--porcelain').split('\n')).toEqual(['M  packages/a/src/a.ts', 'A  packages/a/src/new.ts', 'A  packages/b/src/other.ts']);
  });

  it('merges two edits of the same file that do not overlap', async () => {
    // The agent prepends or appends a line, as its prompt says.
    const script = [
      "const fs = require('node:fs'); const t = JSON.parse(fs.readFileSync(process.env.REFACTOR_TASK, 'utf8'));",
      "const f = t.files[0]; const line = '// ' + t.id + '\\n'; const old = fs.readFileSync(f, 'utf8');",
      "fs.writeFileSync(f, t.prompt === 'prepend' ? line + old : old + line);",
    ].join(' ');
    const outcomes = await run([task('P', ['packages/a/src/a.ts'], 'prepend'), task('Q', ['packages/a/src/a.ts'], 'append')], [process.execPath, '-e', script]);
    expect(await mergeOutcomes(repo, outcomes)).toEqual({ merged: ['P', 'Q'], conflicts: [] });
    expect(readFileSync(path.join(repo, 'packages/a/src/a.ts'), 'utf8')).toBe(`// P\n${lines(12)}// Q\n`);
  });

  it("reports a patch that does not apply over the user's own edits, and leaves those edits alone", async () => {
    const [t1] = await run([task('T1', ['packages/a/src/a.ts'])]);
    writeFileSync(path.join(repo, 'packages/a/src/a.ts'), 'my own edit\n');
    expect(await mergeOutcomes(repo, [t1!])).toEqual({ merged: [], conflicts: [{ id: 'T1', files: ['packages/a/src/a.ts'] }] });
    expect(readFileSync(path.join(repo, 'packages/a/src/a.ts'), 'utf8')).toBe('my own edit\n');
  });

  it('applies patches of disjoint files in one go; when one of them does not apply, merges the others one by one', async () => {
    const outcomes = await run([task('T1', ['packages/a/src/a.ts']), task('T2', ['packages/b/src/b.ts']), task('T3', ['packages/c/new.ts'])]);
    expect(await mergeOutcomes(repo, outcomes)).toEqual({ merged: ['T1', 'T2', 'T3'], conflicts: [] });
    expect(sh(repo, 'status', '--porcelain').split('\n')).toEqual(['M  packages/a/src/a.ts', 'M  packages/b/src/b.ts', 'A  packages/c/new.ts']);
    sh(repo, 'reset', '--quiet', '--hard');
    sh(repo, 'clean', '-fdq');
    // The user's own edit of b.ts: the all-at-once patch must leave a.ts untouched before the one-by-one merge.
    writeFileSync(path.join(repo, 'packages/b/src/b.ts'), 'my own edit\n');
    expect(await mergeOutcomes(repo, outcomes)).toEqual({ merged: ['T1', 'T3'], conflicts: [{ id: 'T2', files: ['packages/b/src/b.ts'] }] });
    expect(readFileSync(path.join(repo, 'packages/a/src/a.ts'), 'utf8')).toBe(`${lines(12)}// done by T1\n`);
    expect(readFileSync(path.join(repo, 'packages/b/src/b.ts'), 'utf8')).toBe('my own edit\n');
  });

  it('skips tasks that did not finish', async () => {
    const [done] = await run([task('T1', ['packages/a/src/a.ts'])]);
    const failed: TaskOutcome = { ...done!, id: 'T2', status: 'rejected', patch: done!.patch };
    expect(await mergeOutcomes(repo, [failed, done!])).toEqual({ merged: ['T1'], conflicts: [] });
  });
});
