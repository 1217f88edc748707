import type { RefactorEvent } from '@monorefactor/core';
// The terminal check only: the ink views (React, ink: ~0.5 s to load) are imported when shown.
import { chooseRenderer } from '@monorefactor/ui/terminal';
import type { ApplyOptions, ApplyReport, BatchExecutor } from '@monorefactor/verifier';
import { applyPlan } from '@monorefactor/verifier';
import { type CliIo, useColor } from '../io.js';
import { createLineLogger, createNdjsonWriter } from '../render/lineLogger.js';

/**
 * Run `applyPlan` with the right renderer of its events: the ink dashboard on a terminal, plain
 * lines in CI and pipes, NDJSON with `--json`. Ctrl-C aborts cleanly in every mode.
 */
export async function runWithRenderer(
  io: CliIo,
  options: { json?: boolean; makeExecutor: (onEvent: (event: RefactorEvent) => void) => BatchExecutor } & Omit<
    ApplyOptions,
    'executor' | 'onEvent' | 'signal' | 'beforeWork'
  >,
): Promise<ApplyReport> {
  const write = (line: string) => io.stdout.write(`${line}\n`);
  const kind = chooseRenderer({ stdout: io.stdout as NodeJS.WriteStream, env: io.env, ...(options.json ? { json: true } : {}) });
  const stdin = (io.stdin ?? process.stdin) as NodeJS.ReadStream;
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  const { json: _json, makeExecutor, ...applyOptions } = options;
  // A resumed run's plan lives in the journal: the view learns the moves from events instead.
  const viewPlan = options.resume ? undefined : options.plan;
  const view =
    kind === 'ink' && stdin.isTTY
      ? (await import('@monorefactor/ui')).startApplyView({
          stdout: io.stdout as NodeJS.WriteStream,
          stdin,
          color: useColor(io),
          onAbort: () => controller.abort(),
          ...(viewPlan ? { plan: viewPlan } : {}),
        })
      : undefined;
  const onEvent = view ? view.onEvent : kind === 'json' ? createNdjsonWriter(write) : createLineLogger(write, { color: useColor(io) });
  try {
    return await applyPlan({
      ...applyOptions,
      executor: makeExecutor(onEvent),
      onEvent,
      signal: controller.signal,
      ...(view ? { beforeWork: view.beforeWork } : {}),
    });
  } finally {
    process.off('SIGINT', onSigint);
    await view?.close();
  }
}
