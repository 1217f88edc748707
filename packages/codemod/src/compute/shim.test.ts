import { afterEach, describe, expect, it } from 'vitest';
import { json, linkPackages, makeRepo, moveIn, read, removeRepo, runTsc } from '../testing/tempRepo.js';

const EXPORTS = { '.': './src/index.ts', './*': './src/*.ts' };

function shimRepo(newDependsOnOld: boolean): Record<string, string> {
  return {
    'package.json': json({ name: 'shim', private: true, workspaces: ['packages/*'] }),
    'tsconfig.json': json({
      compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true, noEmit: true, types: [] },
      include: ['packages/*/src'],
    }),
    'packages/old/package.json': json({ name: '@s/old', version: '1.0.0', exports: EXPORTS }),
    'packages/old/src/index.ts': "export * from './thing';\n",
    'packages/old/src/thing.ts': "export function thing(): string {\n  return 'thing';\n}\n\nexport default thing;\n",
    'packages/old/src/user.ts': "import { thing } from './thing';\n\nexport const used = thing();\n",
    'packages/new/package.json': json({ name: '@s/new', version: '1.0.0', exports: EXPORTS, ...(newDependsOnOld ? { dependencies: { '@s/old': '*' } } : {}) }),
    'packages/new/src/index.ts': newDependsOnOld ? "import { used } from '@s/old/user';\n\nexport const NEW = used;\n" : "export const NEW = 'new';\n",
    'packages/app/package.json': json({ name: '@s/app', version: '1.0.0', exports: EXPORTS, dependencies: { '@s/old': '*' } }),
    'packages/app/src/main.ts': "import { thing } from '@s/old';\nimport other from '@s/old/thing';\n\nexport const x = [thing(), other()];\n",
  };
}

const LINKS = { '@s/old': 'packages/old', '@s/new': 'packages/new', '@s/app': 'packages/app' };

describe('--shim', () => {
  let root = '';
  afterEach(() => removeRepo(root));

  it('leaves a deprecated re-export at the old path and keeps the old barrel working', async () => {
    root = await makeRepo(shimRepo(false));
    await linkPackages(root, LINKS);
    const { changeSet } = await moveIn(root, { from: 'packages/old/src/thing.ts', to: '@s/new' }, { shim: true });
    expect(changeSet.warnings).toEqual([]);
    expect(await read(root, 'packages/old/src/thing.ts')).toBe(
      [
        '/**',
        ' * @deprecated Moved to `@s/new/thing` (@s/new). Import it from there; this re-export will be removed.',
        ' */',
        "export * from '@s/new/thing';",
        "export { default } from '@s/new/thing';",
        '',
      ].join('\n'),
    );
    expect(await read(root, 'packages/old/src/index.ts')).toBe("export * from './thing';\n");
    expect(await read(root, 'packages/new/src/index.ts')).toBe("export const NEW = 'new';\nexport * from './thing';\n");
    expect(await read(root, 'packages/old/src/user.ts')).toBe("import { thing } from '@s/new/thing';\n\nexport const used = thing();\n");
    expect(await read(root, 'packages/app/src/main.ts')).toBe(
      "import { thing } from '@s/new';\nimport other from '@s/new/thing';\n\nexport const x = [thing(), other()];\n",
    );
    expect(JSON.parse(await read(root, 'packages/old/package.json')).dependencies).toEqual({ '@s/new': '*' });
    expect(JSON.parse(await read(root, 'packages/app/package.json')).dependencies).toEqual({ '@s/new': '*' });
    expect(await runTsc(root)).toEqual({ code: 0, output: '' });
  });

  it('reports the cycle a shim creates when the new package depends on the old one', async () => {
    root = await makeRepo(shimRepo(true));
    const { changeSet } = await moveIn(root, { from: 'packages/old/src/thing.ts', to: '@s/new' }, { shim: true });
    expect(changeSet.warnings).toEqual([
      'would create package cycle @s/old <-> @s/new: @s/old -> @s/new (packages/old/src/user.ts); @s/new -> @s/old (packages/new/src/index.ts)',
    ]);
  });

  it('without --shim, removes the old file and the barrel line', async () => {
    root = await makeRepo(shimRepo(false));
    await linkPackages(root, LINKS);
    const { changeSet } = await moveIn(root, { from: 'packages/old/src/thing.ts', to: '@s/new' });
    expect(changeSet.changes.find((c) => c.path === 'packages/old/src/thing.ts')?.after).toBeNull();
    expect(await read(root, 'packages/old/src/index.ts')).toBe('export {};\n');
    expect(await runTsc(root)).toEqual({ code: 0, output: '' });
  });
});
