import type { AnalysisResult } from '@monorefactor/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeJson, cyclePackages, duplicateFiles, edgeRows, misplacedGroups, packageTable, undeclaredPairs } from '../helpers/analysis.js';
import { cleanupFixtures, copyFixture, runCli } from '../helpers/fixture.js';

// fixtures/founding/README.md is the spec for every expectation below.
let dir: string;
let result: AnalysisResult;

beforeAll(async () => {
  dir = await copyFixture('founding');
  result = await analyzeJson(dir, ['--graph']);
});
afterAll(cleanupFixtures);

const shared = (file: string) => `packages/shared/src/${file}`;

describe('founding: analyze --json', () => {
  it('is a version-1 document rooted at the copy', () => {
    expect(result.version).toBe(1);
    expect(result.root).toBe(dir);
  });

  it('lists the 5 packages with the package graph from imports', () => {
    expect(packageTable(result)).toEqual({
      '@acme/agents': { dir: 'packages/agents', files: 2, dependsOn: ['@acme/orch', '@acme/shared'], dependents: ['@acme/ecosystem'] },
      '@acme/ecosystem': { dir: 'packages/ecosystem', files: 3, dependsOn: ['@acme/agents', '@acme/orch', '@acme/shared'], dependents: [] },
      '@acme/mcp': { dir: 'packages/mcp', files: 4, dependsOn: ['@acme/shared'], dependents: ['@acme/shared'] },
      '@acme/orch': { dir: 'packages/orch', files: 5, dependsOn: ['@acme/shared'], dependents: ['@acme/agents', '@acme/ecosystem'] },
      '@acme/shared': {
        dir: 'packages/shared',
        files: 8,
        dependsOn: ['@acme/mcp'],
        dependents: ['@acme/agents', '@acme/ecosystem', '@acme/mcp', '@acme/orch'],
      },
    });
    expect(result.packages.reduce((sum, p) => sum + p.files, 0)).toBe(22);
  });

  it('has exactly the cross-package edges of the README table', () => {
    const owner = new Map((result.modules ?? []).map((m) => [m.path, m.package]));
    const cross = edgeRows(result)
      .filter((row) => owner.has(row.resolved) && owner.get(row.resolved) !== owner.get(row.file))
      .map((row) => `${row.file} ${row.specifier} -> ${row.resolved}`)
      .sort();
    expect(cross).toEqual(
      [
        'packages/shared/src/stores/mcp-store.ts @acme/mcp/registry -> packages/mcp/src/registry.ts',
        'packages/mcp/src/server.ts @acme/shared/config -> packages/shared/src/config.ts',
        'packages/mcp/src/server.ts @acme/shared/logger -> packages/shared/src/logger.ts',
        'packages/mcp/src/server.ts @acme/shared/mcp/client -> packages/shared/src/mcp/client.ts',
        'packages/mcp/src/server.ts @acme/shared/stores/mcp-store -> packages/shared/src/stores/mcp-store.ts',
        'packages/mcp/src/legacy-client.ts @acme/shared/mcp/client -> packages/shared/src/mcp/client.ts',
        'packages/mcp/src/registry.ts @acme/shared/ids -> packages/shared/src/ids.ts',
        'packages/orch/src/scheduler.ts @acme/shared/config -> packages/shared/src/config.ts',
        'packages/orch/src/scheduler.ts @acme/shared/logger -> packages/shared/src/logger.ts',
        'packages/orch/src/claude/runner.ts @acme/shared/logger -> packages/shared/src/logger.ts',
        'packages/orch/src/claude/runner.test.ts @acme/shared/logger -> packages/shared/src/logger.ts',
        'packages/agents/src/claude-agent.ts @acme/orch/claude/runner -> packages/orch/src/claude/runner.ts',
        'packages/agents/src/claude-agent.ts @acme/shared/ids -> packages/shared/src/ids.ts',
        'packages/agents/src/claude-agent.ts @acme/shared/logger -> packages/shared/src/logger.ts',
        'packages/ecosystem/src/pipeline.ts @acme/agents -> packages/agents/src/index.ts',
        'packages/ecosystem/src/pipeline.ts @acme/orch -> packages/orch/src/index.ts',
        'packages/ecosystem/src/pipeline.ts @acme/shared -> packages/shared/src/index.ts',
        'packages/ecosystem/src/pipeline.test.ts @acme/shared -> packages/shared/src/index.ts',
      ].sort(),
    );
    const legacy = edgeRows(result).find((row) => row.file === 'packages/mcp/src/legacy-client.ts' && row.specifier === '@acme/shared/mcp/client');
    expect(legacy?.kind).toBe('import-type');
  });

  it('finds exactly the 3 misplaced groups', () => {
    expect(misplacedGroups(result)).toEqual([
      {
        files: ['packages/orch/src/claude/prompt.ts', 'packages/orch/src/claude/runner.test.ts', 'packages/orch/src/claude/runner.ts'],
        from: '@acme/orch',
        to: '@acme/agents',
        targetDir: 'packages/agents/src/claude',
      },
      {
        files: [shared('mcp/client.test.ts'), shared('mcp/client.ts'), shared('mcp/transport.ts')],
        from: '@acme/shared',
        to: '@acme/mcp',
        targetDir: 'packages/mcp/src/mcp',
      },
      { files: [shared('stores/mcp-store.ts')], from: '@acme/shared', to: '@acme/mcp', targetDir: 'packages/mcp/src/stores' },
    ]);
  });

  it('explains each misplaced group with its consumers (and the cycle the store closes)', () => {
    const reasonsOf = (file: string) => result.findings.misplaced.find((m) => m.files.includes(file))?.reasons.join('\n') ?? '';
    expect(reasonsOf(shared('mcp/client.ts'))).toMatch(/imported only by @acme\/mcp \(2 files\)/);
    expect(reasonsOf(shared('stores/mcp-store.ts'))).toMatch(/imported only by @acme\/mcp \(1 file\)/);
    expect(reasonsOf(shared('stores/mcp-store.ts'))).toMatch(/cycle/);
    expect(reasonsOf('packages/orch/src/claude/runner.ts')).toMatch(/imported only by @acme\/agents \(1 file\)/);
  });

  it('does not flag shared utilities, entry points or registry.ts as misplaced', () => {
    const flagged = result.findings.misplaced.flatMap((m) => m.files);
    for (const file of [
      shared('logger.ts'),
      shared('config.ts'),
      shared('ids.ts'),
      shared('index.ts'),
      'packages/orch/src/index.ts',
      'packages/agents/src/index.ts',
      'packages/mcp/src/index.ts',
      'packages/ecosystem/src/index.ts',
      'packages/mcp/src/registry.ts',
    ]) {
      expect(flagged).not.toContain(file);
    }
  });

  it('finds exactly one duplicate: the legacy MCP client', () => {
    expect(duplicateFiles(result)).toEqual([['packages/mcp/src/legacy-client.ts', shared('mcp/client.ts')]]);
    expect(result.findings.duplicates[0]?.similarity).toBeGreaterThanOrEqual(0.9);
  });

  it('finds exactly one package cycle, shared <-> mcp, with the edges that make it', () => {
    expect(cyclePackages(result)).toEqual([['@acme/mcp', '@acme/shared']]);
    const edges = (result.findings.cycles[0]?.edges ?? []).map((e) => `${e.from} ${e.specifier} -> ${e.to}`).sort();
    expect(edges).toEqual(
      [
        'packages/shared/src/stores/mcp-store.ts @acme/mcp/registry -> packages/mcp/src/registry.ts',
        'packages/mcp/src/server.ts @acme/shared/config -> packages/shared/src/config.ts',
        'packages/mcp/src/server.ts @acme/shared/logger -> packages/shared/src/logger.ts',
        'packages/mcp/src/server.ts @acme/shared/mcp/client -> packages/shared/src/mcp/client.ts',
        'packages/mcp/src/server.ts @acme/shared/stores/mcp-store -> packages/shared/src/stores/mcp-store.ts',
        'packages/mcp/src/legacy-client.ts @acme/shared/mcp/client -> packages/shared/src/mcp/client.ts',
        'packages/mcp/src/registry.ts @acme/shared/ids -> packages/shared/src/ids.ts',
      ].sort(),
    );
  });

  it('finds exactly one undeclared dependency: @acme/shared -> @acme/mcp', () => {
    expect(undeclaredPairs(result)).toEqual([{ package: '@acme/shared', dependency: '@acme/mcp' }]);
    expect(result.findings.undeclared[0]?.files).toEqual([shared('stores/mcp-store.ts')]);
  });

  it('has nothing unresolved, no boundary violations, no unused deps and no problems', () => {
    expect(result.findings.unresolved).toEqual([]);
    expect(result.findings.boundaries).toEqual([]);
    expect(result.findings.unused).toEqual([]);
    expect(result.findings.problems).toEqual([]);
  });
});

