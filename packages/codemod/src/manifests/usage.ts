import type { Session } from '../compute/session.js';

/** Who a package imports, and whether any of it is from non-test code or from a file the move rewrote. */
export interface Use {
  nonTest: boolean;
  /** Some of these imports are in files the move rewrote (so the move is what changed them). */
  rewritten: boolean;
  /** One importing file, for messages. */
  file: string;
}

export interface PackageUsage {
  workspace: Map<string, Use>;
  external: Map<string, Use>;
}

export interface Usages {
  before: Map<string, PackageUsage>;
  after: Map<string, PackageUsage>;
}

/**
 * Package-level imports before and after the move, in one pass over the graph: files the move
 * rewrote contribute their recorded post-move imports, the others their graph edges, shims their
 * re-export of the new package.
 */
export function collectUsages(session: Session, shimFiles: string[]): Usages {
  const { ctx, world } = session;
  const before = new Map<string, PackageUsage>();
  const after = new Map<string, PackageUsage>();
  const note = (map: Map<string, PackageUsage>, pkg: string | undefined, kind: keyof PackageUsage, name: string | undefined, use: Use) => {
    if (!pkg || !name || (kind === 'workspace' && name === pkg)) return;
    let usage = map.get(pkg);
    if (!usage) {
      usage = { workspace: new Map(), external: new Map() };
      map.set(pkg, usage);
    }
    const known = usage[kind].get(name);
    if (known) {
      known.nonTest ||= use.nonTest;
      known.rewritten ||= use.rewritten;
    } else usage[kind].set(name, { ...use });
  };
  for (const node of ctx.graph.modules.values()) {
    const recorded = session.edgesAfter.get(node.path);
    const use = { nonTest: !node.isTest, rewritten: recorded !== undefined, file: node.path };
    for (const edge of node.imports) {
      if (edge.target.type === 'external') note(before, node.package, 'external', edge.target.package, use);
      else if (edge.target.type === 'file') {
        const target = ctx.graph.modules.get(edge.target.path)?.package ?? world.packageOf(edge.target.path)?.name;
        note(before, node.package, 'workspace', target, use);
        if (!recorded) note(after, node.package, 'workspace', target, use);
      }
      if (!recorded && edge.target.type === 'external') note(after, node.package, 'external', edge.target.package, use);
    }
    if (recorded) {
      const pkg = world.packageNameOf(recorded.file);
      const useAfter = { nonTest: !recorded.isTest, rewritten: true, file: recorded.file };
      for (const edge of recorded.edges) {
        if (edge.external) note(after, pkg, 'external', edge.external, useAfter);
        else note(after, pkg, 'workspace', edge.workspacePackage, useAfter);
      }
    }
  }
  for (const shim of shimFiles) note(after, ctx.from.name, 'workspace', ctx.to.name, { nonTest: true, rewritten: true, file: shim });
  return { before, after };
}
