import { afterEach, describe, expect, it } from 'vitest';
import { json, linkPackages, makeRepo, moveIn, nodenextRoot, read, removeRepo, runTsc } from '../testing/tempRepo.js';

const EXPORTS = { '.': './src/index.ts', './*': './src/*.ts' };
const pkg = (name: string, version: string, dependencies?: Record<string, string>) =>
  json({ name, version, type: 'module', exports: EXPORTS, ...(dependencies ? { dependencies } : {}) });

/** NodeNext (`./x.js` names `./x.ts`), nested barrels, a renamed re-export, the `./*` -> `./src/*.ts` pattern. */
function barrelsRepo(): Record<string, string> {
  return {
    ...nodenextRoot('nb'),
    'packages/core/package.json': pkg('@nb/core', '1.0.0'),
    'packages/core/src/index.ts': [
      "export * from './money.js';",
      "export { formatDuration, parseDuration as parseDurationMs, type DurationUnit } from './duration.js';",
      "export * from './validation/index.js';",
      '',
    ].join('\n'),
    'packages/core/src/strings.ts': "export const SEP = ':';\n\nexport function nonNegative(n: number): number {\n  return Math.max(0, n);\n}\n",
    'packages/core/src/money.ts':
      "import { nonNegative } from './strings.js';\n\nexport function cents(n: number): number {\n  return nonNegative(Math.round(n * 100));\n}\n",
    'packages/core/src/summary.ts': "import { cents } from './money.js';\n\nexport const ZERO = cents(0);\n",
    'packages/core/src/duration.ts': [
      "import { SEP } from './strings.js';",
      '',
      "export type DurationUnit = 'ms' | 's';",
      '',
      'export function parseDuration(text: string): number {',
      '  const [n, unit] = text.split(SEP);',
      "  return unit === 's' ? Number(n) * 1000 : Number(n);",
      '}',
      '',
      "export function formatDuration(ms: number, unit: DurationUnit = 'ms'): string {",
      "  return unit === 's' ? String(ms / 1000) + SEP + 's' : String(ms) + SEP + 'ms';",
      '}',
      '',
    ].join('\n'),
    'packages/core/src/duration.test.ts': "import { parseDuration } from './duration.js';\n\nexport const ok = parseDuration('1:s') === 1000;\n",
    'packages/core/src/validation/index.ts': "export * from './range.js';\n",
    'packages/core/src/validation/range.ts': 'export function clamp(n: number, lo: number, hi: number): number {\n  return Math.min(hi, Math.max(lo, n));\n}\n',
    'packages/scheduler/package.json': pkg('@nb/scheduler', '2.0.0', { '@nb/core': '1.0.0' }),
    'packages/scheduler/src/index.ts': "export * from './cron.js';\n",
    'packages/scheduler/src/cron.ts': [
      "import { clamp, parseDurationMs, type DurationUnit } from '@nb/core';",
      "import { formatDuration } from '@nb/core/duration';",
      '',
      "export function every(text: string, unit: DurationUnit = 'ms'): string {",
      '  return formatDuration(clamp(parseDurationMs(text), 0, 60_000), unit);',
      '}',
      '',
    ].join('\n'),
    'packages/billing/package.json': pkg('@nb/billing', '1.0.0', { '@nb/core': '1.0.0' }),
    'packages/billing/src/index.ts': "export * from './invoice.js';\n",
    'packages/billing/src/invoice.ts': [
      "import { cents, formatDuration } from '@nb/core';",
      '',
      'export function line(amount: number, ms: number): string {',
      "  return cents(amount) + ' for ' + formatDuration(ms);",
      '}',
      '',
    ].join('\n'),
  };
}

const LINKS = { '@nb/core': 'packages/core', '@nb/scheduler': 'packages/scheduler', '@nb/billing': 'packages/billing' };

