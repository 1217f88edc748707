import { type GraphChange, updateImportGraph } from '@monorefactor/analyzer';
import { type EventSink, type ImportGraph, noopSink, type RefactorConfig, type VerifyGate } from '@monorefactor/core';
import { affectedScope } from './affected.js';
import { runShell, testCommand, typecheckCommand } from './commands.js';
import { type GateFindings, gateFindings, runImportsGate } from './importsGate.js';
import { changedPaths, changeSinceHead } from './treeChange.js';

export interface VerifyOptions {
  root: string;
  config: RefactorConfig;
  /** Findings before the batch: the imports gate reports only what got worse. */
  baseline: GateFindings;
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
  /** The first gate that failed, with its output. */
  failed?: { gate: VerifyGate; output: string };
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
    const checked = await runImportsGate({ root, config: options.config, graph: options.graph, baseline: options.baseline, touched: options.touched });
    return { ...checked, output: checked.problems.join('\n') };
  });
  const base = { graph: imports.graph, findings: imports.findings };
  if (!imports.ok) return { ok: false, failed: { gate: 'imports', output: imports.output }, ...base };
  let ranCommands = false;

  if (options.typecheck !== false) {
    const command = typecheckCommand(root, options.config.verify);
    if (command) {
      ranCommands = true;
      const typecheck = await gate('typecheck', () => runShell(command, root, { signal: options.signal }));
      if (!typecheck.ok) return { ok: false, failed: { gate: 'typecheck', output: typecheck.output }, ...base };
    }
  }
  if (options.tests !== false) {
    const scope = affectedScope(base.graph, options.touched);
    const command = testCommand(root, options.config.verify, scope.dirs, scope.testFiles);
    if (command) {
      ranCommands = true;
      const tests = await gate('tests', () => runShell(command, root, { signal: options.signal }));
      if (!tests.ok) return { ok: false, failed: { gate: 'tests', output: tests.output }, ...base };
    }
  }
  if (ranCommands && imports.change) return { ok: true, ...(await withLateChanges(root, options.config, imports.change, base)) };
  return { ok: true, ...base };
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
