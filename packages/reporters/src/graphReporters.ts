import type { AnalysisResult } from '@monorefactor/core';
import type { ReportOptions } from './types.js';

function cycleEdges(result: AnalysisResult): Set<string> {
  const inCycle = new Set<string>();
  for (const cycle of result.findings.cycles) {
    const members = new Set(cycle.packages);
    for (const pkg of result.packages) {
      if (!members.has(pkg.name)) continue;
      for (const dep of pkg.dependsOn) if (members.has(dep)) inCycle.add(`${pkg.name}\u0000${dep}`);
    }
  }
  return inCycle;
}

/** Package graph as a mermaid flowchart; edges inside a cycle are drawn red and thick. */
export function mermaidReporter(result: AnalysisResult, _options: ReportOptions = {}): string {
  const ids = new Map(result.packages.map((pkg, i) => [pkg.name, `p${i}`]));
  const lines = ['flowchart LR'];
  for (const pkg of result.packages) lines.push(`  ${ids.get(pkg.name)}["${pkg.name}"]`);
  const red = cycleEdges(result);
  const redIndexes: number[] = [];
  let index = 0;
  for (const pkg of result.packages) {
    for (const dep of pkg.dependsOn) {
      const cyclic = red.has(`${pkg.name}\u0000${dep}`);
      lines.push(`  ${ids.get(pkg.name)} ${cyclic ? '==>' : '-->'} ${ids.get(dep)}`);
      if (cyclic) redIndexes.push(index);
      index++;
    }
  }
  if (redIndexes.length > 0) lines.push(`  linkStyle ${redIndexes.join(',')} stroke:#d33,stroke-width:3px`);
  return `${lines.join('\n')}\n`;
}

/** Package graph in Graphviz dot; cycle edges are red. */
export function dotReporter(result: AnalysisResult, _options: ReportOptions = {}): string {
  const red = cycleEdges(result);
  const lines = ['digraph packages {', '  rankdir=LR;', '  node [shape=box, style=rounded];'];
  for (const pkg of result.packages) lines.push(`  "${pkg.name}" [label="${pkg.name}\\n${pkg.files} files"];`);
  for (const pkg of result.packages) {
    for (const dep of pkg.dependsOn) lines.push(`  "${pkg.name}" -> "${dep}"${red.has(`${pkg.name}\u0000${dep}`) ? ' [color=red, penwidth=2]' : ''};`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** The `--json` document, exactly the version-1 contract. */
export function jsonReporter(result: AnalysisResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
