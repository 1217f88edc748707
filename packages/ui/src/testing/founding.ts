import type { AnalysisResult, Plan, PlannedMove } from '@monorefactor/core';

/** The analysis of `fixtures/founding` (as `refactor analyze --json` reports it), for view tests. */
export function foundingResult(): AnalysisResult {
  return {
    version: 1,
    root: '/tmp/founding',
    packages: [
      {
        name: '@acme/shared',
        dir: 'packages/shared',
        files: 8,
        dependsOn: ['@acme/mcp'],
        dependents: ['@acme/agents', '@acme/ecosystem', '@acme/mcp', '@acme/orch'],
      },
      { name: '@acme/mcp', dir: 'packages/mcp', files: 4, dependsOn: ['@acme/shared'], dependents: ['@acme/shared'] },
      { name: '@acme/orch', dir: 'packages/orch', files: 5, dependsOn: ['@acme/shared'], dependents: ['@acme/agents', '@acme/ecosystem'] },
      { name: '@acme/agents', dir: 'packages/agents', files: 2, dependsOn: ['@acme/orch', '@acme/shared'], dependents: ['@acme/ecosystem'] },
      { name: '@acme/ecosystem', dir: 'packages/ecosystem', files: 3, dependsOn: ['@acme/agents', '@acme/orch', '@acme/shared'], dependents: [] },
    ],
    stats: { files: 23, edges: 42, ms: 51 },
    findings: {
      misplaced: [
        {
          id: 'M1',
          files: ['packages/shared/src/stores/mcp-store.ts'],
          from: '@acme/shared',
          to: '@acme/mcp',
          targetDir: 'packages/mcp/src/stores',
          score: 1,
          reasons: ['imported only by @acme/mcp (1 file)', 'path stores/mcp-store.ts names package @acme/mcp'],
        },
        {
          id: 'M2',
          files: ['packages/shared/src/mcp/client.test.ts', 'packages/shared/src/mcp/client.ts', 'packages/shared/src/mcp/transport.ts'],
          from: '@acme/shared',
          to: '@acme/mcp',
          targetDir: 'packages/mcp/src/mcp',
          score: 0.75,
          reasons: ['imported only by @acme/mcp (2 files)'],
        },
        {
          id: 'M3',
          files: ['packages/orch/src/claude/prompt.ts', 'packages/orch/src/claude/runner.test.ts', 'packages/orch/src/claude/runner.ts'],
          from: '@acme/orch',
          to: '@acme/agents',
          targetDir: 'packages/agents/src/claude',
          score: 0.5,
          reasons: ['imported only by @acme/agents (1 file)'],
        },
      ],
      duplicates: [{ id: 'D1', files: ['packages/mcp/src/legacy-client.ts', 'packages/shared/src/mcp/client.ts'], similarity: 0.97 }],
      cycles: [
        {
          id: 'C1',
          packages: ['@acme/mcp', '@acme/shared'],
          edges: [
            { from: 'packages/mcp/src/server.ts', to: 'packages/shared/src/config.ts', specifier: '@acme/shared/config' },
            { from: 'packages/shared/src/stores/mcp-store.ts', to: 'packages/mcp/src/registry.ts', specifier: '@acme/mcp/registry' },
          ],
        },
      ],
      undeclared: [{ package: '@acme/shared', dependency: '@acme/mcp', files: ['packages/shared/src/stores/mcp-store.ts'] }],
      unused: [],
      boundaries: [],
      unresolved: [],
      problems: [],
    },
  };
}

/** Footprints like the codemod's: M1 and M2 both rewrite `server.ts`, so they conflict. */
const FOOTPRINT_EXTRA: Record<string, string[]> = {
  M1: ['packages/mcp/src/server.ts', 'packages/shared/package.json'],
  M2: ['packages/mcp/src/legacy-client.ts', 'packages/mcp/src/server.ts'],
  M3: ['packages/agents/src/claude-agent.ts', 'packages/agents/package.json'],
};

/** A small greedy planner with the real planner's output shape (the UI only renders plans). */
export function foundingPlanFor(result: AnalysisResult): (ids: string[]) => Plan {
  return (ids) => {
    const moves: PlannedMove[] = ids.map((id) => {
      const finding = result.findings.misplaced.find((f) => f.id === id);
      if (!finding) throw new Error(`unknown move ${id}`);
      const files = finding.files.map((from) => ({ from, to: `${finding.targetDir}/${from.split('/').at(-1)}` }));
      const footprint = [...new Set([...files.flatMap((f) => [f.from, f.to]), ...(FOOTPRINT_EXTRA[id] ?? [])])].sort();
      return { id, files, fromPackage: finding.from, toPackage: finding.to, footprint, executor: 'codemod', reasons: finding.reasons };
    });
    const batches: string[][] = [];
    const written: Set<string>[] = [];
    for (const move of moves) {
      let index = batches.findIndex((_, i) => move.footprint.every((f) => !written[i]?.has(f)));
      if (index < 0) {
        index = batches.length;
        batches.push([]);
        written.push(new Set());
      }
      batches[index]?.push(move.id);
      for (const f of move.footprint) written[index]?.add(f);
    }
    const cost = (id: string) => moves.find((m) => m.id === id)?.footprint.length ?? 0;
    const criticalPath = batches.map((batch) => [...batch].sort((a, b) => cost(b) - cost(a))[0] as string);
    const estimate = { sequential: moves.reduce((s, m) => s + m.footprint.length, 0), parallel: batches.reduce((s, b) => s + Math.max(...b.map(cost)), 0) };
    return { version: 1, moves, batches, criticalPath, estimate };
  };
}
