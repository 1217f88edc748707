import { analyze, findPackageCycles, findUndeclaredDependencies, findUnresolved, type GraphChange, updateImportGraph } from '@monorefactor/analyzer';
import type { Findings, ImportGraph, RefactorConfig } from '@monorefactor/core';
import { changeSinceHead } from './treeChange.js';

/** The findings gate 1 compares. */
export type GateFindings = Pick<Findings, 'unresolved' | 'cycles' | 'undeclared'>;

/**
 * Those findings on `graph`, as `computeFindings` gives them, without the duplicate and
 * misplacement searches no gate reads (most of `computeFindings`' time on a large repo).
 */
export function gateFindings(graph: ImportGraph): GateFindings {
  return { unresolved: findUnresolved(graph), cycles: findPackageCycles(graph), undeclared: findUndeclaredDependencies(graph) };
}

export interface ImportsGateResult {
  ok: boolean;
  problems: string[];
}

/**
 * Gate 1, on our own graph: compared with the findings before the batch, no import became
 * unresolved (nothing points at an old location), no new package cycle, no new undeclared
 * dependency. `sinceBaseline`: `before` is a real earlier state (apply's last commit), so the
 * problems are worded as new; without it `before` is empty (`refactor verify`: every finding of
 * the tree counts) and saying "now" or "new" would be untrue.
 */
export function checkImports(before: GateFindings, after: GateFindings, sinceBaseline = false): ImportsGateResult {
  const problems: string[] = [];
  const unresolvedBefore = new Set(before.unresolved.map((u) => `${u.file}\u0000${u.specifier}`));
  for (const u of after.unresolved) {
    if (!unresolvedBefore.has(`${u.file}\u0000${u.specifier}`))
      problems.push(`${u.file}${u.line ? `:${u.line}` : ''}: "${u.specifier}" does not resolve (${u.reason})`);
  }
  const cycleKey = (packages: string[]) => [...packages].sort().join(' <-> ');
  const cyclesBefore = before.cycles.map((c) => new Set(c.packages));
  for (const cycle of after.cycles) {
    // A cycle is new unless an old one already contained all of its packages.
    if (!cyclesBefore.some((old) => cycle.packages.every((p) => old.has(p)))) {
      const edge = cycle.edges[0];
      problems.push(`${sinceBaseline ? 'new ' : ''}package cycle ${cycleKey(cycle.packages)}${edge ? ` (${edge.from} imports ${edge.specifier})` : ''}`);
    }
  }
  const undeclaredBefore = new Set(before.undeclared.map((u) => `${u.package}\u0000${u.dependency}`));
  for (const u of after.undeclared) {
    if (!undeclaredBefore.has(`${u.package}\u0000${u.dependency}`))
      problems.push(
        sinceBaseline
          ? `${u.package} now imports ${u.dependency} without declaring it (${u.files[0] ?? ''})`
          : `${u.package} imports ${u.dependency} without declaring it in its package.json (${u.files[0] ?? ''})`,
      );
  }
  return { ok: problems.length === 0, problems };
}

export interface ImportsGateOptions {
  root: string;
  config: RefactorConfig;
  /** The graph of the last committed state (HEAD); without it the whole tree is analysed. */
  graph?: ImportGraph;
  /** Findings on that graph: only what got worse fails the gate. */
  baseline: GateFindings;
  /** Files the executors report writing, besides what git reports. */
  touched: string[];
  /** `baseline` is the last commit's findings: problems are worded as new (see `checkImports`). */
  sinceBaseline?: boolean;
}

export interface ImportsGateRun extends ImportsGateResult {
  /** The graph of the work tree and its findings: the next baseline if the batch is committed. */
  graph: ImportGraph;
  findings: GateFindings;
  /** What the graph was updated with (absent when the tree was analysed whole). */
  change?: GraphChange;
}

/**
 * Gate 1 as the verifier runs it: our graph brought up to the work tree by re-reading only what
 * the batch changed since HEAD (see `updateImportGraph`), then compared with the baseline. The
 * graph passed in is not modified: after a rollback it is the graph of the tree again.
 */
export async function runImportsGate(options: ImportsGateOptions): Promise<ImportsGateRun> {
  const { root, config } = options;
  if (!options.graph) {
    const { graph, findings } = await analyze({ cwd: root, config, incremental: true });
    return { ...checkImports(options.baseline, findings, options.sinceBaseline), graph, findings };
  }
  const change = await changeSinceHead(root, options.touched);
  const graph = await updateImportGraph(options.graph, change, { ignore: config.ignore });
  const findings = gateFindings(graph);
  return { ...checkImports(options.baseline, findings, options.sinceBaseline), graph, findings, change };
}
