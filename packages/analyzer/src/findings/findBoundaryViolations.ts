import { type BoundaryFinding, type BoundaryRule, compareStrings, type ImportGraph } from '@monorefactor/core';
import picomatch from 'picomatch';

/**
 * Edges that break a `boundaries` rule: from a package matching `from` (optionally only its
 * files matching `files`) to a package in `deny`, outside `allow`, or a module in `denyModules`.
 */
export function findBoundaryViolations(graph: ImportGraph, rules: BoundaryRule[]): BoundaryFinding[] {
  const out: BoundaryFinding[] = [];
  for (const rule of rules) {
    const fromMatch = picomatch(rule.from);
    const filesMatch = rule.files ? picomatch(rule.files, { dot: true }) : () => true;
    const denied = rule.deny?.length ? picomatch(rule.deny) : () => false;
    const allowed = rule.allow ? (rule.allow.length ? picomatch(rule.allow) : () => false) : undefined;
    const deniedModule = rule.denyModules?.length ? picomatch(rule.denyModules) : undefined;
    for (const node of graph.modules.values()) {
      if (!node.package || !fromMatch(node.package) || !filesMatch(node.path)) continue;
      for (const edge of node.imports) {
        const target = edge.target;
        if (deniedModule) {
          const name = target.type === 'builtin' ? target.name : target.type === 'external' ? target.package : edge.specifier;
          if (deniedModule(name) || deniedModule(edge.specifier)) {
            out.push({ rule: rule.name, from: node.path, to: edge.specifier, specifier: edge.specifier });
            continue;
          }
        }
        if (target.type !== 'file') continue;
        const toPackage = graph.modules.get(target.path)?.package;
        if (!toPackage || toPackage === node.package) continue;
        if (denied(toPackage) || (allowed && !allowed(toPackage))) out.push({ rule: rule.name, from: node.path, to: target.path, specifier: edge.specifier });
      }
    }
  }
  return out.sort((a, b) => compareStrings(a.rule, b.rule) || compareStrings(a.from, b.from) || compareStrings(a.to, b.to));
}
