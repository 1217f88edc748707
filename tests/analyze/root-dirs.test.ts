import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runRefactor } from '../helpers/gitFixture.js';
import { tempTree, writeTree } from '../helpers/tree.js';

interface Result {
  findings: { unresolved: { file: string; specifier: string; reason: string }[] };
  modules: { path: string; imports: { specifier: string; resolved?: string }[] }[];
}

/**
 * tsconfig `rootDirs`, as React Router's typegen uses it: `./+types/home` next to a route module
 * lives in the generated `.react-router/types` folder at the same relative place.
 */
describe('tsconfig rootDirs', () => {
  let repo: ReturnType<typeof tempTree>;
  const analyze = () => {
    const run = runRefactor(['analyze', '.', '--json', '--graph'], repo.root);
    expect(run.exitCode).toBe(0);
    return JSON.parse(run.stdout) as Result;
  };

  beforeEach(() => {
    repo = tempTree(
      {
        'package.json': { name: 'rootdirs', private: true, workspaces: ['apps/*'] },
        'apps/web/package.json': { name: '@x/web', version: '1.0.0' },
        'apps/web/tsconfig.json': { compilerOptions: { rootDirs: ['.', './.react-router/types'] } },
        'apps/web/app/routes/home.tsx': "import type { Route } from './+types/home';\nexport const meta = (args: Route.MetaArgs) => args;\n",
        'apps/web/server.js': "export const load = () => import('./build/server/index.js');\n",
      },
      'monorefactor-rootdirs-',
    );
  });
  afterEach(() => repo.remove());

  it('resolves a relative import into another root folder, generated and unlisted', () => {
    writeTree(repo.root, { 'apps/web/.react-router/types/app/routes/+types/home.ts': 'export namespace Route { export type MetaArgs = {}; }\n' });
    const result = analyze();
    const home = result.modules.find((module) => module.path === 'apps/web/app/routes/home.tsx');
    expect(home?.imports[0]).toMatchObject({ specifier: './+types/home', resolved: 'apps/web/.react-router/types/app/routes/+types/home.ts' });
    expect(result.findings.unresolved.map((finding) => finding.specifier)).toEqual(['./build/server/index.js']);
  });

  it('says which root folder is missing when the types are not generated yet (type imports only)', () => {
    const { unresolved } = analyze().findings;
    expect(unresolved.map((finding) => [finding.specifier, finding.reason])).toEqual([
      [
        './+types/home',
        "no such file, and the tsconfig's rootDirs apps/web/.react-router/types does not exist (generated? run the framework's typegen or build step)",
      ],
      ['./build/server/index.js', 'no such file'],
    ]);
  });
});
