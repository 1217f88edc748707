#!/usr/bin/env node
// `npm run bench`: our analyzer against a read+parse floor, dependency-cruiser and madge, side by
// side in one run, on a generated synthetic monorepo (cached under tools/bench/.work/).
// See tools/bench/README.md for what every number means.
//
//   npm run bench -- [--packages 50] [--files 150] [--seed 1] [--regen]
//                    [--only floor,ours,depcruise,madge] [--skip-madge] [--skip-depcruise]
//                    [--runs 3] [--timeout 300] [--quiet 60] [--ours api|cli] [--madge-cli] [--profile]
//                    [--dir <existing repo> [--src packages]] [--build] [--json]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { GENERATOR_VERSION, generateMonorepo, readManifest } from './generate.mjs';
import { measure, median, memoryMethod, waitForQuiet } from './lib/measure.mjs';
import { formatSummary, summarizeProfiles } from './lib/profile-summary.mjs';

const HERE = import.meta.dirname;
const ROOT = path.resolve(HERE, '..', '..');
const WORK = path.join(HERE, '.work');
const LIB = path.join(HERE, 'lib');
const NODE = process.execPath;
const TOOLS = ['floor', 'ours', 'depcruise', 'madge'];

// ---------------------------------------------------------------------------------------------
// Options

class UsageError extends Error {}

