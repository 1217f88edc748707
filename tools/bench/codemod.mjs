#!/usr/bin/env node
// `npm run bench:codemod`: our move codemod against ts-morph's move() + save, on the same moves
// (a module with ~3 importers, the planted hub with 250) in the generated monorepo, each tool on its
// own fresh copy and in its own child process. See tools/bench/codemod.md for every number.
//
//   npm run bench:codemod -- [--packages 50] [--files 150] [--seed 1] [--hub 250] [--small 3] [--regen]
//                            [--only ours,cli,tsmorph] [--moves small,hub] [--runs 3] [--timeout 600]
//                            [--quiet 30] [--tsmorph complete|plain] [--tsc] [--profile] [--build] [--json]
//   npm run bench:codemod -- --report tools/bench/codemod-results.json     (print a saved run again)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { diffTrees, readTree } from './lib/codemod-diff.mjs';
import { copyRepo, ensureCodemodRepo, LANDING, pickMoves } from './lib/codemod-repo.mjs';
import { measure, median, memoryMethod, waitForQuiet } from './lib/measure.mjs';
import { formatSummary, summarizeProfiles } from './lib/profile-summary.mjs';

const HERE = import.meta.dirname;
const ROOT = path.resolve(HERE, '..', '..');
const WORK = path.join(HERE, '.work');
const RUNS_DIR = path.join(WORK, 'codemod-run');
const LIB = path.join(HERE, 'lib');
const NODE = process.execPath;
const TOOLS = ['ours', 'cli', 'tsmorph'];
const MOVES = ['small', 'hub'];
const TARGET_MS = 1000;
const TARGET_RATIO = 10;

class UsageError extends Error {}

