import { cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImportGraph } from '@monorefactor/core';
import { afterAll, describe, expect, it } from 'vitest';
import { type Analysis, analyze, computeFindings } from '../analyze.js';
import { graphDifferences } from './graphDifferences.js';
import { type GraphChange, type GraphUpdateReport, updateImportGraph } from './updateImportGraph.js';

const FIXTURES = fileURLToPath(new URL('../../../../fixtures/', import.meta.url));
const temps: string[] = [];
afterAll(() => Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true }))));

async function copyFixture(name: string): Promise<string> {
  const parent = await mkdtemp(path.join(tmpdir(), `update-graph-${name}-`));
  temps.push(parent);
  const root = path.join(parent, name);
  await cp(path.join(FIXTURES, name), root, { recursive: true });
  return root;
}

/** A work tree and its graph, edited step by step; each step's update is checked against a full analyze. */
class Tree {
  changed = new Set<string>();
  added = new Set<string>();
  deleted = new Set<string>();
  report: GraphUpdateReport | undefined;

  private constructor(
    readonly root: string,
    public analysis: Analysis,
  ) {}

  static async of(fixture: string): Promise<Tree> {
    const root = await copyFixture(fixture);
    return new Tree(root, await analyze({ cwd: root, incremental: true }));
  }

  get graph(): ImportGraph {
    return this.analysis.graph;
  }

  read(file: string): Promise<string> {
    return readFile(path.join(this.root, file), 'utf8');
  }

  async write(file: string, text: string): Promise<void> {
    const abs = path.join(this.root, file);
    const existed = await readFile(abs).then(
      () => true,
      () => false,
    );
    await mkdir(path.dirname(abs), { recursive: true });
    await writeFile(abs, text);
    (existed ? this.changed : this.added).add(file);
  }

  async edit(file: string, replace: (text: string) => string): Promise<void> {
    const before = await this.read(file);
    const after = replace(before);
    expect(after, `edit of ${file} changed nothing`).not.toBe(before);
    await this.write(file, after);
  }

  async remove(file: string): Promise<void> {
    await rm(path.join(this.root, file));
    this.deleted.add(file);
  }

  async move(from: string, to: string): Promise<void> {
    await mkdir(path.dirname(path.join(this.root, to)), { recursive: true });
    await rename(path.join(this.root, from), path.join(this.root, to));
    this.deleted.add(from);
    this.added.add(to);
  }

  /** Update the graph with what was done since the last step, compare it with a full analyze, move on. */
  async step(change: GraphChange = { changed: [...this.changed], added: [...this.added], deleted: [...this.deleted] }): Promise<GraphUpdateReport> {
    const previous = this.graph;
    const previousText = JSON.stringify(computeFindings(previous, this.analysis.config));
    const updated = await updateImportGraph(previous, change, { ignore: this.analysis.config.ignore, onReport: (r) => (this.report = r) });
    const full = await analyze({ cwd: this.root });
    expect(graphDifferences(updated, full.graph)).toEqual([]);
    expect(computeFindings(updated, full.config)).toEqual(full.findings);
    // The previous graph is left as it was: a verifier goes back to it after a rollback.
    expect(JSON.stringify(computeFindings(previous, this.analysis.config))).toBe(previousText);
    this.analysis = { ...full, graph: updated };
    this.changed.clear();
    this.added.clear();
    this.deleted.clear();
    return this.report as GraphUpdateReport;
  }
}

