import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRefactor } from '../helpers/gitFixture.js';

interface Result {
  findings: { misplaced: { files: string[]; to: string }[]; unresolved: { specifier: string }[] };
  modules: { path: string; imports: { specifier: string; resolved?: string }[] }[];
}

/**
 * vite's layout: `playground/*` packages without a tsconfig of their own, governed by
 * `playground/tsconfig.json`, whose `paths` alias `~utils` to shared test helpers that the specs
 * of every playground package import.
 */
describe('a tsconfig above the packages, and test helpers shared by other packages', () => {
  let dir: string;
  let result: Result;
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'monorefactor-playground-'));
    write('package.json', JSON.stringify({ name: 'root', private: true, workspaces: ['playground', 'playground/*'] }));
    write('playground/package.json', JSON.stringify({ name: '@x/playground', version: '1.0.0' }));
    write('playground/tsconfig.json', JSON.stringify({ compilerOptions: { paths: { '~utils': ['./test-utils.ts'] } } }));
    write('playground/test-utils.ts', 'export const page = { title: () => "t" };\nexport const untilUpdated = async () => {};\n');
    for (const name of ['alias', 'assets', 'css']) {
      write(`playground/${name}/package.json`, JSON.stringify({ name: `@x/test-${name}`, version: '1.0.0' }));
      write(`playground/${name}/index.ts`, `export const ${name} = 1;\n`);
      write(`playground/${name}/__tests__/${name}.spec.ts`, "import { page } from '~utils';\nexport const title = page.title();\n");
    }
    // One package's code (not only its tests) imports the helpers too.
    write('playground/css/setup.ts', "import { untilUpdated } from '~utils';\nexport const ready = untilUpdated();\n");
    const run = runRefactor(['analyze', '.', '--json', '--graph'], dir);
    expect(run.exitCode).toBe(0);
    result = JSON.parse(run.stdout) as Result;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('resolves a package file through the paths of the nearest tsconfig above its package', () => {
    const spec = result.modules.find((module) => module.path === 'playground/alias/__tests__/alias.spec.ts');
    expect(spec?.imports[0]).toMatchObject({ specifier: '~utils', resolved: 'playground/test-utils.ts' });
    expect(result.findings.unresolved).toEqual([]);
  });

  it('does not move helpers to the one package whose code imports them when other packages test with them', () => {
    expect(result.findings.misplaced).toEqual([]);
  });
});
