import { type GraphChange, updateImportGraph } from '@monorefactor/analyzer';
import { type EventSink, type ImportGraph, noopSink, type RefactorConfig, type VerifyGate } from '@monorefactor/core';
import { affectedScope } from './affected.js';
import { runShell, testCommand } from './commands.js';
import { failureSummary } from './failureSummary.js';
import { type GateFindings, gateFindings, runImportsGate } from './importsGate.js';
import { changedPaths, changeSinceHead } from './treeChange.js';
import { runTypecheck } from './typecheckGate.js';
import { typecheckPlan } from './typecheckPlan.js';

export interface VerifyOptions {
  root: string;
  config: RefactorConfig;
  /** Findings before the batch: the imports gate reports only what got worse. */
  baseline: GateFindings;
  /**
   * `baseline` is the last commit's findings (apply): the imports gate words its problems as new
   * since then. Without it they are the tree's own (`refactor verify`, whose empty baseline makes
   * every finding count).
   */
  sinceBaseline?: boolean;
  /**
   * The graph of the last committed state (HEAD), which `baseline` was computed on: the imports
   * gate then re-reads only what changed since HEAD instead of analysing the whole tree.
   */
  graph?: ImportGraph;
  /** Files the batch wrote (old and new paths), to scope tests to the affected packages. */
  touched: string[];
  batch: number;
  typecheck?: boolean;
  tests?: boolean;
  onEvent?: EventSink;
  signal?: AbortSignal;
}

export interface VerifyResult {
  ok: boolean;
  /**
   * The first gate that failed, with its output (a command's starts with `$ <command>`) and a
   * one-line summary of it: its first error lines.
   */
  failed?: { gate: VerifyGate; output: string; summary: string };
  /** The graph after the batch and the findings gate 1 compares (the next batch's baseline). */
  graph: ImportGraph;
  findings: GateFindings;
}

/** Run the gates in order (imports, typecheck, tests); stop at the first that fails. */
export async function verifyTree(options: VerifyOptions): Promise<VerifyResult> {
  const emit = options.onEvent ?? noopSink;
  const { root, batch } = options;
  const gate = async <T extends { ok: boolean; output: string }>(name: VerifyGate, run: () => Promise<T>): Promise<T> => {
    emit({ type: 'verify:start', batch, gate: name });
    const started = performance.now();
    const result = await run();
    emit({
      type: 'verify:end',
      batch,
      gate: name,
      ok: result.ok,
      ms: Math.round(performance.now() - started),
      // A gate killed by an interrupt says so instead of showing the command's last words.
      ...(result.ok ? {} : { output: options.signal?.aborted ? 'cancelled: apply was interrupted' : result.output }),
    });
    return result;
  };

  const imports = await gate('imports', async () => {
    const checked = await runImportsGate({
      root,
      config: options.config,
      graph: options.graph,
      baseline: options.baseline,
      touched: options.touched,
      ...(options.sinceBaseline ? { sinceBaseline: true } : {}),
    });
    return { ...checked, output: checked.problems.join('\n') };
  });
  const base = { graph: imports.graph, findings: imports.findings };
  const failure = (name: VerifyGate, output: string, summary = failureSummary(name, output)) => ({
    ok: false as const,
    failed: { gate: name, output, summary },
    ...base,
  });
  if (!imports.ok) return failure('imports', imports.output);
  let ranCommands = false;
  // A command's output names the command: the user sees what ran (a default may not be obvious).
  const ran = (command: string, output: string) => `$ ${command}\n${output}`;

  if (options.typecheck !== false) {
    const plan = typecheckPlan(root, options.config.verify, base.graph.workspace);
    if (plan?.note) warnOnce(emit, root, `${plan.note}; set verify.typecheck in refactor.config.json to choose the command`);
    if (!plan && options.config.verify.typecheck !== false && hasTypeScript(base.graph))
      warnOnce(
        emit,
        root,
        'no typecheck ran: no typecheck script and no tsconfig.json at the root or in any package; set verify.typecheck in refactor.config.json',
      );
    if (plan) {
      ranCommands = true;
      const typecheck = await gate('typecheck', async () => {
        const result = await runTypecheck(plan, root, { signal: options.signal });
        return { ...result, output: ran(plan.command, result.output), raw: result.output };
      });
      if (!typecheck.ok) return failure('typecheck', typecheck.output, failureSummary('typecheck', typecheck.raw));
    }
  }
  if (options.tests !== false) {
    const scope = affectedScope(base.graph, options.touched);
    const command = testCommand(root, options.config.verify, scope.dirs, scope.testFiles);
    if (command) {
      ranCommands = true;
      const tests = await gate('tests', async () => {
        const result = await runShell(command, root, { signal: options.signal });
        return { ...result, output: ran(command, result.output), raw: result.output };
      });
      if (!tests.ok) return failure('tests', tests.output, failureSummary('tests', tests.raw));
    }
  }
  if (ranCommands && imports.change) return { ok: true, ...(await withLateChanges(root, options.config, imports.change, base)) };
  return { ok: true, ...base };
}

/** Said once per workspace and process: the same note on every batch would only be noise. */
const warned = new Set<string>();
function warnOnce(emit: EventSink, root: string, message: string): void {
  const key = `${root}\u0000${message}`;
  if (warned.has(key)) return;
  warned.add(key);
  emit({ type: 'warn', message });
}

function hasTypeScript(graph: ImportGraph): boolean {
  for (const file of graph.modules.keys()) if (/\.[cm]?tsx?$/.test(file) && !/\.d\.[cm]?ts$/.test(file)) return true;
  return false;
}

/**
 * The typecheck or tests may have written files (build output, snapshots) that the batch's commit
 * will include: bring the graph up to them too, so it still describes the committed tree.
 */
async function withLateChanges(
  root: string,
  config: RefactorConfig,
  gateChange: GraphChange,
  base: { graph: ImportGraph; findings: GateFindings },
): Promise<{ graph: ImportGraph; findings: GateFindings }> {
  const seen = changedPaths(gateChange);
  const late = [...changedPaths(await changeSinceHead(root))].filter((file) => !seen.has(file));
  if (late.length === 0) return base;
  const graph = await updateImportGraph(base.graph, { changed: late, added: [], deleted: [] }, { ignore: config.ignore });
  return { graph, findings: gateFindings(graph) };
}
