import { afterEach, describe, expect, it } from 'vitest';
import { json, linkPackages, makeRepo, moveIn, nodenextRoot, read, removeRepo, runTsc } from '../testing/tempRepo.js';

const EXPORTS = { '.': './src/index.ts', './*': './src/*.ts' };
const pkg = (name: string, dependencies?: Record<string, string>) =>
  json({ name, version: '1.0.0', type: 'module', exports: EXPORTS, ...(dependencies ? { dependencies } : {}) });

/** sdk's entry exposes its http barrel as a namespace (`export * as http`); the app calls `http.get`. get.ts moves to @s/c. */
function repo(): Record<string, string> {
  return {
    ...nodenextRoot('nsb', { esm: true }),
    'packages/sdk/package.json': pkg('@s/sdk'),
    'packages/sdk/src/index.ts': "export * as http from './http/index.js';\nexport { connect } from './connect.js';\n",
    'packages/sdk/src/connect.ts': "export const connect = (id: string): string => 'connected ' + id;\n",
    'packages/sdk/src/http/index.ts': "export { get } from './get.js';\nexport { post } from './post.js';\n",
    'packages/sdk/src/http/get.ts': "export async function get(url: string): Promise<string> {\n  return 'GET ' + url;\n}\n",
    'packages/sdk/src/http/post.ts': "export async function post(url: string): Promise<string> {\n  return 'POST ' + url;\n}\n",
    'packages/c/package.json': pkg('@s/c'),
    'packages/c/src/index.ts': "export const fromC = (): string => 'c';\n",
    'packages/app/package.json': pkg('@s/app', { '@s/sdk': '1.0.0', '@s/c': '1.0.0' }),
    'packages/app/src/main.ts': [
      "import { get } from '@s/sdk/http/get';",
      "import { http, connect } from '@s/sdk';",
      '',
      "export const run = async (): Promise<string> => [await get('/a'), await http.get('/b'), await http.post('/c'), connect('u')].join('\\n');",
      '',
    ].join('\n'),
  };
}

const LINKS = { '@s/sdk': 'packages/sdk', '@s/c': 'packages/c', '@s/app': 'packages/app' };

describe('a moved module re-exported by a barrel that a namespace reaches', () => {
  let root = '';
  afterEach(() => removeRepo(root));

  it('keeps the re-export, pointed at the new package, so `http.get` still type-checks; the old package depends on the new one', async () => {
    root = await makeRepo(repo());
    await linkPackages(root, LINKS);
    expect(await runTsc(root)).toEqual({ code: 0, output: '' });
    const { changeSet } = await moveIn(root, { from: 'packages/sdk/src/http/get.ts', to: '@s/c' });
    expect(changeSet.warnings).toEqual([
      "packages/sdk/src/http/index.ts keeps re-exporting packages/c/src/http/get.ts, now as '@s/c/http/get': packages/sdk/src/index.ts (line 1) re-exports it as a namespace, and its members must stay",
    ]);
    expect(await read(root, 'packages/sdk/src/http/index.ts')).toBe("export { get } from '@s/c/http/get';\nexport { post } from './post.js';\n");
    expect(JSON.parse(await read(root, 'packages/sdk/package.json')).dependencies).toEqual({ '@s/c': '1.0.0' });
    // direct importers still get the new place
    expect((await read(root, 'packages/app/src/main.ts')).split('\n')[0]).toBe("import { get } from '@s/c/http/get';");
    expect(await runTsc(root)).toEqual({ code: 0, output: '' });
  });

  it("keeps it for another package's `export * as sdk` of the old entry too", async () => {
    const files = repo();
    files['packages/sdk/src/index.ts'] = "export * from './http/index.js';\nexport { connect } from './connect.js';\n";
    files['packages/app/src/main.ts'] = "import { sdk } from '@s/ui';\n\nexport const run = (): Promise<string> => sdk.get('/b');\n";
    files['packages/app/package.json'] = pkg('@s/app', { '@s/ui': '1.0.0' });
    files['packages/ui/package.json'] = pkg('@s/ui', { '@s/sdk': '1.0.0' });
    files['packages/ui/src/index.ts'] = "export * as sdk from '@s/sdk';\n";
    root = await makeRepo(files);
    await linkPackages(root, { ...LINKS, '@s/ui': 'packages/ui' });
    expect(await runTsc(root)).toEqual({ code: 0, output: '' });
    const { changeSet } = await moveIn(root, { from: 'packages/sdk/src/http/get.ts', to: '@s/c' });
    expect(changeSet.warnings).toEqual([
      "packages/sdk/src/http/index.ts keeps re-exporting packages/c/src/http/get.ts, now as '@s/c/http/get': packages/ui/src/index.ts (line 1) re-exports it as a namespace, and its members must stay",
    ]);
    expect(await read(root, 'packages/sdk/src/http/index.ts')).toBe("export { get } from '@s/c/http/get';\nexport { post } from './post.js';\n");
    expect(await runTsc(root)).toEqual({ code: 0, output: '' });
  });
});
