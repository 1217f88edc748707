import { analyze } from '@monorefactor/analyzer';
import { type EventSink, type Findings, type ImportGraph, noopSink, type RefactorConfig, type VerifyGate } from '@monorefactor/core';
import { affectedScope } from './affected.js';
import { runShell, testCommand, typecheckCommand } from './commands.js';
import { checkImports } from './importsGate.js';

export interface VerifyOptions {
  root: string;
  config: RefactorConfig;
  /** Findings before the batch: the imports gate reports only what got worse. */
  baseline: Findings;
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
  /** The graph and findings after the batch (the next batch's baseline). */
  graph: ImportGraph;
  findings: Findings;
}

/** Run the gates in order (imports, typecheck, tests); stop at the first that fails. */
export async function verifyTree(options: VerifyOptions): Promise<VerifyResult> {
  const emit = options.onEvent ?? noopSink;
  const { root, batch } = options;
  const gate = async (name: VerifyGate, run: () => Promise<{ ok: boolean; output: string }>): Promise<{ ok: boolean; output: string }> => {
    emit({ type: 'verify:start', batch, gate: name });
    const started = performance.now();
    const result = await run();
    emit({
      type: 'verify:end',
      batch,
      gate: name,
      ok: result.ok,
      ms: Math.round(performance.now() - started),
      ...(result.ok ? {} : { output: result.output }),
    });
    return result;
  };

  const analysis = await analyze({ cwd: root, config: options.config });
  const imports = await gate('imports', async () => {
    const checked = checkImports(options.baseline, analysis.findings);
    return { ok: checked.ok, output: checked.problems.join('\n') };
  });
  const base = { graph: analysis.graph, findings: analysis.findings };
  if (!imports.ok) return { ok: false, failed: { gate: 'imports', output: imports.output }, ...base };

  if (options.typecheck !== false) {
    const command = typecheckCommand(root, options.config.verify);
    if (command) {
      const typecheck = await gate('typecheck', () => runShell(command, root, { signal: options.signal }));
      if (!typecheck.ok) return { ok: false, failed: { gate: 'typecheck', output: typecheck.output }, ...base };
    }
  }
  if (options.tests !== false) {
    const scope = affectedScope(analysis.graph, options.touched);
    const command = testCommand(root, options.config.verify, scope.dirs, scope.testFiles);
    if (command) {
      const tests = await gate('tests', () => runShell(command, root, { signal: options.signal }));
      if (!tests.ok) return { ok: false, failed: { gate: 'tests', output: tests.output }, ...base };
    }
  }
  return { ok: true, ...base };
}
