#!/usr/bin/env node
// `npm run bench:agents`: the agent executor's speedup and orchestration overhead. N independent
// tasks (disjoint footprints) whose fake agent works 2 s each, through the real CLI
// (`refactor apply --tasks ... --executor agent --agent "node fixtures/agents/slow.mjs"`), at
// --parallel 1 and --parallel 4 in one run, interleaved. See tools/bench/agents.md.
//
//   npm run bench:agents -- [--tasks 12] [--task-ms 2000] [--parallel 4] [--runs 1] [--quiet 20]
//                           [--cli <refactor bin>] [--keep] [--json]
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { aggregate, analyzeRun, formatResults, TARGETS } from './lib/agents-report.mjs';
import { measureRun } from './lib/agents-run.mjs';
import { GATES, generateAgentsWorkspace } from './lib/agents-workspace.mjs';
import { sampleBusy, waitForQuiet } from './lib/measure.mjs';

const HERE = import.meta.dirname;
const ROOT = path.resolve(HERE, '..', '..');
const DEFAULT_CLI = path.join(ROOT, 'packages/cli/bin/refactor.js');
const AGENT = path.join(ROOT, 'fixtures/agents/slow.mjs');
const RESULTS = path.join(HERE, 'agents-results.json');

function parseArgs(argv) {
  const opts = { tasks: 12, taskMs: 2000, parallel: 4, runs: 1, quietS: 20, cli: DEFAULT_CLI, keep: false, json: false };
  const flags = { '--tasks': 'tasks', '--task-ms': 'taskMs', '--parallel': 'parallel', '--runs': 'runs', '--quiet': 'quietS' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') opts.json = true;
    else if (arg === '--keep') opts.keep = true;
    else if (arg === '--cli') opts.cli = path.resolve(argv[++i] ?? '');
    else if (flags[arg]) {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < (arg === '--quiet' ? 0 : 1)) throw new Error(`${arg} needs a whole number${arg === '--quiet' ? '' : ' >= 1'}`);
      opts[flags[arg]] = value;
    } else throw new Error(`unknown argument ${arg} (see tools/bench/agents.md)`);
  }
  if (opts.parallel < 2) throw new Error('--parallel must be 2 or more: it is compared with --parallel 1');
  return opts;
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`bench:agents: ${error.message}`);
    return 2;
  }
  if (!existsSync(path.join(path.dirname(opts.cli), '../dist/bin.js'))) {
    console.error(`bench:agents: ${path.relative(ROOT, path.dirname(opts.cli))}/../dist is missing: run \`npx tsc -b\` first`);
    return 2;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'refactor-bench-agents-'));
  try {
    const { base } = generateAgentsWorkspace(dir, { tasks: opts.tasks });
    const agent = `node ${AGENT}`;
    console.log(`agent executor benchmark: ${opts.tasks} tasks x ${opts.taskMs} ms, --parallel 1 vs ${opts.parallel}, ${opts.runs} run(s) each, interleaved`);
    console.log(`node ${process.version}, ${availableParallelism()} CPUs, load ${loadavg()[0].toFixed(2)}; workspace ${dir}`);
    if (opts.cli !== DEFAULT_CLI) console.log(`CLI: ${opts.cli}`);
    console.log(`gates: imports (analysis), typecheck \`${GATES.typecheck}\`, tests \`${GATES.test}\``);

    const analyzed = [];
    const raw = [];
    for (let run = 0; run < opts.runs; run++) {
      // Alternate the order so a slow stretch of the shared machine does not always hit one level.
      const order = run % 2 === 0 ? [1, opts.parallel] : [opts.parallel, 1];
      for (const parallel of order) {
        // Agents mostly sleep: a looser bar (35% busy) than the analyzer bench's.
        const busy = opts.quietS > 0 ? await waitForQuiet(opts.quietS * 1000, 0.35) : await sampleBusy();
        const timeoutMs = ((opts.tasks * opts.taskMs) / parallel) * 3 + 120_000;
        const measured = await measureRun({ cli: opts.cli, dir, base, agent, tasks: opts.tasks, parallel, taskMs: opts.taskMs, timeoutMs });
        const figures = analyzeRun(measured, opts);
        analyzed.push(figures);
        raw.push({ run: run + 1, cpuBusyBefore: busy, ...measured, figures });
        const load = busy === undefined ? '' : `, CPUs ${Math.round(busy * 100)}% busy before`;
        console.log(`  run ${run + 1}, --parallel ${parallel}: wall ${(measured.wallMs / 1000).toFixed(2)} s${load}`);
      }
    }
    const result = aggregate(analyzed, opts);
    console.log('');
    console.log(formatResults(result, opts));
    if (opts.json) {
      const doc = {
        version: 1,
        date: new Date().toISOString(),
        node: process.version,
        cpus: availableParallelism(),
        options: { tasks: opts.tasks, taskMs: opts.taskMs, parallel: opts.parallel, runs: opts.runs, cli: path.relative(ROOT, opts.cli) },
        command: `refactor apply . --tasks agent-tasks.json --executor agent --agent "node fixtures/agents/slow.mjs" --parallel <N> --yes --json`,
        gates: { imports: 'analysis', ...GATES },
        targets: TARGETS,
        medians: result.byLevel,
        speedup: result.speedup,
        engineSpeedup: result.engineSpeedup,
        verdicts: result.verdicts,
        runs: raw.map(({ records, ...rest }) => ({ ...rest, taskPhases: Object.fromEntries(records.map((r) => [r.id, { ms: r.ms, ...r.phases }])) })),
      };
      writeFileSync(RESULTS, `${JSON.stringify(doc, null, 2)}\n`);
      console.log(`\nwrote ${path.relative(process.cwd(), RESULTS)}`);
    }
    return 0;
  } finally {
    if (opts.keep) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main().catch((error) => {
  console.error(`bench:agents: ${error.stack ?? error}`);
  return 1;
});