function parseArgs(argv) {
  const opts = {
    packages: 50,
    files: 150,
    seed: 1,
    regen: false,
    only: new Set(TOOLS),
    runs: 3,
    timeoutS: 300,
    quietS: 60,
    ours: undefined,
    madgeCli: false,
    profile: false,
    dir: undefined,
    src: 'packages',
    build: false,
    json: false,
  };
  const num = (arg, v) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${arg} needs a positive number`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) throw new UsageError(`${arg} needs a value`);
      return argv[++i];
    };
    switch (arg) {
      case '--packages':
        opts.packages = num(arg, next());
        break;
      case '--files':
        opts.files = num(arg, next());
        break;
      case '--seed':
        opts.seed = num(arg, next());
        break;
      case '--regen':
        opts.regen = true;
        break;
      case '--only': {
        const list = next()
          .split(',')
          .map((s) => s.trim());
        for (const tool of list) if (!TOOLS.includes(tool)) throw new UsageError(`--only: unknown tool "${tool}" (one of ${TOOLS.join(', ')})`);
        opts.only = new Set(list);
        break;
      }
      case '--skip-madge':
        opts.only.delete('madge');
        break;
      case '--skip-depcruise':
        opts.only.delete('depcruise');
        break;
      case '--runs':
        opts.runs = Math.round(num(arg, next()));
        break;
      case '--timeout':
        opts.timeoutS = num(arg, next());
        break;
      case '--quiet':
        opts.quietS = Number(next());
        if (!Number.isFinite(opts.quietS) || opts.quietS < 0) throw new UsageError('--quiet needs a number of seconds (0 = do not wait)');
        break;
      case '--ours': {
        const mode = next();
        if (mode !== 'api' && mode !== 'cli') throw new UsageError('--ours takes api or cli');
        opts.ours = mode;
        break;
      }
      case '--madge-cli':
        opts.madgeCli = true;
        break;
      case '--profile':
        opts.profile = true;
        break;
      case '--dir':
        opts.dir = path.resolve(next());
        break;
      case '--src':
        opts.src = next();
        break;
      case '--build':
        opts.build = true;
        break;
      case '--json':
        opts.json = true;
        break;
      case '-h':
      case '--help':
        console.log(readFileSync(path.join(HERE, 'run.mjs'), 'utf8').split('\n').slice(4, 9).join('\n').replaceAll('//', ''));
        process.exit(0);
        break;
      default:
        throw new UsageError(`unknown argument ${arg} (see tools/bench/README.md)`);
    }
  }
  return opts;
}

// ---------------------------------------------------------------------------------------------
// Setup: build, repo, warm cache

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function ensureBuilt(opts) {
  const distIndex = path.join(ROOT, 'packages', 'analyzer', 'dist', 'index.js');
  if (opts.build || !existsSync(distIndex)) {
    console.log('building: npx tsc -b');
    execFileSync('npx', ['tsc', '-b'], { cwd: ROOT, stdio: 'inherit' });
  } else if (newestMtime(path.join(ROOT, 'packages', 'analyzer', 'src')) > statSync(distIndex).mtimeMs) {
    console.log('note: packages/analyzer/src is newer than its dist/ — measuring the built code; pass --build to rebuild first');
  }
}

function ensureRepo(opts) {
  if (opts.dir) return { dir: opts.dir, manifest: readManifest(opts.dir), generated: false };
  const name = `mono-p${opts.packages}-f${opts.files}-s${opts.seed}`;
  const dir = path.join(WORK, name);
  const existing = readManifest(dir);
  const same =
    existing &&
    existing.version === GENERATOR_VERSION &&
    existing.options.packages === opts.packages &&
    existing.options.filesPerPackage === opts.files &&
    existing.options.seed === opts.seed &&
    !existing.hub;
  if (same && !opts.regen) {
    console.log(`repo: reusing ${path.relative(ROOT, dir)} (${existing.files} files); --regen to rebuild it`);
    return { dir, manifest: existing, generated: false };
  }
  mkdirSync(WORK, { recursive: true });
  const started = performance.now();
  const manifest = generateMonorepo(dir, { packages: opts.packages, filesPerPackage: opts.files, seed: opts.seed });
  console.log(
    `repo: generated ${path.relative(ROOT, dir)} (${manifest.files} files, ${(manifest.bytes / 1e6).toFixed(1)} MB) in ${Math.round(performance.now() - started)} ms`,
  );
  return { dir, manifest, generated: true };
}

/** Read every file once so no tool pays for a cold page cache. */
function warmCache(dir) {
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) readFileSync(full);
    }
  };
  walk(dir);
}

// ---------------------------------------------------------------------------------------------
// Tool commands

function oursCommand(opts, dir, profileDir) {
  const cliBuilt = existsSync(path.join(ROOT, 'packages', 'cli', 'dist', 'bin.js'));
  const mode = opts.ours ?? (cliBuilt ? 'cli' : 'api');
  if (mode === 'cli' && !cliBuilt) throw new Error('--ours cli: packages/cli/dist/bin.js is not built');
  const prof = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  if (mode === 'cli') return { mode, args: [...prof, path.join(ROOT, 'packages', 'cli', 'bin', 'refactor.js'), 'analyze', dir, '--json'] };
  return { mode, args: [...prof, path.join(LIB, 'ours.mjs'), dir] };
}

function writeDepcruiseConfig(dir) {
  const tsconfig = path.join(dir, 'tsconfig.json');
  // What `depcruise --init` sets up for a TypeScript monorepo: don't descend into node_modules,
  // keep type-only imports (tsPreCompilationDeps), resolve through tsconfig and package.json
  // `exports` (dependency-cruiser ignores `exports` unless exportsFields is set).
  const config = {
    options: {
      doNotFollow: { path: 'node_modules' },
      tsPreCompilationDeps: true,
      ...(existsSync(tsconfig) ? { tsConfig: { fileName: tsconfig } } : {}),
      enhancedResolveOptions: {
        exportsFields: ['exports'],
        conditionNames: ['import', 'require', 'node', 'default', 'types'],
        mainFields: ['module', 'main', 'types', 'typings'],
      },
    },
  };
  const file = path.join(WORK, 'depcruise.config.json');
  mkdirSync(WORK, { recursive: true });
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
  return file;
}

// ---------------------------------------------------------------------------------------------
// Reading each tool's output into the same shape: modules, edges as the tool counts them,
// edges that reach a repo file, distinct (from, to) file pairs.

const isRepoFile = (p) => typeof p === 'string' && !p.startsWith('..') && !p.startsWith('/') && !p.includes('node_modules/') && /\.[cm]?[jt]sx?$/.test(p);

function countDepcruise(file) {
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  const pairs = new Set();
  let modules = 0;
  let edges = 0;
  let fileEdges = 0;
  const types = {};
  for (const mod of doc.modules) {
    if (mod.coreModule || mod.couldNotResolve || !isRepoFile(mod.source)) continue;
    modules++;
    for (const dep of mod.dependencies) {
      edges++;
      for (const t of dep.dependencyTypes ?? []) types[t] = (types[t] ?? 0) + 1;
      if (!dep.coreModule && !dep.couldNotResolve && isRepoFile(dep.resolved)) {
        fileEdges++;
        pairs.add(`${mod.source}\t${dep.resolved}`);
      }
    }
  }
  return { modules, edges, fileEdges, pairs, types };
}

function countMadge(file, src) {
  const tree = JSON.parse(readFileSync(file, 'utf8'));
  const pairs = new Set();
  let edges = 0;
  // Keys are relative to the base directory we gave (the repo root) or, for the plain CLI, to
  // the common directory of the sources: put the src prefix back when it is missing.
  const fix = (p) => (p.startsWith(`${src}/`) || src === '.' ? p : `${src}/${p}`);
  for (const [from, deps] of Object.entries(tree)) {
    for (const to of deps) {
      edges++;
      pairs.add(`${fix(from)}\t${fix(to)}`);
    }
  }
  return { modules: Object.keys(tree).length, edges, fileEdges: edges, pairs };
}

function parseOursStdout(file) {
  const text = readFileSync(file, 'utf8').trim();
  const candidates = [text, ...text.split('\n').reverse()];
  for (const candidate of candidates) {
    try {
      const doc = JSON.parse(candidate);
      if (doc?.stats) {
        const counts = doc.counts ?? Object.fromEntries(Object.entries(doc.findings ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.length : v]));
        return { stats: doc.stats, counts };
      }
    } catch {
      // not this line
    }
  }
  return undefined;
}

function truthOf(manifest) {
  if (!manifest) return undefined;
  const pairs = new Set();
  for (const [from, , , target] of manifest.edges) if (!/^(builtin|external):/.test(target)) pairs.add(`${from}\t${target}`);
  return { modules: manifest.files, edges: manifest.expected.imports, fileEdges: manifest.expected.internal, pairs, byKind: manifest.expected.byKind };
}

function compare(pairs, truth) {
  if (!truth || !pairs) return undefined;
  let missing = 0;
  let extra = 0;
  for (const p of truth.pairs) if (!pairs.has(p)) missing++;
  for (const p of pairs) if (!truth.pairs.has(p)) extra++;
  return { missing, extra };
}

// ---------------------------------------------------------------------------------------------
// Report

const fmt = (n, digits = 2) => (n === undefined || n === null || Number.isNaN(n) ? '-' : typeof n === 'number' ? n.toFixed(digits) : String(n));
const int = (n) => (n === undefined || n === null ? '-' : Math.round(n).toLocaleString('en-US'));

function table(rows, header) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  ensureBuilt(opts);
  const { dir, manifest } = ensureRepo(opts);
  const srcDir = opts.dir ? opts.src : 'packages';
  const tmp = path.join(WORK, 'out');
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const timeoutMs = opts.timeoutS * 1000;
  const env = { BENCH_REPO_ROOT: ROOT };
  const cores = availableParallelism();
  const floorWorkers = Math.min(cores, 8);
  warmCache(dir);
  const loadBefore = loadavg();

  const results = {
    date: new Date().toISOString(),
    machine: {
      cpus: cores,
      cpuModel: cpus()[0]?.model,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      loadavg: loadBefore.map((l) => Number(l.toFixed(2))),
    },
    memoryMethod,
    repo: {
      dir: path.relative(ROOT, dir) || '.',
      generated: Boolean(manifest && !opts.dir),
      packages: manifest?.options.packages,
      filesPerPackage: manifest?.options.filesPerPackage,
      seed: manifest?.options.seed,
      files: manifest?.files,
      megabytes: manifest ? Number((manifest.bytes / 1e6).toFixed(1)) : undefined,
      expected: manifest?.expected,
    },
    tools: {},
  };
  let busyBefore;
  const record = (key, label, run, extra = {}) => {
    if (!results.tools[key]) results.tools[key] = { label, runs: [], ...extra };
    const entry = results.tools[key];
    entry.runs.push({
      ok: run.ok,
      timedOut: run.timedOut,
      code: run.code,
      wallMs: Math.round(run.wallMs),
      cpuMs: run.cpuMs === undefined ? undefined : Math.round(run.cpuMs),
      peakMb: Math.round(run.peakMb),
      othersBusyBefore: busyBefore === undefined ? undefined : Number(busyBefore.toFixed(2)),
    });
    if (!run.ok) {
      const err = existsSync(run.stderrFile) ? readFileSync(run.stderrFile, 'utf8').trim().split('\n').slice(-5).join('\n') : '';
      entry.error = run.timedOut ? `timed out after ${opts.timeoutS} s` : `exit ${run.code ?? run.signal ?? run.error}${err ? `: ${err}` : ''}`;
      console.log(`  ${label}: ${entry.error}`);
    }
    return entry;
  };
  // Before each measured run: wait (up to --quiet seconds) for other processes to leave the CPUs.
  const step = async (label) => {
    busyBefore = opts.quietS > 0 ? await waitForQuiet(opts.quietS * 1000) : undefined;
    const busy = busyBefore === undefined ? '' : ` (others using ${Math.round(busyBefore * 100)}% of the CPUs)`;
    process.stdout.write(`running ${label}${busy} ...\n`);
  };
  const lastRun = (entry) => entry.runs[entry.runs.length - 1];

  // 1. Floor and ours, interleaved, `runs` times each: the short runs are the noisy ones.
  let ours;
  for (let r = 0; r < opts.runs; r++) {
    if (opts.only.has('floor')) {
      await step(`floor, 1 thread (${r + 1}/${opts.runs})`);
      const one = await measure(NODE, [path.join(LIB, 'floor.mjs'), dir, '--workers', '0'], {
        cwd: ROOT,
        env,
        timeoutMs,
        stdoutFile: path.join(tmp, `floor1-${r}.json`),
        stderrFile: path.join(tmp, `floor1-${r}.err`),
      });
      const e1 = record('floor1', 'read+lex floor, 1 thread', one);
      if (one.ok) lastRun(e1).detail = JSON.parse(readFileSync(one.stdoutFile, 'utf8'));
      await step(`floor, ${floorWorkers} workers (${r + 1}/${opts.runs})`);
      const many = await measure(NODE, [path.join(LIB, 'floor.mjs'), dir, '--workers', String(floorWorkers)], {
        cwd: ROOT,
        env,
        timeoutMs,
        stdoutFile: path.join(tmp, `floorN-${r}.json`),
        stderrFile: path.join(tmp, `floorN-${r}.err`),
      });
      const eN = record('floorN', `read+lex floor, ${floorWorkers} workers`, many);
      if (many.ok) lastRun(eN).detail = JSON.parse(readFileSync(many.stdoutFile, 'utf8'));
      // For reference, not a floor: what a full native parse (oxc's module record) costs on Node 20.
      await step(`read+parse with oxc, ${floorWorkers} workers (${r + 1}/${opts.runs})`);
      const oxc = await measure(NODE, [path.join(LIB, 'floor.mjs'), dir, '--workers', String(floorWorkers), '--parser', 'oxc'], {
        cwd: ROOT,
        env,
        timeoutMs,
        stdoutFile: path.join(tmp, `floorOxc-${r}.json`),
        stderrFile: path.join(tmp, `floorOxc-${r}.err`),
      });
      const eOxc = record('floorOxc', `read+parse (oxc), ${floorWorkers} workers`, oxc);
      if (oxc.ok) lastRun(eOxc).detail = JSON.parse(readFileSync(oxc.stdoutFile, 'utf8'));
    }
    if (opts.only.has('ours')) {
      const cmd = oursCommand(opts, dir);
      const cli = cmd.mode === 'cli';
      const variants = [
        {
          key: 'ours',
          label: cli ? 'ours: refactor analyze --json' : 'ours: analyze() (packages/analyzer/dist)',
          args: cmd.args,
          step: cli ? 'refactor analyze --json' : 'analyze() API',
        },
        // The same on one thread: on a machine whose cores give little parallel speedup, the
        // workers' extra work (start-up, passing results) can cost what they save.
        ...(cli ? [{ key: 'ours1', label: 'ours: same, --workers 0', args: [...cmd.args, '--workers', '0'], step: '--workers 0' }] : []),
      ];
      for (const variant of variants) {
        await step(`ours (${variant.step}) (${r + 1}/${opts.runs})`);
        const run = await measure(NODE, variant.args, {
          cwd: ROOT,
          env,
          timeoutMs,
          stdoutFile: path.join(tmp, `${variant.key}-${r}.json`),
          stderrFile: path.join(tmp, `${variant.key}-${r}.err`),
        });
        // `analyze` exits 1 when findings fail a --fail-on; the document is still complete.
        if (run.code === 1 && cli) run.ok = parseOursStdout(run.stdoutFile) !== undefined;
        const entry = record(variant.key, variant.label, run, variant.key === 'ours' ? { mode: cmd.mode } : {});
        if (run.ok) lastRun(entry).detail = parseOursStdout(run.stdoutFile);
        if (variant.key === 'ours') ours = entry;
      }
    }
  }

  // 2. Our edge breakdown and file pairs, from a separate untimed run through the API.
  const truth = truthOf(manifest);
  let oursAudit;
  if (opts.only.has('ours') && existsSync(path.join(ROOT, 'packages', 'analyzer', 'dist', 'index.js'))) {
    process.stdout.write('running ours: edge audit (untimed) ...\n');
    const auditFile = path.join(tmp, 'ours-audit.json');
    const audit = await measure(NODE, [path.join(LIB, 'ours.mjs'), dir, '--audit', auditFile], {
      cwd: ROOT,
      env,
      timeoutMs,
      stdoutFile: path.join(tmp, 'audit.out'),
      stderrFile: path.join(tmp, 'audit.err'),
    });
    if (audit.ok) {
      oursAudit = JSON.parse(readFileSync(auditFile, 'utf8'));
      oursAudit.pairs = new Set(oursAudit.pairs);
    }
  }

  // 3. dependency-cruiser and madge, once each (they take tens of seconds).
  let depcruise;
  if (opts.only.has('depcruise')) {
    const config = writeDepcruiseConfig(dir);
    await step('dependency-cruiser');
    const run = await measure(NODE, [path.join(LIB, 'depcruise-node20.mjs'), '--config', config, '--output-type', 'json', srcDir], {
      cwd: dir,
      env,
      timeoutMs,
      stdoutFile: path.join(tmp, 'depcruise.json'),
      stderrFile: path.join(tmp, 'depcruise.err'),
    });
    depcruise = record('depcruise', 'dependency-cruiser 18 (json)', run);
    if (run.ok) depcruise.counts = countDepcruise(run.stdoutFile);
  }
  let madge;
  if (opts.only.has('madge')) {
    await step('madge');
    const run = await measure(NODE, [path.join(LIB, 'madge.mjs'), dir, srcDir], {
      cwd: dir,
      env,
      timeoutMs,
      stdoutFile: path.join(tmp, 'madge.json'),
      stderrFile: path.join(tmp, 'madge.err'),
    });
    madge = record('madge', 'madge 8 (json)', run);
    if (run.ok) madge.counts = countMadge(run.stdoutFile, '.');
    if (opts.madgeCli) {
      await step('madge CLI with --ts-config');
      const cli = await measure(
        NODE,
        [
          path.join(ROOT, 'node_modules', 'madge', 'bin', 'cli.js'),
          '--json',
          '--no-spinner',
          '--no-color',
          '--extensions',
          'ts,tsx,js,cjs,mjs',
          ...(existsSync(path.join(dir, 'tsconfig.json')) ? ['--ts-config', 'tsconfig.json'] : []),
          srcDir,
        ],
        { cwd: dir, env, timeoutMs, stdoutFile: path.join(tmp, 'madge-cli.json'), stderrFile: path.join(tmp, 'madge-cli.err') },
      );
      const entry = record('madgeCli', 'madge 8 CLI --ts-config (as documented)', cli);
      if (cli.ok) entry.counts = countMadge(cli.stdoutFile, srcDir);
    }
  }

  // 4. Optional CPU profile of ours (not part of the timings).
  if (opts.profile && opts.only.has('ours')) {
    const profileDir = path.join(WORK, 'profile');
    rmSync(profileDir, { recursive: true, force: true });
    const cmd = oursCommand(opts, dir, profileDir);
    await step('ours under --cpu-prof');
    await measure(NODE, cmd.args, { cwd: ROOT, env, timeoutMs, stdoutFile: path.join(tmp, 'profile.out'), stderrFile: path.join(tmp, 'profile.err') });
    if (existsSync(profileDir)) {
      const summary = summarizeProfiles([profileDir], { top: 20 });
      results.profile = { dir: path.relative(ROOT, profileDir), top: summary.top.map(([name, ms]) => ({ name, ms: Math.round(ms) })) };
      console.log(`\nCPU profile of ours (${path.relative(ROOT, profileDir)}; every thread):\n${formatSummary(summary)}`);
    }
  }

  // ---- summary
  for (const entry of Object.values(results.tools)) {
    const ok = entry.runs.filter((r) => r.ok);
    entry.wallMs = median(ok.map((r) => r.wallMs));
    entry.minWallMs = ok.length ? Math.min(...ok.map((r) => r.wallMs)) : undefined;
    entry.cpuMs = median(ok.map((r) => r.cpuMs));
    entry.peakMb = median(ok.map((r) => r.peakMb));
    entry.othersBusyMax = Math.max(0, ...entry.runs.map((r) => r.othersBusyBefore ?? 0));
    // In-process timings (the tool's own clock, without node startup), medians over runs.
    const details = ok.map((r) => r.detail).filter(Boolean);
    if (details.length > 0 && details[0].stats) {
      entry.detail = { stats: { ...details.at(-1).stats, ms: median(details.map((d) => d.stats.ms)) }, counts: details.at(-1).counts };
    } else if (details.length > 0) {
      entry.detail = { ...details.at(-1) };
      for (const key of ['listMs', 'readMs', 'parseMs', 'ms']) entry.detail[key] = median(details.map((d) => d[key]));
    }
  }
  const t = results.tools;
  const floorBest = [t.floor1, t.floorN].filter((e) => e?.wallMs !== undefined).sort((a, b) => a.wallMs - b.wallMs)[0];
  const oursWall = t.ours?.wallMs;
  ours = t.ours;
  const oursCounts = ours?.detail
    ? {
        modules: ours.detail.stats.files,
        edges: ours.detail.stats.edges,
        fileEdges: oursAudit?.fileEdges,
        pairs: oursAudit?.pairs,
      }
    : undefined;
  const rowsSpec = [
    ['floor1', t.floor1, t.floor1?.detail ? { modules: t.floor1.detail.files } : undefined],
    ['floorN', t.floorN, t.floorN?.detail ? { modules: t.floorN.detail.files } : undefined],
    ['floorOxc', t.floorOxc, t.floorOxc?.detail ? { modules: t.floorOxc.detail.files } : undefined],
    ['ours', t.ours, oursCounts],
    ['ours1', t.ours1, t.ours1?.detail ? { modules: t.ours1.detail.stats.files, edges: t.ours1.detail.stats.edges } : undefined],
    ['depcruise', t.depcruise, depcruise?.counts],
    ['madge', t.madge, madge?.counts],
    ['madgeCli', t.madgeCli, t.madgeCli?.counts],
  ];
  const rows = [];
  for (const [key, entry, counts] of rowsSpec) {
    if (!entry) continue;
    const cmp = compare(counts?.pairs, truth);
    const failed = entry.wallMs === undefined;
    const ratio =
      key === 'ours' || key === 'ours1' || !oursWall || failed
        ? ''
        : key.startsWith('floor')
          ? `ours ${fmt(oursWall / entry.wallMs, 1)}x`
          : `${fmt(entry.wallMs / oursWall, 1)}x`;
    rows.push([
      entry.label,
      failed ? (entry.error?.startsWith('timed out') ? 'TIMEOUT' : 'FAILED') : fmt(entry.wallMs / 1000, 2),
      failed ? '-' : fmt(entry.cpuMs === undefined ? undefined : entry.cpuMs / 1000, 2),
      failed ? '-' : int(entry.peakMb),
      int(counts?.modules),
      int(counts?.edges),
      int(counts?.fileEdges),
      int(counts?.pairs?.size),
      cmp ? `${int(cmp.missing)}/${int(cmp.extra)}` : '-',
      ratio,
    ]);
    entry.counts = counts
      ? { modules: counts.modules, edges: counts.edges, fileEdges: counts.fileEdges, pairs: counts.pairs?.size, types: counts.types, vsTruth: cmp }
      : undefined;
  }
  if (truth) rows.push(['generator ground truth', '', '', '', int(truth.modules), int(truth.edges), int(truth.fileEdges), int(truth.pairs.size), '0/0', '']);

  const repoLine = manifest
    ? `${results.repo.files} files, ${results.repo.megabytes} MB, ${manifest.options.packages} packages x ${manifest.options.filesPerPackage} files (seed ${manifest.options.seed})`
    : dir;
  console.log(`\nmonorefactor bench — ${repoLine}`);
  console.log(
    `${cores} cores (${results.machine.cpuModel}), ${process.version}, load before ${loadBefore.map((l) => l.toFixed(2)).join(' ')}; wall/CPU/peak are medians of ${opts.runs} runs for floor and ours, 1 run for the others; peak memory via ${memoryMethod}\n`,
  );
  console.log(table(rows, ['tool', 'wall s', 'CPU s', 'peak MB', 'modules', 'edges', '->file', 'file pairs', 'missing/extra', 'vs ours']));
  console.log(
    '\nedges: as each tool counts them (ours: every import statement incl. builtins/externals; dependency-cruiser: one per (file, module) incl.\n' +
      'node: builtins and npm; madge: distinct repo files). ->file: edges that reach a repo file. file pairs: distinct (importer, imported file);\n' +
      'missing/extra: file pairs compared with the generator ground truth — the like-for-like measure of equal work.',
  );

  for (const entry of [t.floor1, t.floorN, t.floorOxc]) {
    if (entry?.detail)
      console.log(
        `${entry.label}: list ${int(entry.detail.listMs)} ms, read ${int(entry.detail.readMs)} ms, ${entry.detail.parser === 'oxc' ? 'parseSync' : 'lex'} ${int(entry.detail.parseMs)} ms (read/parse summed over threads), ${int(entry.detail.ms)} ms in-process`,
      );
  }
  const busiest = Math.max(0, ...Object.values(t).map((e) => e.othersBusyMax ?? 0));
  results.othersBusyMax = Number(busiest.toFixed(2));
  if (busiest > 0.15)
    console.log(
      `\nWARNING: other processes were using up to ${Math.round(busiest * 100)}% of the CPUs before some runs: wall times (and wall ratios) are inflated; CPU-time ratios are the steadier figure. --quiet <s> waits longer for an idle machine.`,
    );
  const verdicts = [];
  const ratios = {};
  if (oursWall && t.depcruise?.wallMs) ratios.depcruiseVsOurs = t.depcruise.wallMs / oursWall;
  if (oursWall && t.madge?.wallMs) ratios.madgeVsOurs = t.madge.wallMs / oursWall;
  if (oursWall && floorBest) ratios.oursVsFloor = oursWall / floorBest.wallMs;
  const oursCpu = t.ours?.cpuMs;
  if (oursCpu && t.depcruise?.cpuMs) ratios.depcruiseVsOursCpu = t.depcruise.cpuMs / oursCpu;
  if (oursCpu && t.madge?.cpuMs) ratios.madgeVsOursCpu = t.madge.cpuMs / oursCpu;
  if (oursCpu && floorBest?.cpuMs) ratios.oursVsFloorCpu = oursCpu / floorBest.cpuMs;
  if (ours?.detail && floorBest?.detail) ratios.oursInternalVsFloorInternal = ours.detail.stats.ms / floorBest.detail.ms;
  results.ratios = Object.fromEntries(Object.entries(ratios).map(([k, v]) => [k, Number(v.toFixed(2))]));
  const mark = (ok) => (ok ? 'yes' : 'NO ');
  const cpuNote = (v) => (v === undefined ? '' : `; CPU time ${fmt(v, 1)}x`);
  if (ratios.depcruiseVsOurs !== undefined)
    verdicts.push(
      `${mark(ratios.depcruiseVsOurs >= 30)} dependency-cruiser / ours = ${fmt(ratios.depcruiseVsOurs, 1)}x wall  (target >= 30x${cpuNote(ratios.depcruiseVsOursCpu)})`,
    );
  if (ratios.madgeVsOurs !== undefined)
    verdicts.push(
      `${mark(ratios.madgeVsOurs >= 30)} madge / ours              = ${fmt(ratios.madgeVsOurs, 1)}x wall  (target >= 30x${cpuNote(ratios.madgeVsOursCpu)})`,
    );
  if (ratios.oursVsFloor !== undefined)
    verdicts.push(
      `${mark(ratios.oursVsFloor <= 2)} ours / read+lex floor     = ${fmt(ratios.oursVsFloor, 2)}x wall (target <= 2x; floor = ${floorBest.label}, ${fmt(floorBest.wallMs / 1000, 2)} s` +
        `${ratios.oursInternalVsFloorInternal ? `; in-process ${int(ours.detail.stats.ms)} ms vs ${int(floorBest.detail.ms)} ms = ${fmt(ratios.oursInternalVsFloorInternal, 2)}x` : ''}${cpuNote(ratios.oursVsFloorCpu)})`,
    );
  const theirPeaks = [t.depcruise?.peakMb, t.madge?.peakMb].filter((v) => v !== undefined);
  if (t.ours?.peakMb !== undefined && theirPeaks.length > 0)
    verdicts.push(
      `${mark(t.ours.peakMb < Math.min(...theirPeaks))} peak memory: ours ${int(t.ours.peakMb)} MB vs ${[t.depcruise?.peakMb !== undefined ? `dependency-cruiser ${int(t.depcruise.peakMb)} MB` : '', t.madge?.peakMb !== undefined ? `madge ${int(t.madge.peakMb)} MB` : ''].filter(Boolean).join(', ')}`,
    );
  if (oursCounts?.pairs && truth) {
    const cmp = compare(oursCounts.pairs, truth);
    verdicts.push(
      `${mark(cmp.missing === 0 && cmp.extra === 0)} ours finds every generated import (${int(cmp.missing)} file pairs missing, ${int(cmp.extra)} extra)`,
    );
  }
  if (oursAudit && manifest?.planted) {
    const found = manifest.planted.misplaced.filter((p) => oursAudit.misplaced.some((m) => m.files.includes(p.file) && m.to === p.to));
    verdicts.push(
      `${mark(found.length === manifest.planted.misplaced.length)} planted misplaced modules found: ${found.length}/${manifest.planted.misplaced.length} (misplaced findings in all: ${oursAudit.misplaced.length})`,
    );
    const dupes = manifest.planted.duplicates.filter((pair) => oursAudit.duplicates.some((files) => pair.every((f) => files.includes(f))));
    verdicts.push(
      `${mark(dupes.length === manifest.planted.duplicates.length)} planted duplicate found: ${dupes.length}/${manifest.planted.duplicates.length} (duplicate findings in all: ${oursAudit.duplicates.length})`,
    );
    results.findings = { ours: ours?.detail?.counts, plantedMisplacedFound: found.length, plantedDuplicatesFound: dupes.length };
  }
  if (verdicts.length) console.log(`\n${verdicts.join('\n')}`);
  if (oursAudit) {
    results.oursEdgeKinds = oursAudit.byKind;
    results.oursEdgeTargets = oursAudit.byTarget;
    console.log(
      `\nours by kind: ${Object.entries(oursAudit.byKind)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}; by target: ${Object.entries(oursAudit.byTarget)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
  }
  if (depcruise?.counts?.types)
    console.log(
      `dependency-cruiser dependency types: ${Object.entries(depcruise.counts.types)
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );

  if (opts.json) {
    const file = path.join(HERE, 'results.json');
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nwrote ${path.relative(ROOT, file)}`);
  }
}

main().catch((error) => {
  console.error(`bench: ${error instanceof UsageError ? error.message : (error.stack ?? error)}`);
  process.exitCode = 2;
});
