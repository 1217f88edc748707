import { describe, expect, it } from 'vitest';
import { buildPrompt, describeContext, outsideFootprint, parseFollowUps, planFollowUps, summarize } from './index.js';
import { substituteArgs } from './spawn-agent.js';
import { LineSplitter } from './task-log.js';
import type { AgentTask, TaskOutcome } from './types.js';
import { safeName } from './worktree.js';

const task = (id: string, extra: Partial<AgentTask> = {}): AgentTask => ({
  id,
  kind: 'task',
  prompt: `do ${id}`,
  files: [],
  footprint: ['packages/a/**'],
  depth: 0,
  ...extra,
});
const outcome = (id: string, extra: Partial<TaskOutcome> = {}): TaskOutcome => ({
  id,
  status: 'done',
  attempts: 1,
  ms: 100,
  changedFiles: [],
  patch: '',
  followUps: [],
  logFile: `/x/${id}.log`,
  ...extra,
});

describe('buildPrompt', () => {
  it('says what to do, where the agent may write, the conventions and the context', () => {
    const prompt = buildPrompt(
      task('M1', {
        kind: 'move',
        prompt: 'Move the MCP client to @acme/mcp.',
        files: ['packages/shared/src/mcp/client.ts'],
        footprint: ['packages/shared/src/mcp/**', 'packages/mcp/**'],
        fromPackage: '@acme/shared',
        toPackage: '@acme/mcp',
      }),
      describeContext({
        importConventions: ['import by package name'],
        verify: ['npx tsc -b'],
        earlier: [{ id: 'M0', status: 'done', changedFiles: ['x.ts'] }],
      }),
    );
    expect(prompt.split('\n')[0]).toBe('# Move code from @acme/shared to @acme/mcp');
    for (const text of [
      'Move the MCP client to @acme/mcp.',
      '- packages/shared/src/mcp/client.ts',
      '- packages/shared/src/mcp/**\n- packages/mcp/**',
      'Any change to another file gets the whole task rejected.',
      "Follow the repository's import conventions",
      '## Import conventions of this repository\n\n- import by package name',
      '- npx tsc -b',
      '- M0: done (x.ts)',
      '`tasks.json`',
    ]) {
      expect(prompt).toContain(text);
    }
  });
});

describe('footprint', () => {
  it('allows globs, files and directories; everything else is offending', () => {
    const files = ['packages/a/src/x.ts', 'packages/a/.env', 'packages/b/package.json', 'packages/c/src/deep/y.ts', 'README.md', 'packages/cc/z.ts'];
    expect(outsideFootprint(files, ['packages/a/**', './packages/b/package.json', 'packages/c/'])).toEqual(['README.md', 'packages/cc/z.ts']);
    expect(outsideFootprint(files, [])).toEqual([...files].sort());
  });
});

