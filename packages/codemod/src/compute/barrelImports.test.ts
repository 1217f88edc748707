import { afterEach, describe, expect, it } from 'vitest';
import { json, linkPackages, makeRepo, moveIn, read, removeRepo, runTsc } from '../testing/tempRepo.js';

const EXPORTS = { '.': './src/index.ts', './*': './src/*.ts' };
const pkg = (name: string, dependencies?: Record<string, string>) =>
  json({ name, version: '1.0.0', exports: EXPORTS, ...(dependencies ? { dependencies } : {}) });

/** core's barrel re-exports money.ts (which moves to billing) and text.ts (which stays); app reaches both through it. */
function repo(): Record<string, string> {
  return {
    'package.json': json({ name: 'ns', private: true, workspaces: ['packages/*'] }),
    'tsconfig.json': json({
      compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true, noEmit: true, verbatimModuleSyntax: true, types: [] },
      include: ['packages/*/src'],
    }),
    'packages/core/package.json': pkg('@t/core'),
    'packages/core/src/index.ts': "export * from './money';\nexport * from './text';\n",
    'packages/core/src/money.ts': 'export type Money = number;\n\nexport function cents(n: number): Money {\n  return Math.round(n * 100);\n}\n',
    'packages/core/src/text.ts': 'export function upper(s: string): string {\n  return s.toUpperCase();\n}\n',
    'packages/billing/package.json': pkg('@t/billing'),
    'packages/billing/src/index.ts': 'export const BILLING = 1;\n',
    'packages/app/package.json': pkg('@t/app', { '@t/billing': '1.0.0', '@t/core': '1.0.0' }),
    // names of both modules through one namespace: the moved ones get a namespace of their own
    'packages/app/src/ns.ts': [
      "import * as core from '@t/core';",
      '',
      '// core.cents moves; "core.cents" in a string does not',
      "export const label = 'core.cents';",
      "export const v = core.cents(2) + core.upper('x').length;",
      'export type M = core.Money;',
      '',
    ].join('\n'),
    // only moved names through the namespace: the specifier changes, nothing else
    'packages/app/src/all.ts': "import * as c from '@t/core';\n\nexport const w: c.Money = c.cents(3);\n",
    // a split-off name joins the existing import of billing
    'packages/app/src/merge.ts': [
      "import { cents, upper } from '@t/core';",
      "import { BILLING } from '@t/billing';",
      "import type { Money } from '@t/core';",
      'import type {',
      '  BILLING as B,',
      "} from '@t/billing';",
      '',
      "export const z: Money = cents(BILLING) + upper('y').length;",
      'export type Alias = typeof B;',
      '',
    ].join('\n'),
  };
}

const LINKS = { '@t/core': 'packages/core', '@t/billing': 'packages/billing', '@t/app': 'packages/app' };

describe('importers of a barrel: namespaces and merged imports', () => {
  let root = '';
  afterEach(() => removeRepo(root));

  it('points namespace uses of moved names at the new package and merges split-off names into existing imports', async () => {
    root = await makeRepo(repo());
    await linkPackages(root, LINKS);
    expect(await runTsc(root)).toEqual({ code: 0, output: '' });
    const { changeSet } = await moveIn(root, { from: 'packages/core/src/money.ts', to: '@t/billing' });
    expect(changeSet.warnings).toEqual([]);
    expect(await read(root, 'packages/billing/src/index.ts')).toBe("export const BILLING = 1;\nexport * from './money';\n");
    expect(await read(root, 'packages/app/src/ns.ts')).toBe(
      [
        "import * as core from '@t/core';",
        "import * as billing from '@t/billing';",
        '',
        '// core.cents moves; "core.cents" in a string does not',
        "export const label = 'core.cents';",
        "export const v = billing.cents(2) + core.upper('x').length;",
        'export type M = billing.Money;',
        '',
      ].join('\n'),
    );
    expect(await read(root, 'packages/app/src/all.ts')).toBe("import * as c from '@t/billing';\n\nexport const w: c.Money = c.cents(3);\n");
    expect(await read(root, 'packages/app/src/merge.ts')).toBe(
      [
        "import { upper } from '@t/core';",
        "import { BILLING, cents } from '@t/billing';",
        'import type {',
        '  BILLING as B,',
        '  Money,',
        "} from '@t/billing';",
        '',
        "export const z: Money = cents(BILLING) + upper('y').length;",
        'export type Alias = typeof B;',
        '',
      ].join('\n'),
    );
    expect(await runTsc(root)).toEqual({ code: 0, output: '' });
  });

  it('keeps the barrel re-exporting a moved module (from its new place) when a namespace of it is used as a value', async () => {
    const files = repo();
    files['packages/app/src/value.ts'] = "import * as core from '@t/core';\n\nexport const all = { ...core };\nexport const c = core.cents(1);\n";
    root = await makeRepo(files);
    await linkPackages(root, LINKS);
    const { changeSet } = await moveIn(root, { from: 'packages/core/src/money.ts', to: '@t/billing' });
    expect(changeSet.warnings).toEqual([
      "packages/core/src/index.ts keeps re-exporting packages/billing/src/money.ts, now as '@t/billing/money': packages/app/src/value.ts (line 1) uses its namespace as a value, and its members must stay",
    ]);
    // `{ ...core }` still holds `cents`: nothing in the app changes
    expect(await read(root, 'packages/app/src/value.ts')).toBe(files['packages/app/src/value.ts']);
    expect(await read(root, 'packages/core/src/index.ts')).toBe("export * from '@t/billing/money';\nexport * from './text';\n");
    expect(JSON.parse(await read(root, 'packages/core/package.json')).dependencies).toEqual({ '@t/billing': '1.0.0' });
    expect(await runTsc(root)).toEqual({ code: 0, output: '' });
  });
});

describe("another package's barrel over the old one", () => {
  let root = '';
  afterEach(() => removeRepo(root));

  it('warns that the moved names leave the API of a package that re-exports the old barrel (react-query over query-core)', async () => {
    const files = repo();
    files['packages/ui/package.json'] = pkg('@t/ui', { '@t/core': '1.0.0' });
    files['packages/ui/src/index.ts'] = "export * from '@t/core';\nexport { cents as toCents, upper } from '@t/core';\nexport const UI = 1;\n";
    root = await makeRepo(files);
    const { changeSet } = await moveIn(root, { from: 'packages/core/src/money.ts', to: '@t/billing' });
    expect(changeSet.warnings).toEqual([
      "packages/ui/src/index.ts re-exports '@t/core' (line 1): Money, cents leave @t/ui's API; re-export them from @t/billing there, or move with --shim",
      "packages/ui/src/index.ts re-exports '@t/core' (line 2): cents leave @t/ui's API; re-export them from @t/billing there, or move with --shim",
    ]);
  });
});