describe('NodeNext `.js` style and barrels', () => {
  let root = '';
  afterEach(() => removeRepo(root));

  it('moves a module re-exported by the old barrel: the barrel drops it, the new entry gains it, barrel importers follow', async () => {
    root = await makeRepo(barrelsRepo());
    await linkPackages(root, LINKS);
    expect(await runTsc(root)).toEqual({ code: 0, output: '' });
    const { move, changeSet } = await moveIn(root, { from: 'packages/core/src/duration.ts', to: '@nb/scheduler' });
    expect(move.files.map((f) => f.to)).toEqual(['packages/scheduler/src/duration.ts', 'packages/scheduler/src/duration.test.ts']);
    expect(move.footprint).toEqual([
      'packages/billing/package.json',
      'packages/billing/src/invoice.ts',
      'packages/core/package.json',
      'packages/core/src/duration.test.ts',
      'packages/core/src/duration.ts',
      'packages/core/src/index.ts',
      'packages/scheduler/package.json',
      'packages/scheduler/src/cron.ts',
      'packages/scheduler/src/duration.test.ts',
      'packages/scheduler/src/duration.ts',
      'packages/scheduler/src/index.ts',
    ]);
    expect(changeSet.warnings).toEqual([]);
    expect(await read(root, 'packages/core/src/index.ts')).toBe("export * from './money.js';\nexport * from './validation/index.js';\n");
    expect(await read(root, 'packages/scheduler/src/index.ts')).toBe(
      "export * from './cron.js';\nexport { formatDuration, parseDuration as parseDurationMs, type DurationUnit } from './duration.js';\n",
    );
    expect((await read(root, 'packages/scheduler/src/cron.ts')).split('\n').slice(0, 3)).toEqual([
      "import { clamp } from '@nb/core';",
      "import { parseDuration as parseDurationMs, type DurationUnit } from './duration.js';",
      "import { formatDuration } from './duration.js';",
    ]);
    expect((await read(root, 'packages/scheduler/src/duration.ts')).split('\n')[0]).toBe("import { SEP } from '@nb/core/strings';");
    expect((await read(root, 'packages/billing/src/invoice.ts')).split('\n').slice(0, 2)).toEqual([
      "import { cents } from '@nb/core';",
      "import { formatDuration } from '@nb/scheduler';",
    ]);
    expect(JSON.parse(await read(root, 'packages/billing/package.json')).dependencies).toEqual({ '@nb/core': '1.0.0', '@nb/scheduler': '2.0.0' });
    expect(changeSet.specifierChanges).toContainEqual({ file: 'packages/billing/src/invoice.ts', from: '@nb/core', to: '@nb/scheduler' });
    // the moved file's own import of code that stays ('./strings.js' -> '@nb/core/strings') is not for MIGRATION.md
    expect(changeSet.specifierChanges.filter((c) => c.file === 'packages/scheduler/src/duration.ts')).toEqual([]);
    expect(await runTsc(root)).toEqual({ code: 0, output: '' });
  });

  it('moves a file inside its package and keeps the `.js` extension style', async () => {
    root = await makeRepo(barrelsRepo());
    await linkPackages(root, LINKS);
    const { changeSet } = await moveIn(root, { from: 'packages/core/src/strings.ts', to: 'packages/core/src/text' });
    expect(changeSet.warnings).toEqual([]);
    expect(changeSet.specifierChanges).toEqual([
      { file: 'packages/core/src/duration.ts', from: './strings.js', to: './text/strings.js' },
      { file: 'packages/core/src/money.ts', from: './strings.js', to: './text/strings.js' },
    ]);
    expect(changeSet.changes.filter((c) => c.path.endsWith('package.json'))).toEqual([]);
    expect(await runTsc(root)).toEqual({ code: 0, output: '' });
  });

  it('warns about a package cycle the move would create, and still computes it', async () => {
    root = await makeRepo(barrelsRepo());
    await linkPackages(root, LINKS);
    const { changeSet } = await moveIn(root, { from: 'packages/core/src/money.ts', to: '@nb/billing' });
    expect(changeSet.warnings).toEqual([
      'would create package cycle @nb/core <-> @nb/billing: @nb/core -> @nb/billing (packages/core/src/summary.ts); @nb/billing -> @nb/core (packages/billing/src/invoice.ts)',
    ]);
    expect((await read(root, 'packages/core/src/summary.ts')).split('\n')[0]).toBe("import { cents } from '@nb/billing/money';");
    expect(JSON.parse(await read(root, 'packages/core/package.json')).dependencies).toEqual({ '@nb/billing': '1.0.0' });
  });
});
