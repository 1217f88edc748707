import type { RefactorEvent } from '@monorefactor/core';
import { chooseRenderer, startApplyView } from '@monorefactor/ui';
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
      ? startApplyView({
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
