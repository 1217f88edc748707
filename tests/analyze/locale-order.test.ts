import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runRefactor } from '../helpers/gitFixture.js';
import { tempTree } from '../helpers/tree.js';

/**
 * The same repo gives the same `--json` under any locale: lists are sorted by code units, not by
 * `localeCompare` (which puts `ä` after `z` in Swedish and orders `I`/`i` its own way in Turkish).
 */
describe('analyze output order', () => {
  const names = ['zeta', 'äpfel', 'Beta', 'alpha', 'Ivy', 'ice'];
  const repo = tempTree(
    {
      'package.json': { name: 'locale', private: true, workspaces: ['packages/*'] },
      'packages/app/package.json': { name: '@locale/app', version: '1.0.0' },
      // Each file imports a module that does not exist: one unresolved finding per file.
      ...Object.fromEntries(names.map((name) => [`packages/app/src/${name}.ts`, `import { x } from './missing-${name}';\nexport const y = x;\n`])),
    },
    'monorefactor-locale-',
  );
  afterAll(() => repo.remove());

  it('sorts findings by code units, identically under the Swedish, Turkish and US locales', () => {
    const outputs = ['sv_SE.UTF-8', 'tr_TR.UTF-8', 'en_US.UTF-8'].map((locale) => {
      const run = runRefactor(['analyze', '.', '--json'], repo.root, { LC_ALL: locale, LANG: locale });
      expect(run.exitCode).toBe(0);
      const result = JSON.parse(run.stdout) as { findings: { unresolved: { file: string }[] } };
      return result.findings.unresolved.map((finding) => finding.file);
    });
    const expected = names.map((name) => `packages/app/src/${name}.ts`).sort();
    expect(expected.map((file) => path.basename(file))).toEqual(['Beta.ts', 'Ivy.ts', 'alpha.ts', 'ice.ts', 'zeta.ts', 'äpfel.ts']);
    for (const files of outputs) expect(files).toEqual(expected);
  });
});