function parseArgs(argv) {
  const opts = {
    packages: 50,
    files: 150,
    seed: 1,
    hub: 250,
    small: 3,
    regen: false,
    only: new Set(TOOLS),
    moves: new Set(MOVES),
    runs: 3,
    timeoutS: 600,
    quietS: 30,
    tsmorph: 'complete',
    tsc: false,
    profile: false,
    build: false,
    json: false,
    report: undefined,
  };
  const num = (arg, v) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${arg} needs a positive number`);
    return n;
  };
  const list = (arg, v, known) => {
    const items = v.split(',').map((s) => s.trim());
    for (const item of items) if (!known.includes(item)) throw new UsageError(`${arg}: unknown "${item}" (one of ${known.join(', ')})`);
    return new Set(items);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) throw new UsageError(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--packages') opts.packages = num(arg, next());
    else if (arg === '--files') opts.files = num(arg, next());
    else if (arg === '--seed') opts.seed = num(arg, next());
    else if (arg === '--hub') opts.hub = num(arg, next());
    else if (arg === '--small') opts.small = num(arg, next());
    else if (arg === '--regen') opts.regen = true;
    else if (arg === '--only') opts.only = list(arg, next(), TOOLS);
    else if (arg === '--moves') opts.moves = list(arg, next(), MOVES);
    else if (arg === '--runs') opts.runs = Math.round(num(arg, next()));
    else if (arg === '--timeout') opts.timeoutS = num(arg, next());
    else if (arg === '--quiet') {
      opts.quietS = Number(next());
      if (!Number.isFinite(opts.quietS) || opts.quietS < 0) throw new UsageError('--quiet needs a number of seconds (0 = do not wait)');
    } else if (arg === '--tsmorph') {
      opts.tsmorph = next();
      if (opts.tsmorph !== 'complete' && opts.tsmorph !== 'plain') throw new UsageError('--tsmorph takes complete or plain');
    } else if (arg === '--tsc') opts.tsc = true;
    else if (arg === '--profile') opts.profile = true;
    else if (arg === '--build') opts.build = true;
    else if (arg === '--json') opts.json = true;
    else if (arg === '--report') opts.report = next();
    else if (arg === '-h' || arg === '--help') {
      console.log(readFileSync(path.join(HERE, 'codemod.mjs'), 'utf8').split('\n').slice(4, 7).join('\n').replaceAll('//', ''));
      process.exit(0);
    } else throw new UsageError(`unknown argument ${arg} (see tools/bench/codemod.md)`);
  }
  return opts;
}

// ---------------------------------------------------------------------------------------------
// Setup

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    // tests are not built, so they do not make dist/ stale
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (!/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

function ensureBuilt(opts) {
  const dists = ['analyzer', 'codemod', 'cli'].map((p) => ({ pkg: p, index: path.join(ROOT, 'packages', p, 'dist', 'index.js') }));
  if (opts.build || dists.some((d) => !existsSync(d.index))) {
    console.log('building: npx tsc -b');
    execFileSync('npx', ['tsc', '-b'], { cwd: ROOT, stdio: 'inherit' });
    return;
  }
  for (const { pkg, index } of dists) {
    if (newestMtime(path.join(ROOT, 'packages', pkg, 'src')) > statSync(index).mtimeMs) {
      console.log(`note: packages/${pkg}/src is newer than its dist/ — measuring the built code; pass --build to rebuild first`);
    }
  }
}

/** The JSON lines a child printed (phases, heartbeats, its result). */
function jsonLines(file) {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line) => {
      try {
        return line.trim() ? [JSON.parse(line)] : [];
      } catch {
        return [];
      }
    });
}

function lastError(run) {
  if (run.timedOut) return undefined;
  const err = existsSync(run.stderrFile) ? readFileSync(run.stderrFile, 'utf8').trim().split('\n').slice(-4).join(' | ') : '';
  return `exit ${run.code ?? run.signal ?? run.error}${err ? `: ${err}` : ''}`;
}

// ---------------------------------------------------------------------------------------------
// The three ways to run a move

async function runOurs(ctx, move, r, profile = false) {
  const dir = path.join(RUNS_DIR, `ours-${move.key}-${r}`);
  copyRepo(ctx.repo, dir);
  const profileDir = profile ? path.join(WORK, 'codemod-profile', move.key) : undefined;
  if (profileDir) {
    rmSync(profileDir, { recursive: true, force: true });
    mkdirSync(profileDir, { recursive: true });
  }
  await ctx.step(`ours (API) on the ${move.label} move (${profile ? 'profiled, not counted' : `${r + 1}/${ctx.opts.runs}`})`);
  const args = [path.join(LIB, 'codemod-ours.mjs'), dir, '--from', move.from, '--to', move.toPackage, ...(profileDir ? ['--profile', profileDir] : [])];
  const run = await measure(NODE, args, ctx.io(`ours-${move.key}-${r}`));
  const detail = jsonLines(run.stdoutFile).find((l) => 'graphMs' in l);
  return { dir, run, detail, profileDir, error: run.ok && detail ? undefined : (lastError(run) ?? 'no result line') };
}

async function runCli(ctx, move) {
  const dir = path.join(RUNS_DIR, `cli-${move.key}`);
  copyRepo(ctx.repo, dir);
  // apply needs a git work tree (it commits each batch); a dry run writes nothing, not even git
  execFileSync('git', ['init', '-q'], { cwd: dir });
  await ctx.step(`ours (refactor apply --dry-run) on the ${move.label} move`);
  const bin = path.join(ROOT, 'packages', 'cli', 'bin', 'refactor.js');
  const run = await measure(NODE, [bin, 'apply', dir, '--move', `${move.from}=${move.toPackage}`, '--dry-run'], ctx.io(`cli-${move.key}`));
  const out = existsSync(run.stdoutFile) ? readFileSync(run.stdoutFile, 'utf8') : '';
  const filesInDiff = (out.match(/^\+\+\+ /gm) ?? []).length;
  rmSync(dir, { recursive: true, force: true });
  return { run, filesInDiff, error: run.ok ? undefined : lastError(run) };
}

async function runTsMorph(ctx, move, files) {
  const dir = path.join(RUNS_DIR, `tsmorph-${move.key}`);
  copyRepo(ctx.repo, dir);
  const complete = ctx.opts.tsmorph === 'complete';
  await ctx.step(`ts-morph move()${complete ? ' + bare specifiers' : ''} + save on the ${move.label} move (timeout ${ctx.opts.timeoutS} s)`);
  const args = [
    path.join(LIB, 'codemod-tsmorph.mjs'),
    dir,
    ...files.flatMap((f) => ['--move', `${f.from}=${f.to}`]),
    '--package',
    `${LANDING.name}=${LANDING.dir}/src`,
    ...(complete ? ['--complete'] : []),
  ];
  const run = await measure(NODE, args, ctx.io(`tsmorph-${move.key}`));
  const lines = jsonLines(run.stdoutFile);
  const phases = Object.fromEntries(lines.filter((l) => l.phase).map((l) => [l.phase, l]));
  const seenMb = Math.max(0, ...lines.map((l) => l.rssMb ?? 0));
  // killed with its process group, /usr/bin/time reports nothing: take the child's own heartbeat
  const peakMb = run.peakMb > 0 ? run.peakMb : seenMb;
  const phase = ['load', 'program', 'references', 'move', 'bare', 'save'].find((p) => !phases[p] && (p !== 'bare' || complete));
  return { dir, run, phases, peakMb, stuckIn: run.timedOut ? phase : undefined, error: run.ok || run.timedOut ? undefined : lastError(run) };
}

/** Diff against the original tree and run our analyzer (and tsc with --tsc) on a result. */
async function checkResult(ctx, label, dir, files) {
  const diff = diffTrees(ctx.before, dir, files);
  const check = await measure(NODE, [path.join(LIB, 'codemod-check.mjs'), dir, ...files.flatMap((f) => ['--target', f.to])], ctx.io(`check-${label}`));
  const analysis = jsonLines(check.stdoutFile).find((l) => 'unresolved' in l);
  let tsc;
  if (ctx.opts.tsc) {
    process.stdout.write(`  tsc --noEmit -p on the ${label} result ...\n`);
    const run = await measure(NODE, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', dir], {
      ...ctx.io(`tsc-${label}`),
      timeoutMs: 900_000,
    });
    const output = existsSync(run.stdoutFile) ? readFileSync(run.stdoutFile, 'utf8') : '';
    tsc = {
      ok: run.ok,
      errors: (output.match(/error TS\d+/g) ?? []).length,
      wallMs: Math.round(run.wallMs),
      first: output.split('\n').find((l) => l.includes('error TS')),
    };
  }
  return { diff, analysis, tsc };
}

// ---------------------------------------------------------------------------------------------
// Report

const sec = (ms) => (ms === undefined || ms === null || Number.isNaN(ms) ? '-' : (ms / 1000).toFixed(2));
const int = (n) => (n === undefined || n === null ? '-' : Math.round(n).toLocaleString('en-US'));

function table(rows, header) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i < 2 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function equalWork(result) {
  if (!result?.diff) return ['-', '-', '-', '-', '-'];
  const d = result.diff;
  return [
    `${d.sourceFilesRewritten}`,
    `${d.specifiersRewritten}`,
    `${d.manifestsModified}`,
    result.analysis ? `${result.analysis.unresolved}` : '-',
    result.analysis ? Object.values(result.analysis.importers).join('/') : '-',
  ];
}

function report(results, opts) {
  const header = ['move', 'tool', 'build s', 'move s', 'total s', 'wall s', 'peak MB', 'files', 'specifiers', 'manifests', 'unresolved', 'importers'];
  const rows = [];
  const breakdown = [];
  for (const m of results.moves) {
    const o = m.ours;
    const t = m.tsmorph;
    const first = () => (rows.some((r) => r[0] === m.label) ? '' : m.label);
    if (o) {
      rows.push([
        first(),
        'ours: analyze() + codemod API',
        sec(o.graphMs),
        sec(o.codemodMs),
        sec(o.graphMs + o.codemodMs),
        sec(o.wallMs),
        int(o.peakMb),
        ...equalWork(o.result),
      ]);
      breakdown.push(
        `${m.label}, ours:     build = analyze() ${sec(o.graphMs)} s; move = resolve ${sec(o.resolveMs)} + compute ${sec(o.computeMs)} + apply ${sec(o.applyMs)} s`,
      );
    }
    if (m.cli) {
      const wall = m.cli.error ? 'FAILED' : sec(m.cli.wallMs);
      rows.push([first(), 'ours: refactor apply --dry-run', '-', '-', '-', wall, int(m.cli.peakMb), `(${m.cli.filesInDiff} in diff)`, '', '', '', '']);
    }
    if (t) {
      const p = t.phases;
      const name = `ts-morph: move()${opts.tsmorph === 'complete' ? ' + bare' : ''} + save`;
      if (t.timedOut)
        rows.push([first(), name, sec(t.buildMs), `TIMEOUT (${t.stuckIn})`, `>${sec(t.wallMs)}`, sec(t.wallMs), int(t.peakMb), '-', '-', '-', '-', '-']);
      else if (t.error) rows.push([first(), name, '-', 'FAILED', '-', sec(t.wallMs), int(t.peakMb), '-', '-', '-', '-', '-']);
      else rows.push([first(), name, sec(t.buildMs), sec(t.moveMs), sec(t.buildMs + t.moveMs), sec(t.wallMs), int(t.peakMb), ...equalWork(t.result)]);
      const phase = (keys) =>
        keys
          .filter((k) => p[k])
          .map((k) => `${k} ${sec(p[k].ms)}`)
          .join(' + ');
      breakdown.push(`${m.label}, ts-morph: build = ${phase(['load', 'program'])} s; move = ${phase(['references', 'move', 'bare', 'save'])} s`);
    }
  }
  return `${table(rows, header)}\n\n${breakdown.join('\n')}`;
}

function verdicts(results) {
  const lines = [];
  const yes = (ok) => (ok ? 'yes' : 'NO ');
  for (const m of results.moves) {
    const o = m.ours;
    const t = m.tsmorph;
    if (o && m.key === 'hub')
      lines.push(`${yes(o.codemodMs < TARGET_MS)} ours, ${m.label}: codemod time ${sec(o.codemodMs)} s (target < 1 s; graph build ${sec(o.graphMs)} s on top)`);
    if (o && t) {
      const tsMs = t.timedOut ? t.wallMs - (t.buildMs ?? 0) : t.moveMs;
      const ratio = tsMs / o.codemodMs;
      const endToEnd = (t.timedOut ? t.wallMs : t.buildMs + t.moveMs) / (o.graphMs + o.codemodMs);
      const more = t.timedOut ? '>' : '';
      if (t.error) lines.push(`NO  ${m.label}: ts-morph failed (${t.error})`);
      else
        lines.push(
          `${yes(ratio >= TARGET_RATIO)} ${m.label}: ts-morph move()+save / ours codemod = ${more}${ratio.toFixed(0)}x (target >= 10x; build + move end to end: ${more}${endToEnd.toFixed(0)}x)`,
        );
      const refs = t.phases?.references;
      if (refs && refs.bare > 0) {
        const bare = t.phases.bare ? `; --tsmorph complete set them in ${sec(t.phases.bare.ms)} s` : '; left pointing at the old path (--tsmorph plain)';
        lines.push(
          `    ${m.label}: ts-morph's move() rewrites relative specifiers only: ${refs.bare} of its ${refs.literals} importing literals are package specifiers${bare}`,
        );
      }
      const a = o.result?.diff;
      const b = t.result?.diff;
      if (a && b) {
        const same = a.sourceFilesRewritten === b.sourceFilesRewritten && a.specifiersRewritten === b.specifiersRewritten;
        lines.push(
          `${yes(same)} ${m.label}: equal work: source files rewritten ours ${a.sourceFilesRewritten} / ts-morph ${b.sourceFilesRewritten}, specifiers ${a.specifiersRewritten} / ${b.specifiersRewritten}`,
        );
      }
    }
    for (const [tool, r] of [
      ['ours', o?.result],
      ['ts-morph', t?.result],
    ]) {
      if (!r?.analysis) continue;
      const importers = Object.values(r.analysis.importers).reduce((s, n) => s + (n ?? 0), 0);
      const tsc = r.tsc ? `; tsc --noEmit: ${r.tsc.ok ? 'no errors' : `${r.tsc.errors} errors (${r.tsc.first ?? ''})`}` : '';
      const undeclared = r.analysis.undeclared > 0 ? `; ${r.analysis.undeclared} undeclared workspace dependencies` : '';
      const ok = r.analysis.unresolved === 0 && importers === m.importers && (!r.tsc || r.tsc.ok);
      lines.push(
        `${yes(ok)} ${m.label}: ${tool} result: ${r.analysis.unresolved} unresolved imports, moved file imported by ${importers} (of ${m.importers})${undeclared}${tsc}${r.analysis.unresolvedSample.length ? ` (e.g. ${r.analysis.unresolvedSample[0]})` : ''}`,
      );
    }
  }
  return lines;
}

