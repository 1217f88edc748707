import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: the benchmark's generator is plain ESM without types
import { generateMonorepo, readManifest } from '../../tools/bench/generate.mjs';
import { REPO_ROOT } from '../helpers/fixture.js';
import { runRefactor } from '../helpers/gitFixture.js';

/** The built parse module: helper threads exist only in the build (from source there is no worker file). */
interface ParseModule {
  startParseHelpers(root: string, options: { workers?: number }): HelperSet | undefined;
  parseFiles(root: string, files: string[], options: { workers?: number; helpers?: HelperSet; onProgress?: () => void }): Promise<unknown[]>;
}
interface HelperSet {
  shares: { main: number; helpers: number };
}
interface ChunkModule {
  ParseHelpers: new (options: {
    root: string;
    fingerprint: boolean;
    helpers: number;
    workerFile: string;
  }) => HelperSet & {
    parse(files: string[]): Promise<unknown[]>;
  };
}
const built = (file: string) => import(path.join(REPO_ROOT, 'packages/analyzer/dist/parse', file));

/** Block this thread for `ms` (a helper starting up gets time to claim chunks). */
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Large repos are parsed by helper threads beside the main thread, small ones on the main thread.
 * The fixtures are all small, so this generates a repo big enough for a helper and checks the built
 * CLI gives the same document both ways, and the generator's ground truth.
 */
describe('analyze with parse helper threads', () => {
  let dir = '';
  let files: string[] = [];
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'monorefactor-workers-'));
    generateMonorepo(dir, { packages: 4, filesPerPackage: 60, seed: 3 });
    files = listed(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the same findings, edges and file count with 2 threads as on one', () => {
    const runs = ['0', '2'].map((workers) => {
      const result = runRefactor(['analyze', '.', '--json', '--graph', '--workers', workers], dir);
      expect(result.exitCode, result.stderr).toBe(0);
      const doc = JSON.parse(result.stdout) as { stats: { ms?: number } };
      delete doc.stats.ms;
      return doc;
    });
    expect(runs[1]).toEqual(runs[0]);
    const manifest = readManifest(dir) as { files: number; expected: { imports: number }; planted: { duplicates: string[][] } };
    const doc = runs[1] as unknown as { stats: { files: number; edges: number }; findings: { duplicates: { files: string[] }[] } };
    expect(doc.stats.files).toBe(manifest.files);
    expect(doc.stats.edges).toBe(manifest.expected.imports);
    expect(doc.findings.duplicates.map((d) => d.files)).toEqual(manifest.planted.duplicates.map((pair) => [...pair].sort()));
  });

  it('shares the chunks between this thread and a helper, in file order', async () => {
    const parse = (await built('parseFiles.js')) as ParseModule;
    const alone = await parse.parseFiles(dir, files, { workers: 0 });
    const helpers = parse.startParseHelpers(dir, { workers: 2 });
    expect(helpers).toBeDefined();
    if (!helpers) return;
    // The main thread's first chunk waits long enough for the helper to start and claim some.
    let first = true;
    const shared = await parse.parseFiles(dir, files, {
      workers: 2,
      helpers,
      onProgress: () => {
        if (first) pause(1500);
        first = false;
      },
    });
    expect(helpers.shares.helpers).toBeGreaterThan(0);
    expect(helpers.shares.main).toBeGreaterThan(0);
    expect(shared).toEqual(alone);
  });

  it('parses here whatever a helper that dies never sends back', async () => {
    const parse = (await built('parseFiles.js')) as ParseModule;
    const chunks = (await built('parseInWorkers.js')) as ChunkModule;
    // A real worker that claims the first 25 files as soon as it starts, then exits without sending them.
    const workerFile = path.join(dir, 'dying-helper.mjs');
    writeFileSync(
      workerFile,
      [
        "import { workerData } from 'node:worker_threads';",
        'const shared = new Int32Array(workerData.counters);',
        'Atomics.add(shared, 0, 25);',
        'process.exit(1);',
      ].join('\n'),
    );
    const helpers = new chunks.ParseHelpers({ root: dir, fingerprint: true, helpers: 1, workerFile });
    pause(1000); // let it start and claim its chunk
    const shared = await helpers.parse(files);
    expect(shared).toEqual(await parse.parseFiles(dir, files, { workers: 0 }));
    expect(helpers.shares.helpers).toBe(0);
    expect(helpers.shares.main).toBeGreaterThan(1);
  });

  it('keeps the process alive while it waits for a slow helper (a CLI run must not end with exit 13)', () => {
    const dist = path.join(REPO_ROOT, 'packages/analyzer/dist/parse');
    // A real worker that claims the first chunk on start, and sends it (parsed) only after 300 ms.
    const slowHelper = path.join(dir, 'slow-helper.mjs');
    writeFileSync(
      slowHelper,
      [
        "import { workerData } from 'node:worker_threads';",
        `import { parseChunk } from ${JSON.stringify(path.join(dist, 'parseChunk.js'))};`,
        `import { packChunk } from ${JSON.stringify(path.join(dist, 'packedChunk.js'))};`,
        'const shared = new Int32Array(workerData.counters);',
        'Atomics.add(shared, 0, 25);',
        "workerData.port.once('message', ({ files }) => {",
        '  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);',
        '  const chunk = packChunk(parseChunk(workerData.root, files.slice(0, 25), true));',
        "  workerData.port.postMessage({ type: 'parsed', index: 0, chunk });",
        "  workerData.port.postMessage({ type: 'done' });",
        '  Atomics.add(shared, 1, 1);',
        '  Atomics.notify(shared, 1);',
        '});',
      ].join('\n'),
    );
    const main = path.join(dir, 'parse-main.mjs');
    writeFileSync(
      main,
      [
        `import { ParseHelpers } from ${JSON.stringify(path.join(dist, 'parseInWorkers.js'))};`,
        `const helpers = new ParseHelpers({ root: ${JSON.stringify(dir)}, fingerprint: true, helpers: 1, workerFile: ${JSON.stringify(slowHelper)} });`,
        'Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);',
        `const parsed = await helpers.parse(${JSON.stringify(files)});`,
        'console.log(parsed.length, helpers.shares.helpers);',
      ].join('\n'),
    );
    const run = spawnSync(process.execPath, [main], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(`${files.length} 1`);
  });
});

/** The generated repo's source files, as the analyzer lists them (sorted, root-relative). */
function listed(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(child);
      } else if (/\.[cm]?[jt]sx?$/.test(entry.name) && !entry.name.endsWith('.mjs')) out.push(child);
    }
  };
  walk('');
  return out.sort();
}
