import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, graphDifferences } from '@monorefactor/analyzer';
import type { ImportGraph, Plan, PlannedMove } from '@monorefactor/core';
import { afterAll, describe, expect, it } from 'vitest';
import { applyPlan, type BatchExecutor, type MoveExecution } from './applyPlan.js';
import { gateFindings } from './importsGate.js';
import { verifyTree } from './verifyTree.js';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
const temps: string[] = [];
afterAll(() => Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A temp git repo holding a copy of `fixtures/<name>`, one commit. */
async function gitFixture(name: string): Promise<string> {
  const parent = await mkdtemp(path.join(tmpdir(), `imports-gate-${name}-`));
  temps.push(parent);
  const root = path.join(parent, name);
  await cp(path.join(FIXTURES, name), root, { recursive: true });
  const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' };
  for (const args of [
    ['init', '-q', '-b', 'main'],
    ['add', '-A'],
    ['commit', '-q', '-m', 'initial'],
  ])
    execFileSync('git', args, { cwd: root, env });
  return root;
}

/** Hand-made moves on the founding fixture: each returns the paths it wrote. */
const MOVES: Record<string, (root: string) => Promise<string[]>> = {
  // The MCP client to @acme/mcp, importers rewritten: the gate passes.
  mcp: async (root) => {
    const touched: string[] = [];
    for (const file of ['client.ts', 'transport.ts', 'client.test.ts'])
      touched.push(...(await move(root, `packages/shared/src/mcp/${file}`, `packages/mcp/src/mcp/${file}`)));
    for (const file of ['packages/mcp/src/server.ts', 'packages/mcp/src/legacy-client.ts'])
      touched.push(await edit(root, file, (text) => text.replace("'@acme/shared/mcp/client'", "'./mcp/client'")));
    return touched;
  },
  // The prompt alone, its importer left pointing at the old place: the gate fails.
  prompt: (root) => move(root, 'packages/orch/src/claude/prompt.ts', 'packages/agents/src/claude/prompt.ts'),
  // The Claude runner with its prompt and test to @acme/agents, its importer rewritten.
  claude: async (root) => {
    const touched: string[] = [];
    for (const file of ['runner.ts', 'prompt.ts', 'runner.test.ts'])
      touched.push(...(await move(root, `packages/orch/src/claude/${file}`, `packages/agents/src/claude/${file}`)));
    touched.push(await edit(root, 'packages/agents/src/claude-agent.ts', (text) => text.replace("'@acme/orch/claude/runner'", "'./claude/runner'")));
    return touched;
  },
  // A new module nobody imports yet.
  ids: async (root) => {
    await writeFile(path.join(root, 'packages/shared/src/ids-v2.ts'), "export { newId } from './ids';\n");
    return ['packages/shared/src/ids-v2.ts'];
  },
};

async function move(root: string, from: string, to: string): Promise<string[]> {
  await mkdir(path.dirname(path.join(root, to)), { recursive: true });
  await rename(path.join(root, from), path.join(root, to));
  return [from, to];
}

async function edit(root: string, file: string, replace: (text: string) => string): Promise<string> {
  const before = await readFile(path.join(root, file), 'utf8');
  await writeFile(path.join(root, file), replace(before));
  return file;
}

describe('the imports gate on an updated graph', () => {
  it('passes a consistent move and fails one that leaves an import behind, each graph equal to a full analyze', async () => {
    const root = await gitFixture('founding');
    const first = await analyze({ cwd: root, incremental: true });
    const touched = await MOVES.mcp?.(root);
    const passed = await verifyTree({
      root,
      config: first.config,
      baseline: first.findings,
      graph: first.graph,
      touched: touched ?? [],
      batch: 1,
      typecheck: false,
      tests: false,
    });
    expect(passed.failed).toBeUndefined();
    const full = await analyze({ cwd: root });
    expect(graphDifferences(passed.graph, full.graph)).toEqual([]);
    expect(passed.findings).toEqual(gateFindings(full.graph));

    // Not committed: the graph to compare with is still `first`'s (HEAD), the change is both moves.
    await MOVES.prompt?.(root);
    const failed = await verifyTree({
      root,
      config: first.config,
      baseline: first.findings,
      graph: first.graph,
      touched: [],
      batch: 2,
      typecheck: false,
      tests: false,
    });
    expect(failed.failed?.gate).toBe('imports');
    expect(failed.failed?.output).toContain('packages/orch/src/claude/runner.ts:');
    expect(failed.failed?.output).toContain('"./prompt" does not resolve');
    expect(graphDifferences(failed.graph, (await analyze({ cwd: root })).graph)).toEqual([]);
  });

  it('applyPlan keeps the graph of the last commit: updated after each batch, the old one again after a rollback', async () => {
    const root = await gitFixture('founding');
    const seen: { move: string; graph: ImportGraph; differences: string[] }[] = [];
    const executor: BatchExecutor = {
      async execute(moves, context) {
        const out: MoveExecution[] = [];
        for (const planned of moves) {
          // The tree is at HEAD here: the graph the verifier hands over must describe it.
          seen.push({ move: planned.id, graph: context.graph, differences: graphDifferences(context.graph, (await analyze({ cwd: root })).graph) });
          const touched = (await MOVES[planned.id]?.(root)) ?? [];
          out.push({ id: planned.id, ok: true, touched, renames: [], specifierChanges: [] });
        }
        return out;
      },
    };
    const planned = (id: string): PlannedMove => ({ id, files: [], fromPackage: '@acme/shared', toPackage: '@acme/mcp', footprint: [], executor: 'codemod' });
    const ids = ['mcp', 'prompt', 'claude', 'ids'];
    const plan: Plan = { version: 1, moves: ids.map(planned), batches: ids.map((id) => [id]), criticalPath: [] };
    const first = await analyze({ cwd: root, incremental: true });
    const report = await applyPlan({ root, plan, config: first.config, executor, typecheck: false, tests: false });

    expect(report.committed.map((c) => c.moves)).toEqual([['mcp'], ['claude'], ['ids']]);
    expect(report.failed).toMatchObject([{ id: 'prompt', gate: 'imports' }]);
    expect(seen.map((s) => s.move)).toEqual(ids);
    for (const s of seen) expect(s.differences, s.move).toEqual([]);
    // After the rollback of `prompt`, `claude` starts from the very graph `prompt` started from.
    expect(seen[2]?.graph).toBe(seen[1]?.graph);
    expect(seen[1]?.graph).not.toBe(seen[0]?.graph);
  });
});
