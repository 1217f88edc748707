#!/usr/bin/env node
// The verifier's first gate, before and after issue 3: a full `analyze()` of the tree versus
// `updateImportGraph()` of the previous graph, after the codemod moved the planted hub (250
// importers) in the generated 50 x 150 monorepo. In one process, through packages/*/dist (the
// verifier calls both in-process), and gate 1 as the verifier ran it before and runs it now.
// Checks that the updated graph equals the full rebuild, and (--fixtures) does the same for real
// codemod moves in copies of three fixtures. Exits 1 when a graph differs.
//
//   node tools/bench/incremental.mjs [--packages 50] [--files 150] [--seed 1] [--hub 250]
//        [--to @bench/pkg-01] [--touch <path>] [--runs 5] [--quiet 30] [--regen] [--fixtures] [--json]
//
// See tools/bench/incremental.md.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { GENERATOR_VERSION, generateMonorepo, plantHub, readManifest } from './generate.mjs';
import { median, waitForQuiet } from './lib/measure.mjs';

const HERE = import.meta.dirname;
const ROOT = path.resolve(HERE, '..', '..');
const WORK = path.join(HERE, '.work');

const opts = {
  packages: 50,
  files: 150,
  seed: 1,
  hub: 250,
  to: '@bench/pkg-01',
  touch: undefined,
  runs: 5,
  quiet: 30,
  regen: false,
  fixtures: false,
  json: false,
};
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i];
  const key = arg.replace(/^--/, '');
  if (['regen', 'fixtures', 'json'].includes(key)) opts[key] = true;
  else if (key === 'to' || key === 'touch') opts[key] = argv[++i];
  else if (key in opts) opts[key] = Number(argv[++i]);
  else {
    console.error(`unknown option ${arg}`);
    process.exit(2);
  }
}

const dist = (pkg) => pathToFileURL(path.join(ROOT, 'packages', pkg, 'dist', 'index.js')).href;
if (!existsSync(path.join(ROOT, 'packages/analyzer/dist/graph/updateImportGraph.js'))) {
  console.error('packages/analyzer/dist has no updateImportGraph: run `npx tsc -b` first');
  process.exit(2);
}
const { analyze, computeFindings, graphDifferences, updateImportGraph } = await import(dist('analyzer'));
const { applyChangeSet, computeMoveChanges, resolveMoveSpec } = await import(dist('codemod'));
const { changeSinceHead, gateFindings, runImportsGate } = await import(dist('verifier'));

/** Wall and CPU time (all threads of this process) of `fn`. */
async function timed(fn) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await fn();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { value, wallMs, cpuMs: (used.user + used.system) / 1000 };
}

/** The paths a change set writes, as `updateImportGraph` takes them. */
function changeOf(changeSet) {
  const change = { changed: [], added: [], deleted: [], renamed: changeSet.renames };
  for (const c of changeSet.changes) (c.before === null ? change.added : c.after === null ? change.deleted : change.changed).push(c.path);
  return change;
}

function sameFindings(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'bench',
  GIT_AUTHOR_EMAIL: 'bench@localhost',
  GIT_COMMITTER_NAME: 'bench',
  GIT_COMMITTER_EMAIL: 'bench@localhost',
};

/**
 * The generated repo with the hub planted, committed to git (the verifier's gate reads what
 * changed since HEAD), cached in .work/ (regenerated when options or generator change).
 */
function ensureRepo() {
  const dir = path.join(WORK, `incremental-p${opts.packages}-f${opts.files}-s${opts.seed}-hub${opts.hub}`);
  const stampFile = path.join(dir, 'incremental-bench.json');
  const wanted = JSON.stringify({ setup: 2, generator: GENERATOR_VERSION, packages: opts.packages, files: opts.files, seed: opts.seed, hub: opts.hub });
  if (!opts.regen && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === wanted) return dir;
  mkdirSync(WORK, { recursive: true });
  generateMonorepo(dir, { packages: opts.packages, filesPerPackage: opts.files, seed: opts.seed });
  plantHub(dir, { importers: opts.hub });
  writeFileSync(path.join(dir, '.gitignore'), 'node_modules/\nincremental-bench.json\n');
  for (const args of [
    ['init', '-q', '-b', 'main'],
    ['add', '-A'],
    ['commit', '-q', '-m', 'generated'],
  ])
    execFileSync('git', args, { cwd: dir, env: GIT_ENV });
  writeFileSync(stampFile, wanted);
  return dir;
}

