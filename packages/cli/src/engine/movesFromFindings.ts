import { moveFootprint, resolveMoveSpec } from '@monorefactor/codemod';
import { type ImportGraph, type MisplacedFinding, type MoveSpec, type PlannedMove, relocate, UsageError } from '@monorefactor/core';

/** Parse `--move source=target` values. */
export function parseMoveArgs(values: string[] | undefined): MoveSpec[] {
  return (values ?? []).map((value) => {
    const eq = value.lastIndexOf('=');
    if (eq <= 0 || eq === value.length - 1)
      throw new UsageError(`--move "${value}" is not <source>=<target>`, { hint: 'e.g. --move packages/shared/src/mcp=@acme/mcp' });
    return { from: value.slice(0, eq).replace(/\/+$/, ''), to: value.slice(eq + 1) };
  });
}

/** A misplaced finding as a planned move: each file keeps its path inside the package's source root. */
export function moveFromFinding(graph: ImportGraph, finding: MisplacedFinding): PlannedMove {
  const from = graph.workspace.packages.get(finding.from);
  const to = graph.workspace.packages.get(finding.to);
  if (!from || !to) throw new UsageError(`finding ${finding.id} names an unknown package`);
  const { files } = relocate(finding.files, from, to);
  return {
    id: finding.id,
    files,
    fromPackage: finding.from,
    toPackage: finding.to,
    footprint: moveFootprint(graph, files, finding.from, finding.to),
    executor: 'codemod',
    reasons: finding.reasons,
  };
}

/** Moves to plan: `--move` values, else the config's `moves`, else every misplaced finding. */
export function collectMoves(graph: ImportGraph, specs: MoveSpec[], configMoves: MoveSpec[], misplaced: MisplacedFinding[]): PlannedMove[] {
  const chosen = specs.length > 0 ? specs : configMoves;
  if (chosen.length > 0) return chosen.map((spec, i) => ({ ...resolveMoveSpec(graph, spec, `M${i + 1}`), reasons: ['requested'] }));
  return misplaced.map((finding) => moveFromFinding(graph, finding));
}
