import { afterEach, describe, expect, it } from 'vitest';
import { json, linkPackages, makeRepo, moveIn, read, removeRepo, runTsc } from '../testing/tempRepo.js';

function referencesRepo(): Record<string, string> {
  const exports = { '.': { types: './dist/index.d.ts', default: './dist/index.js' }, './*': { types: './dist/*.d.ts', default: './dist/*.js' } };
  const tsconfig = (refs: string) =>
    `{\n  "extends": "../../tsconfig.base.json",\n  "compilerOptions": { "rootDir": "src", "outDir": "dist" },\n  "include": ["src"],\n  "references": [${refs}]\n}\n`;
  return {
    'package.json': json({ name: 'refs', private: true, workspaces: ['packages/*'] }),
    'tsconfig.base.json': json({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        composite: true,
        declaration: true,
        skipLibCheck: true,
        types: [],
      },
    }),
    'tsconfig.json': json({ files: [], references: [{ path: 'packages/a' }, { path: 'packages/b' }, { path: 'packages/c' }] }),
    'packages/a/package.json': json({ name: '@r/a', version: '1.0.0', type: 'module', exports }),
    'packages/a/tsconfig.json': tsconfig(''),
    'packages/a/src/index.ts': "export const A = 'a';\n",
    'packages/a/src/tools.ts': "export function tool(): string {\n  return 'tool';\n}\n",
    'packages/c/package.json': json({ name: '@r/c', version: '1.0.0', type: 'module', exports }),
    'packages/c/tsconfig.json': tsconfig(''),
    'packages/c/src/index.ts': "export const C = 'c';\n",
    'packages/b/package.json': json({ name: '@r/b', version: '1.0.0', type: 'module', exports, dependencies: { '@r/a': '^1.0.0' } }),
    'packages/b/tsconfig.json': tsconfig('{ "path": "../a" }'),
    'packages/b/src/use.ts': "import { tool } from '@r/a/tools';\n\nexport const used = tool();\n",
  };
}

describe('manifests and project references', () => {
  let root = '';
  afterEach(() => removeRepo(root));

  it('swaps the dependency and the tsconfig reference of an importer that now uses only the new package', async () => {
    root = await makeRepo(referencesRepo());
    await linkPackages(root, { '@r/a': 'packages/a', '@r/b': 'packages/b', '@r/c': 'packages/c' });
    expect(await runTsc(root, ['-b'])).toEqual({ code: 0, output: '' });
    const { move, changeSet } = await moveIn(root, { from: 'packages/a/src/tools.ts', to: '@r/c' });
    expect(move.footprint).toEqual([
      'packages/a/package.json',
      'packages/a/src/tools.ts',
      'packages/a/tsconfig.json',
      'packages/b/package.json',
      'packages/b/src/use.ts',
      'packages/b/tsconfig.json',
      'packages/c/package.json',
      'packages/c/src/tools.ts',
      'packages/c/tsconfig.json',
    ]);
    expect(changeSet.warnings).toEqual([]);
    expect(await read(root, 'packages/b/src/use.ts')).toBe("import { tool } from '@r/c/tools';\n\nexport const used = tool();\n");
    expect(JSON.parse(await read(root, 'packages/b/package.json')).dependencies).toEqual({ '@r/c': '^1.0.0' });
    expect(await read(root, 'packages/b/tsconfig.json')).toBe(
      '{\n  "extends": "../../tsconfig.base.json",\n  "compilerOptions": { "rootDir": "src", "outDir": "dist" },\n  "include": ["src"],\n  "references": [{ "path": "../c" }]\n}\n',
    );
    expect(changeSet.changes.map((c) => c.path)).toEqual([
      'packages/a/src/tools.ts',
      'packages/b/package.json',
      'packages/b/src/use.ts',
      'packages/b/tsconfig.json',
      'packages/c/src/tools.ts',
    ]);
    expect(await runTsc(root, ['-b'])).toEqual({ code: 0, output: '' });
  });
});