async function hubBenchmark() {
  const pristine = ensureRepo();
  const hub = readManifest(pristine).hub;
  const run = path.join(WORK, 'incremental-run');
  rmSync(run, { recursive: true, force: true });
  execFileSync('cp', ['-a', pristine, run]);
  // A copy has new inodes: refresh git's index once, as after the verifier's own last commit.
  execFileSync('git', ['update-index', '-q', '--refresh'], { cwd: run });

  const before = await timed(() => analyze({ cwd: run, incremental: true }));
  const graph = before.value.graph;
  const move = resolveMoveSpec(graph, { from: hub.file, to: opts.to }, 'M1');
  const changeSet = await computeMoveChanges(graph, move);
  await applyChangeSet(run, changeSet);
  const change = changeOf(changeSet);
  // --touch names one more path as changed (unedited): e.g. tsconfig.json, to time a full re-resolve.
  if (opts.touch) change.changed.push(opts.touch);

  const rows = { full: [], update: [], findings: [], status: [], gateFindings: [], gateBefore: [], gateNow: [] };
  let report;
  let full;
  let updated;
  const gate = (withGraph) =>
    runImportsGate({ root: run, config: before.value.config, baseline: before.value.findings, touched: change.changed, ...(withGraph ? { graph } : {}) });
  for (let i = 0; i < opts.runs; i++) {
    if (opts.quiet > 0) await waitForQuiet(opts.quiet * 1000);
    const f = await timed(() => analyze({ cwd: run }));
    full = f.value;
    rows.full.push(f);
    const u = await timed(() => updateImportGraph(graph, change, { ignore: before.value.config.ignore, onReport: (r) => (report = r) }));
    updated = u.value;
    rows.update.push(u);
    rows.findings.push(await timed(() => computeFindings(updated, full.config)));
    rows.gateFindings.push(await timed(() => gateFindings(updated)));
    rows.status.push(await timed(() => changeSinceHead(run, change.changed)));
    // Gate 1 as verifyTree ran it before (analyze the tree) and now (git status + update + its findings).
    rows.gateBefore.push(await timed(() => gate(false)));
    rows.gateNow.push(await timed(() => gate(true)));
  }
  // Both ways must reach the same verdict with the same problems.
  const verdict = (r) => JSON.stringify([r.value.ok, r.value.problems]);
  const gateAgrees = rows.gateNow.every((r, i) => verdict(r) === verdict(rows.gateBefore[i]));
  const gatePasses = rows.gateNow.every((r) => r.value.ok);
  const differences = graphDifferences(updated, full.graph);
  const findingsEqual = sameFindings(computeFindings(updated, full.config), full.findings);
  const stat = (list, key) => Math.round(median(list.map((r) => r[key])));
  return {
    repo: { files: full.graph.stats.files, edges: full.graph.stats.edges, hub: hub.file, importers: hub.importers?.length ?? opts.hub, to: opts.to },
    change: { changed: change.changed.length, added: change.added.length, deleted: change.deleted.length },
    full: { wallMs: stat(rows.full, 'wallMs'), cpuMs: stat(rows.full, 'cpuMs'), runs: rows.full.map((r) => Math.round(r.wallMs)) },
    update: { wallMs: stat(rows.update, 'wallMs'), cpuMs: stat(rows.update, 'cpuMs'), runs: rows.update.map((r) => Math.round(r.wallMs)), report },
    findings: { wallMs: stat(rows.findings, 'wallMs') },
    gateFindings: { wallMs: stat(rows.gateFindings, 'wallMs') },
    status: { wallMs: stat(rows.status, 'wallMs') },
    gate: {
      before: { wallMs: stat(rows.gateBefore, 'wallMs'), cpuMs: stat(rows.gateBefore, 'cpuMs') },
      now: { wallMs: stat(rows.gateNow, 'wallMs'), cpuMs: stat(rows.gateNow, 'cpuMs') },
      agrees: gateAgrees,
      passes: gatePasses,
      problems: rows.gateNow[0]?.value.problems ?? [],
    },
    same: { graph: differences.length === 0, findings: findingsEqual, differences },
  };
}

/** Real codemod moves in fixture copies, one after another, each checked against a full analyze. */
const FIXTURE_MOVES = {
  founding: [
    { from: 'packages/shared/src/mcp', to: '@acme/mcp' },
    { from: 'packages/shared/src/stores/mcp-store.ts', to: '@acme/mcp' },
    { from: 'packages/orch/src/claude', to: '@acme/agents' },
  ],
  'nodenext-barrels': [
    { from: 'packages/core/src/validation', to: '@nb/billing' },
    { from: 'packages/core/src/csv.ts', to: '@nb/reports' },
  ],
  'dist-exports': [
    { from: 'packages/core/src/utils/strings.ts', to: '@dx/cli' },
    { from: 'packages/http/src/headers.ts', to: '@dx/core' },
  ],
};