describe('founding: other formats and --fail-on', () => {
  /** The two package edges of the shared <-> mcp cycle: graph formats highlight exactly these. */
  const CYCLE_EDGES = ['@acme/mcp -> @acme/shared', '@acme/shared -> @acme/mcp'];

  it('mermaid highlights both cycle edges and only them', async () => {
    const run = await runCli(['analyze', '--format', 'mermaid'], dir);
    expect(run.exitCode).toBe(0);
    const lines = run.stdout.split('\n');
    const names = new Map<string, string>();
    for (const line of lines) {
      const node = /^\s*(\w+)\["([^"]+)"\]/.exec(line);
      if (node?.[1] && node[2]) names.set(node[1], node[2]);
    }
    const edges = lines.flatMap((line) => {
      const edge = /^\s*(\w+)\s*(-->|==>|-\.->)\s*(\w+)\s*$/.exec(line);
      return edge ? [{ key: `${names.get(edge[1] ?? '')} -> ${names.get(edge[3] ?? '')}`, thick: edge[2] === '==>' }] : [];
    });
    const styled = new Set(lines.flatMap((line) => /^\s*linkStyle\s+([\d,]+)\s+.*stroke/.exec(line)?.[1]?.split(',').map(Number) ?? []));
    expect(edges).toHaveLength(8);
    const highlighted = edges.filter((edge, i) => edge.thick || styled.has(i)).map((edge) => edge.key);
    expect(highlighted.sort()).toEqual(CYCLE_EDGES);
  });

  it('dot colours both cycle edges and only them', async () => {
    const run = await runCli(['analyze', '--format', 'dot'], dir);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^digraph\b/);
    const edges = run.stdout.split('\n').flatMap((line) => {
      const edge = /^\s*"([^"]+)"\s*->\s*"([^"]+)"\s*(\[[^\]]*\])?/.exec(line);
      return edge ? [{ key: `${edge[1]} -> ${edge[2]}`, attrs: edge[3] ?? '' }] : [];
    });
    expect(edges).toHaveLength(8);
    expect(
      edges
        .filter((edge) => /color/.test(edge.attrs))
        .map((edge) => edge.key)
        .sort(),
    ).toEqual(CYCLE_EDGES);
  });

  it('markdown lists every finding', async () => {
    const run = await runCli(['analyze', '--format', 'markdown'], dir);
    expect(run.exitCode).toBe(0);
    const out = run.stdout;
    expect(out).toMatch(/Misplaced modules/i);
    for (const file of [shared('mcp/client.ts'), shared('mcp/transport.ts'), shared('stores/mcp-store.ts'), 'packages/orch/src/claude/runner.ts']) {
      expect(out).toContain(file);
    }
    for (const targetDir of ['packages/mcp/src/mcp', 'packages/mcp/src/stores', 'packages/agents/src/claude']) expect(out).toContain(targetDir);
    expect(out).toContain('packages/mcp/src/legacy-client.ts');
    const section = (title: RegExp) => out.slice(out.search(title));
    expect(section(/^#+ .*cycles/im)).toMatch(/@acme\/mcp[\s\S]*@acme\/shared/);
    expect(section(/^#+ .*undeclared/im)).toMatch(/@acme\/shared[\s\S]*@acme\/mcp[\s\S]*stores\/mcp-store\.ts/);
  });

  it('the default table output has a "Misplaced modules" section with the groups', async () => {
    const run = await runCli(['analyze'], dir);
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Misplaced modules');
    expect(run.stdout).toContain(shared('stores/mcp-store.ts'));
    expect(run.stdout).toContain('packages/agents/src/claude');
    expect(run.stdout.includes('\u001b[')).toBe(false); // no colour codes when piped
  });

  it('--fail-on cycles exits 1, --fail-on boundaries exits 0', async () => {
    const [cycles, boundaries, both] = await Promise.all([
      runCli(['analyze', '--fail-on', 'cycles'], dir),
      runCli(['analyze', '--fail-on', 'boundaries'], dir),
      runCli(['analyze', '--json', '--fail-on', 'boundaries,misplaced'], dir),
    ]);
    expect(cycles.exitCode).toBe(1);
    expect(boundaries.exitCode).toBe(0);
    expect(both.exitCode).toBe(1);
    expect(JSON.parse(both.stdout).version).toBe(1);
  });

  it('--fail-on with an unknown kind is a usage error (exit 2)', async () => {
    const run = await runCli(['analyze', '--fail-on', 'smells'], dir);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('smells');
  });
});