describe('updateImportGraph on the founding fixture', () => {
  it('follows a cross-package move done by hand: files renamed, importers rewritten, a dependency declared', async () => {
    const tree = await Tree.of('founding');
    const before = tree.graph.modules.size;
    for (const file of ['client.ts', 'transport.ts', 'client.test.ts']) await tree.move(`packages/shared/src/mcp/${file}`, `packages/mcp/src/mcp/${file}`);
    await tree.edit('packages/mcp/src/server.ts', (text) => text.replace("'@acme/shared/mcp/client'", "'./mcp/client'"));
    const report = await tree.step();
    expect(report.parsed).toBe(4);
    expect(report.resolvedAllBecause).toBeUndefined();
    // Only files that looked up a moved path are resolved again, not the whole repo.
    expect(report.resolved).toBeLessThan(before / 2);
    expect(tree.graph.modules.get('packages/mcp/src/server.ts')?.imports.find((e) => e.specifier === './mcp/client')?.target).toEqual({
      type: 'file',
      path: 'packages/mcp/src/mcp/client.ts',
    });

    await tree.edit('packages/shared/package.json', (text) =>
      text.replace('"private": true,', '"private": true,\n  "dependencies": { "@acme/mcp": "0.1.0" },'),
    );
    const manifest = await tree.step();
    // Declared dependencies bear on the declaring package's imports only: its files are resolved again, no others.
    const sharedFiles = [...tree.graph.modules.values()].filter((node) => node.package === '@acme/shared').length;
    expect(manifest).toMatchObject({ parsed: 0, resolved: sharedFiles });
    expect(manifest.resolvedAllBecause).toBeUndefined();
    expect(tree.analysis.findings.undeclared.filter((u) => u.package === '@acme/shared')).toEqual([]);
  });

  it('resolves an import once the file it names appears, and again when a closer file shadows it', async () => {
    const tree = await Tree.of('founding');
    await tree.edit('packages/shared/src/config.ts', (text) => `import { helper } from './util';\n${text}\nexport const helped = helper;\n`);
    await tree.edit('packages/shared/src/ids.ts', (text) => `import { helper } from './util';\n${text}\nexport const idHelper = helper;\n`);
    await tree.step();
    expect(tree.analysis.findings.unresolved.map((u) => u.file)).toContain('packages/shared/src/ids.ts');

    await tree.write('packages/shared/src/util/index.ts', 'export const helper = 1;\n');
    await tree.step();
    // `./util` from two files of one folder: the second answer came from the resolver's cache.
    await tree.write('packages/shared/src/util.ts', 'export const helper = 2;\n');
    const report = await tree.step();
    expect(report.parsed).toBe(1);
    for (const file of ['config.ts', 'ids.ts']) {
      const edge = tree.graph.modules.get(`packages/shared/src/${file}`)?.imports.find((e) => e.specifier === './util');
      expect(edge?.target).toEqual({ type: 'file', path: 'packages/shared/src/util.ts' });
    }
    await tree.remove('packages/shared/src/util.ts');
    await tree.remove('packages/shared/src/util/index.ts');
    await tree.step();
  });

  it('sees a new package, and files the change did not list', async () => {
    const tree = await Tree.of('founding');
    await tree.write('packages/tools/package.json', JSON.stringify({ name: '@acme/tools', type: 'module', exports: { '.': './src/index.ts' } }));
    await tree.write('packages/tools/src/index.ts', "import { createLogger } from '@acme/shared';\nexport const log = createLogger('tools');\n");
    await tree.edit('packages/agents/src/index.ts', (text) => `${text}export { log } from '@acme/tools';\n`);
    const report = await tree.step();
    expect(report.resolvedAllBecause).toMatch(/manifest/);
    expect(report.parsed).toBe(2);

    // Not listed in the change: a new file is still found by listing the tree, a deleted one dropped.
    await tree.write('packages/tools/src/extra.ts', "export { log } from './index';\n");
    await tree.remove('packages/shared/src/mcp/client.test.ts');
    await tree.step({ changed: [], added: [], deleted: [] });
  });
});

