/** A workspace where `packages/core/src/target.ts` has `consumers * perPackage` importers in other packages and `local` in its own. */
export function manyImportersRepo(options: { consumers: number; perPackage: number; local: number; filler?: number }): Record<string, string> {
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  const exports = { '.': './src/index.ts', './*': './src/*.ts' };
  const files: Record<string, string> = {
    'package.json': json({ name: 'many', private: true, workspaces: ['packages/*'] }),
    'tsconfig.json': json({
      compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true, noEmit: true, types: [] },
      include: ['packages/*/src'],
    }),
    'packages/core/package.json': json({ name: '@p/core', version: '1.0.0', exports }),
    'packages/core/src/index.ts': "export const CORE = 'core';\n",
    'packages/core/src/target.ts': "// the module that moves\nexport function target(n: number): string {\n  return 'target:' + n;\n}\n",
    'packages/util/package.json': json({ name: '@p/util', version: '1.0.0', exports }),
    'packages/util/src/index.ts': "export const UTIL = 'util';\n",
  };
  for (let i = 0; i < options.local; i++) {
    files[`packages/core/src/local/l${i}.ts`] = `import { target } from '../target';\n\nexport const l${i} = target(${i});\n`;
  }
  for (let p = 0; p < options.consumers; p++) {
    files[`packages/c${p}/package.json`] = json({ name: `@p/c${p}`, version: '1.0.0', exports, dependencies: { '@p/core': '*' } });
    for (let i = 0; i < options.perPackage; i++) {
      files[`packages/c${p}/src/f${i}.ts`] =
        `// consumer ${i}\nimport { target } from '@p/core/target';\nimport { CORE } from '@p/core';\n\nexport const v${i} = [target(${i}), CORE];\n`;
    }
    for (let i = 0; i < (options.filler ?? 0); i++) {
      files[`packages/c${p}/src/filler/x${i}.ts`] = `import { CORE } from '@p/core';\n\nexport const x${i} = CORE + ${i};\n`;
    }
  }
  return files;
}
