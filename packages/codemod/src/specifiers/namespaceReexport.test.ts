import type { ImportGraph } from '@monorefactor/core';
import { afterEach, describe, expect, it } from 'vitest';
import { applyChangeSet } from '../apply/applyChangeSet.js';
import { computeMoveChanges } from '../compute/computeMoveChanges.js';
import { resolveMoveSpec } from '../spec/resolveMoveSpec.js';
import { graphOf, json, linkPackages, makeRepo, nodenextRoot, read, removeRepo, runTsc } from '../testing/tempRepo.js';

/** kernel's entry has `<entryLine>` for time.ts; invoice-math (imports `isoDay` from '../time.js') moves to billing. */
function repo(entryLine: string): Record<string, string> {
  return {
    ...nodenextRoot('esm', { esm: true }),
    'packages/kernel/package.json': json({
      name: '@esm/kernel',
      version: '2.1.0',
      type: 'module',
      exports: { '.': './src/index.ts', './feature/*': './src/features/*.ts' },
    }),
    'packages/kernel/src/index.ts': `${entryLine}\n`,
    'packages/kernel/src/time.ts': 'export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);\n',
    'packages/kernel/src/features/invoice-math.ts': "import { isoDay } from '../time.js';\n\nexport const dueDate = (d: Date): string => isoDay(d);\n",
    'packages/billing/package.json': json({
      name: '@esm/billing',
      version: '1.0.0',
      type: 'module',
      exports: { '.': './src/index.ts' },
      dependencies: { '@esm/kernel': '^2.1.0' },
    }),
    'packages/billing/src/index.ts': "import { dueDate } from '@esm/kernel/feature/invoice-math';\n\nexport const due = dueDate(new Date(0));\n",
  };
}

const LINKS = { '@esm/kernel': 'packages/kernel', '@esm/billing': 'packages/billing' };

/** Set the names of the kernel entry's edge to time.ts as given: the test does not depend on how the analyzer records them. */
function withEntryNames(graph: ImportGraph, names: string[]): ImportGraph {
  const entry = graph.modules.get('packages/kernel/src/index.ts');
  const edge = entry?.imports.find((e) => e.target.type === 'file' && e.target.path === 'packages/kernel/src/time.ts');
  if (!edge) throw new Error('no edge from the kernel entry to time.ts');
  edge.names = names;
  return graph;
}

async function moveInvoiceMath(root: string, names: string[]) {
  const graph = withEntryNames(await graphOf(root), names);
  const move = resolveMoveSpec(graph, { from: 'packages/kernel/src/features/invoice-math.ts', to: '@esm/billing' }, 'M1');
  const changeSet = await computeMoveChanges(graph, move);
  await applyChangeSet(root, changeSet);
  return changeSet;
}

describe("an entry's namespace re-export (`export * as time`) exposes no names at the top level", () => {
  let root = '';
  afterEach(() => removeRepo(root));

  it("does not rewrite `import { isoDay } from '../time.js'` to the bare package when the entry's edge names are ['* as time']", async () => {
    root = await makeRepo(repo("export * as time from './time.js';"));
    await linkPackages(root, LINKS);
    expect(await runTsc(root)).toEqual({ code: 0, output: '' });
    const changeSet = await moveInvoiceMath(root, ['* as time']);
    expect(changeSet.warnings).toEqual([]);
    // `@esm/kernel` only has `time.isoDay`: the moved file needs the module itself, through a new subpath
    expect((await read(root, 'packages/billing/src/features/invoice-math.ts')).split('\n')[0]).toBe("import { isoDay } from '@esm/kernel/time';");
    // (`./feature/*` goes: its folder left whole)
    expect(JSON.parse(await read(root, 'packages/kernel/package.json')).exports).toEqual({ '.': './src/index.ts', './time': './src/time.ts' });
    expect(await runTsc(root)).toEqual({ code: 0, output: '' });
  });

  it("gives a moved file's own `export * as time` (names ['* as time'], like the entry's) the module, not the entry", async () => {
    const files = repo("export * as time from './time.js';");
    files['packages/kernel/src/features/invoice-math.ts'] = "export * as time from '../time.js';\n";
    files['packages/billing/src/index.ts'] = "import { time } from '@esm/kernel/feature/invoice-math';\n\nexport const day = time.isoDay(new Date(0));\n";
    root = await makeRepo(files);
    await linkPackages(root, LINKS);
    const graph = withEntryNames(await graphOf(root), ['* as time']);
    const own = graph.modules.get('packages/kernel/src/features/invoice-math.ts')?.imports[0];
    if (own) own.names = ['* as time'];
    const move = resolveMoveSpec(graph, { from: 'packages/kernel/src/features/invoice-math.ts', to: '@esm/billing' }, 'M1');
    const changeSet = await computeMoveChanges(graph, move);
    await applyChangeSet(root, changeSet);
    // `export * as time from '@esm/kernel'` would be `time.time.isoDay`
    expect(await read(root, 'packages/billing/src/features/invoice-math.ts')).toBe("export * as time from '@esm/kernel/time';\n");
    expect(await runTsc(root)).toEqual({ code: 0, output: '' });
  });

  it("still uses the bare package for a flat `export * from` (edge names ['*'])", async () => {
    root = await makeRepo(repo("export * from './time.js';"));
    await linkPackages(root, LINKS);
    const changeSet = await moveInvoiceMath(root, ['*']);
    expect(changeSet.warnings).toEqual([]);
    expect((await read(root, 'packages/billing/src/features/invoice-math.ts')).split('\n')[0]).toBe("import { isoDay } from '@esm/kernel';");
    expect(await runTsc(root)).toEqual({ code: 0, output: '' });
  });
});