describe('updateImportGraph on the nodenext-barrels fixture', () => {
  it('moves `./x.js` imports to the JavaScript twin when the TypeScript file goes', async () => {
    const tree = await Tree.of('nodenext-barrels');
    await tree.write('packages/core/src/money.js', 'export const money = () => 0;\n');
    const shadowed = await tree.step();
    expect(shadowed.parsed).toBe(1);
    await tree.remove('packages/core/src/money.ts');
    await tree.step();
    const edge = tree.graph.modules.get('packages/core/src/index.ts')?.imports.find((e) => e.specifier === './money.js');
    expect(edge?.target).toEqual({ type: 'file', path: 'packages/core/src/money.js' });
  });

  it('follows a folder moved into another package through its barrel', async () => {
    const tree = await Tree.of('nodenext-barrels');
    for (const file of ['email.ts', 'index.ts', 'range.ts']) await tree.move(`packages/core/src/validation/${file}`, `packages/billing/src/validation/${file}`);
    await tree.edit('packages/core/src/index.ts', (text) => text.replace("export * from './validation/index.js';\n", ''));
    await tree.edit('packages/billing/src/invoice.ts', (text) =>
      text.replace(
        "import { addMoney, formatMoney, isEmail, money, normalizeEmail, type Currency, type Money } from '@nb/core';",
        "import { addMoney, formatMoney, money, type Currency, type Money } from '@nb/core';\nimport { isEmail, normalizeEmail } from './validation/index.js';",
      ),
    );
    await tree.step();
  });

  it('re-resolves assets: a stylesheet import that appears and disappears', async () => {
    const tree = await Tree.of('nodenext-barrels');
    await tree.edit('packages/core/src/csv.ts', (text) => `import './table.css';\n${text}`);
    await tree.step();
    expect(tree.analysis.findings.unresolved.map((u) => u.specifier)).toContain('./table.css');
    await tree.write('packages/core/src/table.css', 'table { border: 0 }\n');
    const report = await tree.step();
    expect(report).toMatchObject({ parsed: 0, resolved: 1 });
    expect(tree.analysis.findings.unresolved.map((u) => u.specifier)).not.toContain('./table.css');
    await tree.remove('packages/core/src/table.css');
    await tree.step();
  });

  it('re-resolves everything when a config file it does not model changes: a nested tsconfig with paths', async () => {
    const tree = await Tree.of('nodenext-barrels');
    await tree.edit('packages/reports/src/monthly.ts', (text) => `import { fmt } from '~/fmt';\n${text}\nexport const f = fmt;\n`);
    await tree.step();
    await tree.write('packages/reports/src/tsconfig.json', JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '~/*': ['./lib/*'] } } }));
    await tree.write('packages/reports/src/lib/fmt.ts', 'export const fmt = (n: number) => String(n);\n');
    const report = await tree.step();
    expect(report.resolvedAllBecause).toMatch(/tsconfig\.json/);
  });
});

describe('updateImportGraph on the dist-exports fixture', () => {
  it('re-resolves every import without parsing when an `exports` map changes', async () => {
    const tree = await Tree.of('dist-exports');
    await tree.edit('packages/core/package.json', (text) => text.replace(/"\.\/utils\/\*": \{[^}]*\},\n/, ''));
    const report = await tree.step();
    expect(report).toMatchObject({ parsed: 0, resolved: tree.graph.modules.size });
    expect(report.resolvedAllBecause).toMatch(/manifest/);
    expect(tree.analysis.findings.unresolved.map((u) => u.specifier)).toContain('@dx/core/utils/retry');
  });

  it('re-resolves everything when a bundler config (a source file read as config) is added or edited', async () => {
    const tree = await Tree.of('dist-exports');
    await tree.write('packages/core/tsup.config.ts', "export default { entry: { index: 'src/index.ts' } };\n");
    await tree.step();
    await tree.edit('packages/core/tsup.config.ts', (text) => text.replace('src/index.ts', 'src/result.ts'));
    const report = await tree.step();
    expect(report.resolvedAllBecause).toMatch(/tsup\.config\.ts/);
  });

  it('follows a tsconfig outDir edit, a deleted module and a file added under dist/', async () => {
    const tree = await Tree.of('dist-exports');
    await tree.remove('packages/http/src/headers.ts');
    await tree.write('packages/core/dist/index.js', 'export {};\n');
    await tree.step();
    await tree.edit('packages/core/tsconfig.json', (text) => text.replace('"outDir": "dist"', '"outDir": "build"'));
    const report = await tree.step();
    expect(report.resolvedAllBecause).toBeDefined();
  });

  it('follows a tsconfig alias to a missing file, then a dependency declared under its name', async () => {
    const tree = await Tree.of('dist-exports');
    await tree.edit('tsconfig.base.json', (text) =>
      text.replace('"strict": true,', '"strict": true,\n    "baseUrl": ".",\n    "paths": { "gen-client": ["generated/client.ts"] },'),
    );
    await tree.edit('packages/http/src/headers.ts', (text) => `import { generated } from 'gen-client';\n${text}\nexport const g = generated;\n`);
    await tree.step();
    await tree.edit('packages/http/package.json', (text) => text.replace('"name"', '"optionalDependencies": { "gen-client": "*" },\n  "name"'));
    const report = await tree.step();
    expect(report.resolvedAllBecause).toBeUndefined();
  });

  it('moves a module between packages with a `#internal` import and a subpath export', async () => {
    const tree = await Tree.of('dist-exports');
    await tree.move('packages/core/src/utils/strings.ts', 'packages/cli/src/strings.ts');
    await tree.edit('packages/cli/src/commands/fetch.ts', (text) => text.replace("'@dx/core/utils/strings'", "'../strings.js'"));
    await tree.edit('packages/cli/package.json', (text) => text.replace('"name"', '"description": "moved strings in",\n  "name"'));
    await tree.step();
  });
});
