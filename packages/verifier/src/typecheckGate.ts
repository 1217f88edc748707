import { listTree, removeBuildOutputs } from './buildOutputs.js';
import { type CommandResult, runShell, tail } from './commands.js';
import type { TypecheckPlan } from './typecheckPlan.js';

/**
 * Run the typecheck. In build mode tsc also lists what it writes (`--listEmittedFiles`), and all
 * of it is removed again afterwards, also when the gate fails or is cancelled (see
 * `removeBuildOutputs`): the gate checks types, it does not build.
 */
export async function runTypecheck(plan: TypecheckPlan, root: string, options: { signal?: AbortSignal } = {}): Promise<CommandResult> {
  if (!plan.build) return runShell(plan.command, root, options);
  const before = await listTree(root);
  // The whole output: the emitted-file lines would push the errors out of the usual tail.
  const result = await runShell(`${plan.command} --listEmittedFiles`, root, { ...options, full: true });
  const emitted: string[] = [];
  const rest: string[] = [];
  for (const line of result.output.split('\n')) {
    if (line.startsWith('TSFILE: ')) emitted.push(line.slice('TSFILE: '.length).trim());
    else rest.push(line);
  }
  await removeBuildOutputs(root, emitted, before);
  return { ...result, output: tail(rest.join('\n')) };
}