describe('follow-ups', () => {
  const parent = task('T1', { depth: 1 });

  it('parses tasks.json, skipping invalid entries with a reason', () => {
    const text = JSON.stringify({
      version: 1,
      tasks: [
        { id: 'a', prompt: 'x', footprint: ['p/**'] },
        { prompt: 'no id', footprint: ['q/**'], dependsOn: ['a', 'OTHER'] },
        { id: 'c', prompt: '', footprint: ['p/**'] },
        { id: 'd', prompt: 'no footprint' },
      ],
    });
    const { tasks, problems } = parseFollowUps(text, parent);
    expect(tasks).toEqual([
      { id: 'T1.a', kind: 'task', prompt: 'x', files: [], footprint: ['p/**'], depth: 2 },
      { id: 'T1.2', kind: 'task', prompt: 'no id', files: [], footprint: ['q/**'], depth: 2, dependsOn: ['T1.a', 'OTHER'] },
    ]);
    expect(problems).toEqual(['T1: follow-up c has no prompt', 'T1: follow-up d has no footprint']);
    expect(parseFollowUps('{', parent).problems[0]).toMatch(/^T1: tasks.json is not valid JSON/);
    expect(parseFollowUps('[]', parent)).toEqual({ tasks: [], problems: [] });
  });

  it('bounds recursion: depth, per-depth count, budget, failed parents, duplicate ids', () => {
    const deep = (id: string, depth: number) => task(id, { depth });
    const outcomes = [
      outcome('P1', { followUps: [deep('P1.a', 1), deep('P1.b', 1), deep('P1.c', 1), deep('P1.z', 3)] }),
      outcome('P2', { status: 'failed', followUps: [deep('P2.a', 1)] }),
      outcome('P3', { followUps: [deep('P3.a', 2), deep('P1.a', 2), deep('P3.b', 2)] }),
    ];
    expect(planFollowUps(outcomes, { maxDepth: 2, maxPerDepth: 2, maxTasks: 3 })).toEqual({
      accepted: [deep('P1.a', 1), deep('P1.b', 1), deep('P3.a', 2)],
      dropped: [
        { id: 'P1.c', reason: 'more than 2 follow-up tasks at depth 1' },
        { id: 'P1.z', reason: 'depth 3 exceeds the maximum depth 2' },
        { id: 'P2.a', reason: 'its parent P2 ended failed' },
        { id: 'P1.a', reason: 'the task budget (--max-tasks) is used up' },
        { id: 'P3.b', reason: 'the task budget (--max-tasks) is used up' },
      ],
    });
    expect(planFollowUps([outcome('P3', { followUps: [deep('P3.a', 1), deep('P3.a', 1)] })], { maxDepth: 2, maxPerDepth: 5 }).dropped).toEqual([
      { id: 'P3.a', reason: 'duplicate task id' },
    ]);
  });
});

describe('summarize', () => {
  it('counts outcomes and computes the speedup', () => {
    const summary = summarize(
      [
        outcome('A', { ms: 2000 }),
        outcome('B', { ms: 3000, attempts: 3 }),
        outcome('C', { ms: 1000, status: 'timeout', attempts: 2 }),
        outcome('D', { ms: 500, status: 'rejected' }),
        outcome('E', { ms: 500, status: 'failed' }),
        outcome('F', { ms: 0, status: 'aborted', attempts: 0 }),
      ],
      2800,
    );
    expect(summary).toEqual({
      done: 2,
      failed: 1,
      retried: 2,
      timedOut: 1,
      rejected: 1,
      aborted: 1,
      wallMs: 2800,
      taskMs: { A: 2000, B: 3000, C: 1000, D: 500, E: 500, F: 0 },
      sumTaskMs: 7000,
      speedup: 2.5,
      phaseMs: { setupMs: 0, agentMs: 0, collectMs: 0, cleanupMs: 0 },
    });
    expect(summarize([], 0).speedup).toBe(0);
  });
});

describe('helpers', () => {
  it('replaces {promptFile} and {taskFile} anywhere in an argument', () => {
    expect(substituteArgs(['agent', '--prompt-file', '{promptFile}', '--task={taskFile}', '{x}'], { promptFile: '/p.md', taskFile: '/t.json' })).toEqual([
      'agent',
      '--prompt-file',
      '/p.md',
      '--task=/t.json',
      '{x}',
    ]);
  });

  it('makes ids safe for branch and file names', () => {
    expect(['T1', 'T1.a', 'a/b c', '..x..', 'x.lock', '', 'ü'].map(safeName)).toEqual(['T1', 'T1.a', 'a-b-c', 'x', 'x-lock', 'task', 'task']);
  });

  it('splits output into lines across chunks, CRLF and split UTF-8 included', () => {
    const lines: string[] = [];
    const splitter = new LineSplitter((line) => lines.push(line));
    const bytes = Buffer.from('one\r\ntw€o\nthree');
    splitter.push(bytes.subarray(0, 8));
    splitter.push(bytes.subarray(8));
    splitter.end();
    expect(lines).toEqual(['one', 'tw€o', 'three']);
  });
});
