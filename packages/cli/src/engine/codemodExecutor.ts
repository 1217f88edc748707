import { applyChangeSet, computeMoveChanges, type MoveChangeSet } from '@monorefactor/codemod';
import type { EventSink, PlannedMove } from '@monorefactor/core';
import type { BatchExecutor, MoveExecution } from '@monorefactor/verifier';
import PQueue from 'p-queue';

type Computed = { move: PlannedMove; started: number } & ({ changeSet: MoveChangeSet } | { error: string });

/**
 * The deterministic executor: computes every move's edits from the graph concurrently, refuses a
 * move whose edits would create a package cycle, then writes the change sets (their footprints
 * are disjoint within a batch, so the order of writes does not matter).
 */
export function createCodemodExecutor(options: { parallel: number; shim?: boolean; onEvent?: EventSink }): BatchExecutor {
  const emit = options.onEvent ?? (() => {});
  return {
    async execute(moves, { root, graph, batch }) {
      const queue = new PQueue({ concurrency: Math.max(1, options.parallel) });
      const computed = await Promise.all(
        moves.map((move) =>
          queue.add(async (): Promise<Computed> => {
            const started = performance.now();
            emit({ type: 'task:start', batch, task: move.id, title: `${move.fromPackage} -> ${move.toPackage}`, attempt: 1 });
            try {
              const changeSet = await computeMoveChanges(graph, move, { shim: options.shim ?? false });
              for (const warning of changeSet.warnings) emit({ type: 'task:log', task: move.id, stream: 'info', line: warning });
              const blocking = changeSet.warnings.filter((w) => /cycle/i.test(w));
              if (blocking.length > 0) return { move, started, error: `refused: ${blocking.join('; ')}` };
              return { move, started, changeSet };
            } catch (error) {
              return { move, started, error: (error as Error).message };
            }
          }),
        ),
      );
      const executions: MoveExecution[] = [];
      for (const item of computed) {
        const ms = () => Math.round(performance.now() - item.started);
        if ('error' in item) {
          emit({ type: 'task:end', task: item.move.id, status: 'failed', ms: ms(), error: item.error, attempt: 1 });
          executions.push({ id: item.move.id, ok: false, error: item.error, touched: [], renames: [], specifierChanges: [] });
          continue;
        }
        await applyChangeSet(root, item.changeSet);
        emit({ type: 'task:end', task: item.move.id, status: 'done', ms: ms(), attempt: 1 });
        executions.push({
          id: item.move.id,
          ok: true,
          touched: item.changeSet.changes.map((c) => c.path),
          renames: item.changeSet.renames,
          specifierChanges: item.changeSet.specifierChanges,
        });
      }
      return executions;
    },
  };
}