async function fixtureChecks() {
  const out = [];
  for (const [fixture, moves] of Object.entries(FIXTURE_MOVES)) {
    const dir = path.join(WORK, 'incremental-fixtures', fixture);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(path.dirname(dir), { recursive: true });
    execFileSync('cp', ['-a', path.join(ROOT, 'fixtures', fixture), dir]);
    const first = await analyze({ cwd: dir, incremental: true });
    // Each move is planned on the previous update, as the verifier's next batch would be.
    let graph = first.graph;
    for (const [index, spec] of moves.entries()) {
      const row = { fixture, move: `${spec.from} -> ${spec.to}` };
      try {
        const move = resolveMoveSpec(graph, spec, `M${index + 1}`);
        const changeSet = await computeMoveChanges(graph, move);
        await applyChangeSet(dir, changeSet);
        let report;
        const updated = await updateImportGraph(graph, changeOf(changeSet), { ignore: first.config.ignore, onReport: (r) => (report = r) });
        const full = await analyze({ cwd: dir });
        row.differences = graphDifferences(updated, full.graph);
        row.findingsEqual = sameFindings(computeFindings(updated, full.config), full.findings);
        row.report = report;
        graph = updated;
      } catch (error) {
        row.error = error instanceof Error ? error.message : String(error);
      }
      out.push(row);
    }
  }
  return out;
}

const result = { hub: await hubBenchmark(), fixtures: opts.fixtures ? await fixtureChecks() : undefined };
if (opts.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
else {
  const { hub } = result;
  const r = hub.update.report;
  console.log(`repo: ${hub.repo.files} files, ${hub.repo.edges} imports; moved ${hub.repo.hub} (${hub.repo.importers} importers) to ${hub.repo.to}`);
  console.log(`change: ${hub.change.changed} changed, ${hub.change.added} added, ${hub.change.deleted} deleted`);
  console.log(`full analyze()          wall ${hub.full.wallMs} ms  cpu ${hub.full.cpuMs} ms   runs ${hub.full.runs.join(', ')}`);
  console.log(`updateImportGraph()     wall ${hub.update.wallMs} ms  cpu ${hub.update.cpuMs} ms   runs ${hub.update.runs.join(', ')}`);
  console.log(`  parsed ${r.parsed}, resolved ${r.resolved}, removed ${r.removed}${r.resolvedAllBecause ? `, resolved all: ${r.resolvedAllBecause}` : ''}`);
  console.log(`full / update           ${(hub.full.wallMs / hub.update.wallMs).toFixed(1)}x wall, ${(hub.full.cpuMs / hub.update.cpuMs).toFixed(1)}x cpu`);
  console.log(`computeFindings()       wall ${hub.findings.wallMs} ms (every finding, on the updated graph; part of analyze())`);
  console.log(`gateFindings()          wall ${hub.gateFindings.wallMs} ms (unresolved, cycles, undeclared: what gate 1 compares)`);
  console.log(`changeSinceHead()       wall ${hub.status.wallMs} ms (git status -z since HEAD)`);
  console.log(`imports gate, before    wall ${hub.gate.before.wallMs} ms  cpu ${hub.gate.before.cpuMs} ms   (analyze() + checkImports)`);
  console.log(
    `imports gate, now       wall ${hub.gate.now.wallMs} ms  cpu ${hub.gate.now.cpuMs} ms   (git status + updateImportGraph + gate findings + checkImports)`,
  );
  const outcome = hub.gate.passes ? 'pass the move' : `fail the move (${hub.gate.problems.length} problems; first: ${hub.gate.problems[0]})`;
  const ratio = (hub.gate.before.wallMs / hub.gate.now.wallMs).toFixed(1);
  console.log(`gate before / now       ${ratio}x wall; ${hub.gate.agrees ? `both ${outcome}` : 'VERDICTS DIFFER'}`);
  console.log(`same graph as the full rebuild: ${hub.same.graph ? 'yes' : 'NO'}; same findings: ${hub.same.findings ? 'yes' : 'NO'}`);
  for (const line of hub.same.differences) console.log(`  ${line}`);
  for (const row of result.fixtures ?? []) {
    const verdict = row.error ? `codemod refused: ${row.error}` : row.differences.length === 0 && row.findingsEqual ? 'same graph and findings' : 'DIFFERENT';
    const how = row.report ? ` (parsed ${row.report.parsed}, resolved ${row.report.resolved}${row.report.resolvedAllBecause ? ', all' : ''})` : '';
    console.log(`fixture ${row.fixture}: ${row.move}: ${verdict}${how}`);
    for (const line of row.differences ?? []) console.log(`  ${line}`);
  }
}
const failed =
  !result.hub.same.graph ||
  !result.hub.same.findings ||
  !result.hub.gate.agrees ||
  (result.fixtures ?? []).some((row) => !row.error && (row.differences.length > 0 || !row.findingsEqual));
process.exit(failed ? 1 : 0);
