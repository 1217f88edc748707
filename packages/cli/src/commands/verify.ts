import path from 'node:path';
import { analyze } from '@monorefactor/analyzer';
import { ExitCode } from '@monorefactor/core';
import { verifyTree } from '@monorefactor/verifier';
import { type CliIo, useColor } from '../io.js';
import { createLineLogger, createNdjsonWriter } from '../render/lineLogger.js';

export interface VerifyCliOptions {
  json?: boolean;
  typecheck?: boolean;
  tests?: boolean;
  config?: string;
}

/** The verifier's gates on the tree as it is: nothing unresolved, no cycles, types, tests. */
export async function verifyCommand(dir: string, options: VerifyCliOptions, io: CliIo): Promise<number> {
  const root = path.resolve(dir);
  const write = (line: string) => io.stdout.write(`${line}\n`);
  const render = options.json ? createNdjsonWriter(write) : createLineLogger(write, { color: useColor(io) });
  const analysis = await analyze({ cwd: root, incremental: true, ...(options.config ? { configFile: options.config } : {}) });
  // An empty baseline: every unresolved import and every cycle counts.
  const baseline = { ...analysis.findings, unresolved: [], cycles: [], undeclared: [] };
  const result = await verifyTree({
    root,
    config: analysis.config,
    baseline,
    // Already the tree as it is: gate 1 only brings it up to date instead of analysing again.
    graph: analysis.graph,
    touched: [...analysis.graph.modules.keys()],
    batch: 0,
    typecheck: options.typecheck !== false,
    tests: options.tests !== false,
    onEvent: render,
  });
  // The gate and what its output says in one line (its first errors), not just which gate it was.
  if (!options.json) write(result.ok ? 'verify: ok' : `verify: ${result.failed?.gate} failed${result.failed?.summary ? `: ${result.failed.summary}` : ''}`);
  return result.ok ? ExitCode.ok : ExitCode.failed;
}