function printResults(results) {
  console.log(`\nrepo: ${results.repo.dir} (${int(results.repo.files)} source files, ${results.repo.packages} packages; hub ${results.repo.hub})`);
  console.log(`moves: ${results.moves.map((m) => `${m.from} -> ${m.to} (${m.toPackage})`).join('; ')}\n`);
  console.log(report(results, results.options));
  console.log('');
  for (const line of verdicts(results)) console.log(line);
  for (const m of results.moves) for (const w of m.ours?.warnings ?? []) console.log(`note: ours, ${m.label}: ${w}`);
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.report) {
    // print a saved run again, measuring nothing
    const saved = JSON.parse(readFileSync(path.resolve(opts.report), 'utf8'));
    console.log(`${opts.report}: run of ${saved.date} (node ${saved.machine.node}, ${saved.machine.cpus} CPUs)`);
    printResults(saved);
    return;
  }
  ensureBuilt(opts);
  const cached = ensureCodemodRepo(WORK, { packages: opts.packages, files: opts.files, seed: opts.seed, hub: opts.hub, regen: opts.regen });
  if (!cached.generated) console.log(`repo: reusing ${path.relative(ROOT, cached.dir)}; --regen to rebuild it`);
  const moves = pickMoves(cached.manifest, opts.small)
    .map((m) => ({ ...m, key: m.from === cached.manifest.hub.file ? 'hub' : 'small' }))
    .filter((m) => opts.moves.has(m.key));
  const out = path.join(WORK, 'codemod-out');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const timeoutMs = opts.timeoutS * 1000;
  const ctx = {
    opts,
    repo: cached.dir,
    before: readTree(cached.dir),
    io: (name) => ({
      cwd: ROOT,
      env: { BENCH_REPO_ROOT: ROOT },
      timeoutMs,
      stdoutFile: path.join(out, `${name}.out`),
      stderrFile: path.join(out, `${name}.err`),
    }),
    step: async (label) => {
      const busy = opts.quietS > 0 ? await waitForQuiet(opts.quietS * 1000) : undefined;
      process.stdout.write(`running ${label}${busy === undefined ? '' : ` (others using ${Math.round(busy * 100)}% of the CPUs)`} ...\n`);
    },
  };
  const manifest = cached.manifest;
  const results = {
    date: new Date().toISOString(),
    machine: {
      cpus: availableParallelism(),
      cpuModel: cpus()[0]?.model,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      loadavg: loadavg(),
    },
    memoryMethod,
    options: { ...opts, only: [...opts.only], moves: [...opts.moves] },
    repo: { dir: path.relative(ROOT, cached.dir), files: manifest.files + 1, packages: manifest.options.packages + 1, hub: manifest.hub.file },
    moves: [],
  };

  for (const move of moves) {
    const entry = { key: move.key, label: move.label, from: move.from, to: move.to, toPackage: move.toPackage, importers: move.importers };
    results.moves.push(entry);
    let files = [{ from: move.from, to: move.to }];
    if (opts.only.has('ours')) {
      const runs = [];
      let kept; // the last successful run's tree, checked below
      for (let r = 0; r < opts.runs; r++) {
        const result = await runOurs(ctx, move, r);
        if (result.error) {
          console.log(`  ours failed: ${result.error}`);
          rmSync(result.dir, { recursive: true, force: true });
          break;
        }
        const d = result.detail;
        runs.push({ ...d, codemodMs: d.resolveMs + d.computeMs + d.applyMs, wallMs: result.run.wallMs, peakMb: result.run.peakMb });
        if (kept) rmSync(kept.dir, { recursive: true, force: true });
        kept = result;
      }
      if (kept) {
        const pick = (key) => median(runs.map((x) => x[key]));
        const d = kept.detail;
        files = d.move.files;
        entry.ours = {
          runs: runs.map((x) => ({
            graphMs: x.graphMs,
            resolveMs: x.resolveMs,
            computeMs: x.computeMs,
            applyMs: x.applyMs,
            wallMs: x.wallMs,
            peakMb: x.peakMb,
          })),
          graphMs: pick('graphMs'),
          resolveMs: pick('resolveMs'),
          computeMs: pick('computeMs'),
          applyMs: pick('applyMs'),
          codemodMs: pick('codemodMs'),
          wallMs: pick('wallMs'),
          peakMb: pick('peakMb'),
          files: d.move.files,
          footprint: d.move.footprint,
          changes: d.changes,
          warnings: d.warnings,
        };
        entry.ours.result = await checkResult(ctx, `ours-${move.key}`, kept.dir, files);
        rmSync(kept.dir, { recursive: true, force: true });
      }
      if (opts.profile) {
        const profiled = await runOurs(ctx, move, 'profile', true);
        rmSync(profiled.dir, { recursive: true, force: true });
        if (!profiled.error)
          console.log(`\nprofile of the codemod part (${move.label}), self time:\n${formatSummary(summarizeProfiles([profiled.profileDir], { top: 15 }))}\n`);
      }
    }
    if (opts.only.has('cli')) {
      const cli = await runCli(ctx, move);
      entry.cli = { wallMs: cli.run.wallMs, peakMb: cli.run.peakMb, filesInDiff: cli.filesInDiff, error: cli.error };
      if (cli.error) console.log(`  cli failed: ${cli.error}`);
    }
    if (opts.only.has('tsmorph')) {
      const t = await runTsMorph(ctx, move, files);
      const p = t.phases;
      const buildMs = (p.load?.ms ?? 0) + (p.program?.ms ?? 0);
      const moveMs = ['references', 'move', 'bare', 'save'].reduce((s, k) => s + (p[k]?.ms ?? 0), 0);
      entry.tsmorph = {
        mode: opts.tsmorph,
        phases: p,
        buildMs,
        moveMs,
        wallMs: t.run.wallMs,
        peakMb: t.peakMb,
        timedOut: t.run.timedOut,
        stuckIn: t.stuckIn,
        error: t.error,
      };
      if (t.error) console.log(`  ts-morph failed: ${t.error}`);
      if (t.run.ok) entry.tsmorph.result = await checkResult(ctx, `tsmorph-${move.key}`, t.dir, files);
      rmSync(t.dir, { recursive: true, force: true });
    }
    for (const tool of ['ours', 'tsmorph']) {
      const diff = entry[tool]?.result?.diff;
      if (diff) entry[tool].result.diff = { ...diff, modified: diff.modified.length };
    }
  }

  printResults(results);
  if (opts.json) {
    const file = path.join(HERE, 'codemod-results.json');
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nwrote ${path.relative(ROOT, file)}`);
  }
}

main().catch((error) => {
  if (error instanceof UsageError) {
    console.error(`bench:codemod: ${error.message}`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
