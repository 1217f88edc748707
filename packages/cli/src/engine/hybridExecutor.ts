import type { BatchExecutor, MoveExecution } from '@monorefactor/verifier';

/**
 * `--executor auto`: the deterministic codemod first; only the moves it cannot carry out (a
 * refused cycle, a form it does not rewrite) go to the agent, limited to those moves' footprints.
 */
export function createHybridExecutor(codemod: BatchExecutor, agent: BatchExecutor): BatchExecutor {
  return {
    async execute(moves, context) {
      const first = await codemod.execute(moves, context);
      const rest = moves.filter((move) => first.find((e) => e.id === move.id)?.ok === false);
      if (rest.length === 0) return first;
      const second = await agent.execute(rest, context);
      const byId = new Map<string, MoveExecution>([...first, ...second].map((e) => [e.id, e]));
      return moves.map((move) => byId.get(move.id) as MoveExecution);
    },
  };
}
