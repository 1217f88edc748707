import type { ImportGraph } from '@monorefactor/core';
import { UsageError } from '@monorefactor/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moveFootprint } from '../footprint/moveFootprint.js';
import { copyFixture, graphOf, makeRepo, removeRepo } from '../testing/tempRepo.js';
import { resolveMoveSpec } from './resolveMoveSpec.js';

describe('resolveMoveSpec', () => {
  let root: string;
  let graph: ImportGraph;
  beforeAll(async () => {
    root = await copyFixture('founding');
    graph = await graphOf(root);
  });
  afterAll(() => removeRepo(root));

  it('keeps the path inside the source root for a package target, and takes co-located tests along', () => {
    const move = resolveMoveSpec(graph, { from: 'packages/orch/src/claude/runner.ts', to: '@acme/agents' }, 'M3');
    expect(move).toEqual({
      id: 'M3',
      files: [
        { from: 'packages/orch/src/claude/runner.ts', to: 'packages/agents/src/claude/runner.ts' },
        { from: 'packages/orch/src/claude/runner.test.ts', to: 'packages/agents/src/claude/runner.test.ts' },
      ],
      fromPackage: '@acme/orch',
      toPackage: '@acme/agents',
      footprint: moveFootprint(graph, move.files, '@acme/orch', '@acme/agents'),
      executor: 'codemod',
    });
    expect(move.footprint).toEqual([
      'packages/agents/package.json',
      'packages/agents/src/claude-agent.ts',
      'packages/agents/src/claude/runner.test.ts',
      'packages/agents/src/claude/runner.ts',
      'packages/orch/package.json',
      'packages/orch/src/claude/runner.test.ts',
      'packages/orch/src/claude/runner.ts',
    ]);
  });

  it('treats a directory target as the new directory (source directory) or the destination folder (source file)', () => {
    expect(resolveMoveSpec(graph, { from: './packages/orch/src/claude/', to: 'packages/agents/src/llm' }, 'M1').files.map((f) => f.to)).toEqual([
      'packages/agents/src/llm/prompt.ts',
      'packages/agents/src/llm/runner.test.ts',
      'packages/agents/src/llm/runner.ts',
    ]);
    expect(resolveMoveSpec(graph, { from: 'packages/shared/src/ids.ts', to: 'packages/mcp/src/util' }, 'M1').files).toEqual([
      { from: 'packages/shared/src/ids.ts', to: 'packages/mcp/src/util/ids.ts' },
    ]);
    const renamed = resolveMoveSpec(graph, { from: 'packages/orch/src/claude/runner.ts', to: 'packages/agents/src/claude-runner.ts' }, 'M1');
    expect(renamed.files.map((f) => f.to)).toEqual(['packages/agents/src/claude-runner.ts', 'packages/agents/src/claude-runner.test.ts']);
  });

  it('rejects unknown packages, missing sources and existing targets with a hint', () => {
    const attempt = (from: string, to: string) => {
      try {
        resolveMoveSpec(graph, { from, to }, 'M1');
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        return (error as UsageError).toLine();
      }
      throw new Error('expected a UsageError');
    };
    expect(attempt('packages/shared/src/mcp', '@acme/nope')).toBe(
      'unknown package "@acme/nope" in --move packages/shared/src/mcp=@acme/nope (fix: use one of: @acme/agents, @acme/ecosystem, @acme/mcp, @acme/orch, @acme/shared)',
    );
    expect(attempt('packages/shared/src/nope.ts', '@acme/mcp')).toBe(
      'move source "packages/shared/src/nope.ts" does not exist (fix: give a file or directory path relative to the workspace root)',
    );
    expect(attempt('packages/mcp/src/legacy-client.ts', 'packages/mcp/src')).toMatch(/leaves packages\/mcp\/src\/legacy-client.ts where it is/);
    expect(attempt('packages/shared/src/logger.ts', 'packages/mcp/src/registry.ts')).toBe(
      'packages/mcp/src/registry.ts: move target packages/mcp/src/registry.ts already exists (fix: move or delete it first, or choose another target directory)',
    );
    expect(attempt('packages/shared/src/logger.ts', '@acme/shared')).toMatch(/already in @acme\/shared/);
  });
});

describe('co-located files', () => {
  let root = '';
  afterAll(() => removeRepo(root));

  it('takes tests, __tests__, __mocks__ and snapshots of the moved module, not its neighbours', async () => {
    root = await makeRepo({
      'package.json': '{ "name": "r", "private": true, "workspaces": ["packages/*"] }\n',
      'packages/a/package.json': '{ "name": "@t/a" }\n',
      'packages/b/package.json': '{ "name": "@t/b" }\n',
      'packages/a/src/api.ts': 'export const api = 1;\n',
      'packages/a/src/api.spec.tsx': "import { api } from './api';\nexport const s = api;\n",
      'packages/a/src/api-client.ts': "import { api } from './api';\nexport const c = api;\n",
      'packages/a/src/__tests__/api.test.ts': "import { api } from '../api';\nexport const t = api;\n",
      'packages/a/src/__tests__/__snapshots__/api.test.ts.snap': 'exports[`x`] = `1`;\n',
      'packages/a/src/__mocks__/api.ts': 'export const api = 0;\n',
      'packages/b/src/index.ts': 'export {};\n',
    });
    const graph = await graphOf(root);
    const move = resolveMoveSpec(graph, { from: 'packages/a/src/api.ts', to: '@t/b' }, 'M1');
    expect(move.files).toEqual([
      { from: 'packages/a/src/api.ts', to: 'packages/b/src/api.ts' },
      { from: 'packages/a/src/api.spec.tsx', to: 'packages/b/src/api.spec.tsx' },
      { from: 'packages/a/src/__tests__/api.test.ts', to: 'packages/b/src/__tests__/api.test.ts' },
      { from: 'packages/a/src/__mocks__/api.ts', to: 'packages/b/src/__mocks__/api.ts' },
      { from: 'packages/a/src/__tests__/__snapshots__/api.test.ts.snap', to: 'packages/b/src/__tests__/__snapshots__/api.test.ts.snap' },
    ]);
    expect(() => resolveMoveSpec(graph, { from: 'packages/a', to: 'packages/b/src/a' }, 'M1')).toThrow('holds the whole package @t/a');
  });
});
