import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, linkPackages, moveIn, read, removeRepo, runTsc } from '../testing/tempRepo.js';

const PACKAGES = {
  '@acme/shared': 'packages/shared',
  '@acme/mcp': 'packages/mcp',
  '@acme/orch': 'packages/orch',
  '@acme/agents': 'packages/agents',
  '@acme/ecosystem': 'packages/ecosystem',
};

// The three moves of the founding scenario, applied one after the other on a temp copy.
describe('founding fixture: the three misplaced groups', () => {
  let root: string;
  beforeAll(async () => {
    root = await copyFixture('founding');
    await linkPackages(root, PACKAGES);
  });
  afterAll(() => removeRepo(root));

  it('type-checks before the moves', async () => {
    expect(await runTsc(root)).toEqual({ code: 0, output: '' });
  });

  it('moves the MCP client directory (with its co-located test) into @acme/mcp', async () => {
    const { move, changeSet } = await moveIn(root, { from: 'packages/shared/src/mcp', to: '@acme/mcp' });
    expect(move.files).toEqual([
      { from: 'packages/shared/src/mcp/client.test.ts', to: 'packages/mcp/src/mcp/client.test.ts' },
      { from: 'packages/shared/src/mcp/client.ts', to: 'packages/mcp/src/mcp/client.ts' },
      { from: 'packages/shared/src/mcp/transport.ts', to: 'packages/mcp/src/mcp/transport.ts' },
    ]);
    expect(move.footprint).toEqual([
      'packages/mcp/package.json',
      'packages/mcp/src/legacy-client.ts',
      'packages/mcp/src/mcp/client.test.ts',
      'packages/mcp/src/mcp/client.ts',
      'packages/mcp/src/mcp/transport.ts',
      'packages/mcp/src/server.ts',
      'packages/shared/package.json',
      'packages/shared/src/mcp/client.test.ts',
      'packages/shared/src/mcp/client.ts',
      'packages/shared/src/mcp/transport.ts',
    ]);
    expect(changeSet.warnings).toEqual([]);
    expect(changeSet.specifierChanges).toEqual([
      // for MIGRATION.md: code outside the repo cannot use the relative path these files now write
      { file: 'packages/mcp/src/legacy-client.ts', from: '@acme/shared/mcp/client', to: '@acme/mcp/mcp/client' },
      { file: 'packages/mcp/src/server.ts', from: '@acme/shared/mcp/client', to: '@acme/mcp/mcp/client' },
    ]);
    expect(changeSet.changes.map((c) => [c.path, c.before === null ? 'new' : c.after === null ? 'deleted' : 'changed'])).toEqual([
      ['packages/mcp/src/legacy-client.ts', 'changed'],
      ['packages/mcp/src/mcp/client.test.ts', 'new'],
      ['packages/mcp/src/mcp/client.ts', 'new'],
      ['packages/mcp/src/mcp/transport.ts', 'new'],
      ['packages/mcp/src/server.ts', 'changed'],
      ['packages/shared/src/mcp/client.test.ts', 'deleted'],
      ['packages/shared/src/mcp/client.ts', 'deleted'],
      ['packages/shared/src/mcp/transport.ts', 'deleted'],
    ]);
    const server = await read(root, 'packages/mcp/src/server.ts');
    expect(server.split('\n').slice(0, 4)).toEqual([
      "import { loadConfig, type AppConfig } from '@acme/shared/config';",
      "import { createLogger, type Logger } from '@acme/shared/logger';",
      "import { createHttpTransport, McpClient, type Transport } from './mcp/client';",
      "import { createMcpStore, type McpStore } from '@acme/shared/stores/mcp-store';",
    ]);
    expect((await read(root, 'packages/mcp/src/legacy-client.ts')).split('\n')[0]).toBe("import type { Transport } from './mcp/client';");
    expect((await read(root, 'packages/mcp/src/mcp/client.test.ts')).split('\n')[1]).toBe("import { McpClient, type Transport } from './client';");
  });

  it('moves the MCP store and thereby removes the shared <-> mcp cycle', async () => {
    const { changeSet } = await moveIn(root, { from: 'packages/shared/src/stores/mcp-store.ts', to: '@acme/mcp' });
    expect(changeSet.warnings).toEqual([]);
    const store = await read(root, 'packages/mcp/src/stores/mcp-store.ts');
    expect(store.split('\n').slice(0, 2)).toEqual([
      "import { ToolRegistry, type ToolDefinition } from '../registry';",
      "import { createLogger } from '@acme/shared/logger';",
    ]);
    expect((await read(root, 'packages/mcp/src/server.ts')).split('\n')[3]).toBe("import { createMcpStore, type McpStore } from './stores/mcp-store';");
  });

  it('moves the Claude runner into @acme/agents and drops the dependency on @acme/orch', async () => {
    const { changeSet } = await moveIn(root, { from: 'packages/orch/src/claude', to: '@acme/agents' });
    expect(changeSet.warnings).toEqual([]);
    expect((await read(root, 'packages/agents/src/claude-agent.ts')).split('\n')[0]).toBe("import { ClaudeRunner, type CompleteFn } from './claude/runner';");
    expect(JSON.parse(await read(root, 'packages/agents/package.json')).dependencies).toEqual({ '@acme/shared': '*' });
    const manifest = changeSet.changes.find((c) => c.path === 'packages/agents/package.json');
    expect(manifest?.after).toBe((manifest?.before ?? '').replace(/\n {4}"@acme\/orch": "\*",/, ''));
  });

  it('type-checks after the moves', async () => {
    expect(await runTsc(root)).toEqual({ code: 0, output: '' });
  });
});
