import { afterEach, describe, expect, it } from 'vitest';
import { json, linkPackages, makeRepo, moveIn, read, removeRepo, runTsc } from '../testing/tempRepo.js';

/** `paths` live in tsconfig.base.json (with a comment), which the root and the package tsconfigs extend. */
function repo(): Record<string, string> {
  return {
    'package.json': json({ name: 'based', private: true, workspaces: ['packages/*'] }),
    'tsconfig.base.json': [
      '{',
      '  // shared by every package',
      '  "compilerOptions": {',
      '    "target": "ES2022", "module": "ESNext", "moduleResolution": "Bundler", "strict": true, "noEmit": true, "types": [],',
      '    "paths": { "@clock": ["./packages/kit/src/time/clock.ts"], "@time/*": ["./packages/kit/src/time/*"] }',
      '  }',
      '}',
      '',
    ].join('\n'),
    'tsconfig.json': json({ extends: './tsconfig.base.json', include: ['packages/*/src'] }),
    'packages/kit/package.json': json({ name: '@b/kit', version: '1.0.0', exports: { '.': './src/index.ts' } }),
    'packages/kit/tsconfig.json': json({ extends: '../../tsconfig.base', include: ['src'] }),
    'packages/kit/src/index.ts': "import { now } from '@clock';\nimport { zone } from '@time/zone';\n\nexport const at = now() + zone;\n",
    'packages/kit/src/time/clock.ts': 'export function now(): number {\n  return Date.now();\n}\n',
    'packages/kit/src/time/zone.ts': 'export const zone = 0;\n',
  };
}

describe('tsconfig `paths` declared in a tsconfig that others extend', () => {
  let root = '';
  afterEach(() => removeRepo(root));

  it('edits the base that declares them, once, and the aliases keep working', async () => {
    root = await makeRepo(repo());
    await linkPackages(root, { '@b/kit': 'packages/kit' });
    expect(await runTsc(root)).toEqual({ code: 0, output: '' });
    const { move, changeSet } = await moveIn(root, { from: 'packages/kit/src/time', to: 'packages/kit/src/clock' });
    expect(move.footprint).toContain('tsconfig.base.json');
    expect(move.footprint).not.toContain('packages/kit/tsconfig.json');
    expect(changeSet.warnings).toEqual([]);
    expect(await read(root, 'tsconfig.base.json')).toBe(
      [
        '{',
        '  // shared by every package',
        '  "compilerOptions": {',
        '    "target": "ES2022", "module": "ESNext", "moduleResolution": "Bundler", "strict": true, "noEmit": true, "types": [],',
        '    "paths": { "@clock": ["./packages/kit/src/clock/clock.ts"], "@time/*": ["./packages/kit/src/clock/*"] }',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    expect(await read(root, 'packages/kit/src/index.ts')).toBe(
      "import { now } from '@clock';\nimport { zone } from '@time/zone';\n\nexport const at = now() + zone;\n",
    );
    expect(await runTsc(root)).toEqual({ code: 0, output: '' });
  });
});
