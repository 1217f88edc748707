import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRefactor } from '../helpers/gitFixture.js';

/**
 * A workspace package depended on for its executable (`react-router-serve` in a start script) is
 * used without any import: not an unused dependency. One nobody imports or runs still is.
 */
describe('unused workspace dependencies and bins', () => {
  let dir: string;
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'monorefactor-bins-'));
    write('package.json', JSON.stringify({ name: 'bins', private: true, workspaces: ['packages/*'] }));
    write('packages/serve/package.json', JSON.stringify({ name: '@x/serve', version: '1.0.0', bin: { 'x-serve': './src/cli.js' } }));
    write('packages/serve/src/cli.js', "console.log('serving');\n");
    write('packages/tool/package.json', JSON.stringify({ name: '@x/tool', version: '1.0.0', bin: './src/cli.js' }));
    write('packages/tool/src/cli.js', "console.log('tool');\n");
    const app = (name: string, scripts: Record<string, string>) =>
      JSON.stringify({ name, version: '1.0.0', scripts, dependencies: { '@x/serve': '1.0.0', '@x/tool': '1.0.0' } });
    write('packages/app/package.json', app('@x/app', { start: 'cross-env NODE_ENV=production x-serve ./build', lint: 'echo ok && tool --fix' }));
    write('packages/app/src/index.ts', 'export const app = 1;\n');
    write('packages/other/package.json', app('@x/other', { start: 'node ./build/x-serve.js', build: 'tooling' }));
    write('packages/other/src/index.ts', 'export const other = 1;\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('counts a script running the dependency executable (named bin or package-name bin) as a use', () => {
    const run = runRefactor(['analyze', '.', '--json'], dir);
    expect(run.exitCode).toBe(0);
    const { unused } = (JSON.parse(run.stdout) as { findings: { unused: { package: string; dependency: string }[] } }).findings;
    expect(unused.map((finding) => `${finding.package} -> ${finding.dependency}`)).toEqual(['@x/other -> @x/serve', '@x/other -> @x/tool']);
  });
});
