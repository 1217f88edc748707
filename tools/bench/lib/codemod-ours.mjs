#!/usr/bin/env node
// Our codemod on one move, through its API (packages/*/dist), as the codemod benchmark's child:
// analyze() builds the graph, then resolveMoveSpec, computeMoveChanges and applyChangeSet, each
// timed on its own. Prints one JSON line.
//
//   node tools/bench/lib/codemod-ours.mjs <dir> --from <file> --to <package|dir> [--dry] [--profile <dir>]
//
// --dry computes the change set and writes nothing. --profile writes a CPU profile of the codemod
// part only (resolve + compute + apply) to <dir>, through the inspector.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const repoRoot = process.env.BENCH_REPO_ROOT ?? path.resolve(import.meta.dirname, '..', '..', '..');
const args = process.argv.slice(2);
const value = (flag) => {
  const i = args.indexOf(flag);
  return i === -1 ? undefined : args[i + 1];
};
const dir = path.resolve(args[0] ?? '.');
const from = value('--from');
const to = value('--to');
const dry = args.includes('--dry');
const profileDir = value('--profile');
if (!from || !to) {
  console.error('usage: codemod-ours.mjs <dir> --from <file> --to <package|dir> [--dry] [--profile <dir>]');
  process.exit(2);
}

const dist = (pkg) => pathToFileURL(path.join(repoRoot, 'packages', pkg, 'dist', 'index.js')).href;
const { analyze } = await import(dist('analyzer'));
const { applyChangeSet, computeMoveChanges, resolveMoveSpec } = await import(dist('codemod'));

const t0 = performance.now();
const analysis = await analyze({ cwd: dir });
const t1 = performance.now();

const session = profileDir ? await startProfile() : undefined;
const t2 = performance.now();
const move = resolveMoveSpec(analysis.graph, { from, to }, 'M1');
const t3 = performance.now();
const changeSet = await computeMoveChanges(analysis.graph, move, { shim: false });
const t4 = performance.now();
if (!dry) await applyChangeSet(analysis.graph.workspace.root, changeSet);
const t5 = performance.now();
if (session) await stopProfile(session, profileDir);

const created = changeSet.changes.filter((c) => c.before === null).length;
const deleted = changeSet.changes.filter((c) => c.after === null).length;
process.stdout.write(
  `${JSON.stringify({
    graphMs: t1 - t0,
    resolveMs: t3 - t2,
    computeMs: t4 - t3,
    applyMs: dry ? 0 : t5 - t4,
    files: analysis.graph.modules.size,
    edges: analysis.result.stats.edges,
    move: { files: move.files, fromPackage: move.fromPackage, toPackage: move.toPackage, footprint: move.footprint.length },
    changes: { total: changeSet.changes.length, created, deleted, modified: changeSet.changes.length - created - deleted },
    specifierChanges: changeSet.specifierChanges.length,
    warnings: changeSet.warnings,
  })}\n`,
);

async function startProfile() {
  const { Session } = await import('node:inspector/promises');
  const inspector = new Session();
  inspector.connect();
  await inspector.post('Profiler.enable');
  await inspector.post('Profiler.setSamplingInterval', { interval: 100 });
  await inspector.post('Profiler.start');
  return inspector;
}

async function stopProfile(inspector, outDir) {
  const { profile } = await inspector.post('Profiler.stop');
  const file = path.join(outDir, `codemod-${Date.now()}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  inspector.disconnect();
}
