import type { ImportGraph, PlannedMove } from '@monorefactor/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyChangeSet } from '../apply/applyChangeSet.js';
import { resolveMoveSpec } from '../spec/resolveMoveSpec.js';
import { manyImportersRepo } from '../testing/manyImporters.js';
import { graphOf, linkPackages, makeRepo, read, removeRepo, runTsc } from '../testing/tempRepo.js';
import { computeMoveChanges } from './computeMoveChanges.js';

// 5 packages x 50 files import the module by its package subpath, 20 files of its own package relatively.
describe('a module with 270 importers', () => {
  let root: string;
  let graph: ImportGraph;
  let move: PlannedMove;
  beforeAll(async () => {
    root = await makeRepo(manyImportersRepo({ consumers: 5, perPackage: 50, local: 20 }));
    graph = await graphOf(root);
    move = resolveMoveSpec(graph, { from: 'packages/core/src/target.ts', to: '@p/util' }, 'M1');
  });
  afterAll(() => removeRepo(root));

  it('touches exactly the importers and the manifests, quickly', async () => {
    const started = performance.now();
    const changeSet = await computeMoveChanges(graph, move);
    const ms = performance.now() - started;
    expect(changeSet.warnings).toEqual([]);
    // 270 importers + old/new path + the 5 consumer manifests that gain @p/util + core's (gains @p/util)
    expect(changeSet.changes).toHaveLength(270 + 2 + 5 + 1);
    expect(move.footprint).toHaveLength(270 + 2 + 5 + 2);
    expect(changeSet.specifierChanges.filter((c) => c.to === '@p/util/target')).toHaveLength(270);
    expect(ms).toBeLessThan(3000);
    await applyChangeSet(root, changeSet);
    expect(await read(root, 'packages/c3/src/f7.ts')).toBe(
      "// consumer 7\nimport { target } from '@p/util/target';\nimport { CORE } from '@p/core';\n\nexport const v7 = [target(7), CORE];\n",
    );
    expect(await read(root, 'packages/core/src/local/l3.ts')).toBe("import { target } from '@p/util/target';\n\nexport const l3 = target(3);\n");
    expect(JSON.parse(await read(root, 'packages/core/package.json')).dependencies).toEqual({ '@p/util': '*' });
    const links = Object.fromEntries([
      ['@p/core', 'packages/core'],
      ['@p/util', 'packages/util'],
      ...[0, 1, 2, 3, 4].map((i) => [`@p/c${i}`, `packages/c${i}`]),
    ]);
    await linkPackages(root, links);
    expect(await runTsc(root)).toEqual({ code: 0, output: '' });
  });
});
