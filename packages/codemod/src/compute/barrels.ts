import { type ImportEdge, isReexportKind } from '@monorefactor/core';
import { realEdges } from '../footprint/moveContext.js';
import { relativeSpecifier, styleOfFile, styleOfPackage } from '../specifiers/relativeSpecifier.js';
import { namespaceReexportName, reexportsEveryName } from '../text/bindingNames.js';
import { newlineOf, statementRemovalRange } from '../text/edits.js';
import { scanExports } from '../text/exportNames.js';
import { type ModuleStatement, statementAtSpecifier } from '../text/moduleStatement.js';
import { chooseSpecifier } from './chooseSpecifier.js';
import { type NamespaceReach, namespaceReachedBarrels } from './namespaceReach.js';
import { addEdit, type Session, warn } from './session.js';

/** Where a name that a barrel exports comes from, after the move. */
export interface Origin {
  /** The moved module, at its new path. */
  file: string;
  /** The name inside that module; `*` for a namespace (`export * as ns`). */
  name: string;
  /** The name the old package's direct barrel exported it as (and the new entry now does). */
  directName: string;
  /** The new package's entry re-exports it (the old barrel's statement was copied there). */
  viaEntry: boolean;
}

export interface BarrelPlan {
  /** Moved names reachable through each barrel of the old package: exported name -> origin. */
  names: Map<string, Map<string, Origin>>;
  /** Barrels that also pass on names of moved modules we could not list (`export *` of a file that stays). */
  partial: Set<string>;
  /** Direct barrels whose re-exports of moved modules were kept, pointed at the new place (a namespace reaches them). */
  kept: Set<string>;
}

/**
 * For a cross-package move: drop the old package's re-exports of moved files (kept with `--shim`:
 * they then name the shim), copy those of its public API into the new package's entry, and work out
 * which names each barrel passed on, so importers that used them can be pointed at the new package.
 */
export function planBarrels(session: Session): BarrelPlan {
  const { ctx } = session;
  const plan: BarrelPlan = { names: new Map(), partial: new Set(), kept: new Set() };
  if (!ctx.cross || ctx.barrels.size === 0) return plan;
  const exportsCache = new Map<string, { names: Set<string>; partial: boolean }>();
  const entry = ctx.targetEntry ? new EntryWriter(session, ctx.targetEntry) : undefined;
  // with --shim every re-export stays (naming the shim); without, those a namespace reaches stay too
  const namespaced = session.shim ? new Map<string, NamespaceReach>() : namespaceReachedBarrels(session);

  for (const barrel of [...ctx.directBarrels].sort()) {
    const text = session.texts.get(barrel);
    const node = ctx.graph.modules.get(barrel);
    if (text === undefined || !node) continue;
    const names = mapOf(plan, barrel);
    for (const edge of realEdges(node)) {
      if (!isReexportKind(edge.kind) || edge.target.type !== 'file' || !ctx.moves.has(edge.target.path)) continue;
      const moved = ctx.moves.get(edge.target.path) as string;
      const statement = statementAtSpecifier(text, edge.start);
      if (statement?.keyword === 'import') continue;
      if (!statement) {
        warn(session, `${barrel}: cannot read the re-export of '${edge.specifier}' (line ${edge.line}); ${session.shim ? 'check' : 'remove'} it by hand`);
        continue;
      }
      const exported = new Map<string, string>();
      if (statement.star) {
        const listed = exportsOf(session, edge.target.path, exportsCache, new Set());
        if (listed.partial) plan.partial.add(barrel);
        for (const name of listed.names) if (name !== 'default') exported.set(name, name);
      } else if (statement.namespace) exported.set(statement.namespace, '*');
      else for (const item of statement.named?.entries ?? []) exported.set(item.local, item.imported);
      const viaEntry = entry !== undefined && ctx.publicFiles.has(barrel) && entry.copy(text, statement, moved, [...exported.keys()], barrel);
      const reach = namespaced.get(barrel);
      if (reach) {
        // the barrel's API stays whole (names now from the new package): nobody loses a name, no importer is split
        keepReexport(session, barrel, edge, moved, reach);
        plan.kept.add(barrel);
        continue;
      }
      for (const [name, inModule] of exported) names.set(name, { file: moved, name: inModule, directName: name, viaEntry });
      if (!session.shim) {
        const range = statementRemovalRange(text, statement.start, statement.end);
        addEdit(session, barrel, { start: range.start, end: range.end, text: '' });
      }
    }
  }
  // Barrels above: names travel up through `export *` and `export { a as b }`.
  for (let round = 0, changed = true; changed && round <= ctx.barrels.size; round++) {
    changed = false;
    for (const barrel of ctx.barrels) {
      const text = session.texts.get(barrel);
      const node = ctx.graph.modules.get(barrel);
      if (text === undefined || !node) continue;
      for (const edge of realEdges(node)) {
        if (!isReexportKind(edge.kind) || edge.target.type !== 'file' || edge.target.path === barrel) continue;
        const below = plan.names.get(edge.target.path);
        if (!below || below.size === 0) continue;
        const statement = statementAtSpecifier(text, edge.start);
        if (!statement) continue;
        const names = mapOf(plan, barrel);
        const pass = (from: string, to: string) => {
          const origin = below.get(from);
          if (origin && !names.has(to)) {
            names.set(to, origin);
            changed = true;
          }
        };
        if (statement.star) {
          for (const name of below.keys()) if (name !== 'default') pass(name, name);
          if (plan.partial.has(edge.target.path) && !plan.partial.has(barrel)) {
            plan.partial.add(barrel);
            changed = true;
          }
        } else for (const item of statement.named?.entries ?? []) pass(item.imported, item.local);
      }
    }
  }
  warnForeignReexports(session, plan);
  return plan;
}

/** Point a barrel's re-export of a moved module at its new place (a package specifier, by the usual rules). */
function keepReexport(session: Session, barrel: string, edge: ImportEdge, moved: string, reach: NamespaceReach): void {
  const specifier = chooseSpecifier(session, {
    file: barrel,
    fileAfter: barrel,
    specifier: edge.specifier,
    kind: edge.kind,
    targetBefore: edge.target.type === 'file' ? edge.target.path : moved,
    target: moved,
    names: edge.names,
  });
  if (specifier !== edge.specifier) addEdit(session, barrel, { start: edge.start, end: edge.end, text: specifier });
  warn(session, `${barrel} keeps re-exporting ${moved}, now as '${specifier}': ${reach.file} (line ${reach.line}) ${reach.how}, and its members must stay`);
}

/**
 * Another package that re-exports the old package's barrel (`export * from '@old'` in
 * react-query's entry over query-core) silently loses the moved names from its own API. The
 * codemod does not change that package's API for it: it says so, and a typecheck gate catches the
 * importers that used them.
 */
function warnForeignReexports(session: Session, plan: BarrelPlan): void {
  const { ctx } = session;
  if (!ctx.cross) return;
  for (const node of ctx.graph.modules.values()) {
    if (!node.package || node.package === ctx.from.name || node.package === ctx.to.name || ctx.moves.has(node.path)) continue;
    for (const edge of realEdges(node)) {
      if (!isReexportKind(edge.kind) || edge.target.type !== 'file') continue;
      const names = plan.names.get(edge.target.path);
      if (!names || names.size === 0) continue;
      const lost = lostNames(edge.names, names);
      if (lost.length === 0) continue;
      const shown = lost.length > 5 ? `${lost.slice(0, 5).join(', ')} and ${lost.length - 5} more` : lost.join(', ');
      warn(
        session,
        `${node.path} re-exports '${edge.specifier}' (line ${edge.line}): ${shown} leave ${node.package}'s API; re-export them from ${ctx.to.name} there, or move with --shim`,
      );
    }
  }
}

/** Names a foreign re-export passes on that moved away: all (`export *`), as `ns.x` (`export * as ns`), or the listed ones. */
function lostNames(edgeNames: readonly string[], moved: Map<string, Origin>): string[] {
  const all = [...moved.keys()].filter((name) => name !== 'default');
  if (reexportsEveryName(edgeNames)) return all;
  const namespace = edgeNames.map(namespaceReexportName).find((ns) => ns !== undefined);
  if (namespace !== undefined) return all.map((name) => `${namespace}.${name}`);
  return edgeNames.filter((name) => moved.has(name));
}

function mapOf(plan: BarrelPlan, barrel: string): Map<string, Origin> {
  let names = plan.names.get(barrel);
  if (!names) {
    names = new Map();
    plan.names.set(barrel, names);
  }
  return names;
}

/** Names a moved module exports, following its own `export *` into other moved modules. */
function exportsOf(
  session: Session,
  file: string,
  cache: Map<string, { names: Set<string>; partial: boolean }>,
  visiting: Set<string>,
): { names: Set<string>; partial: boolean } {
  const cached = cache.get(file);
  if (cached) return cached;
  const text = session.texts.get(file);
  const node = session.ctx.graph.modules.get(file);
  if (text === undefined || !node || visiting.has(file)) return { names: new Set(), partial: true };
  visiting.add(file);
  const scanned = scanExports(text);
  const out = { names: new Set(scanned.names), partial: false };
  for (const start of scanned.starSpecifiers) {
    const edge = realEdges(node).find((e) => e.start === start);
    if (edge?.target.type === 'file' && session.ctx.moves.has(edge.target.path)) {
      const nested = exportsOf(session, edge.target.path, cache, visiting);
      for (const name of nested.names) if (name !== 'default') out.names.add(name);
      out.partial ||= nested.partial;
    } else out.partial = true;
  }
  cache.set(file, out);
  return out;
}

/** Appends re-exports to the new package's entry, refusing names it already exports. */
class EntryWriter {
  private readonly exported: Set<string>;
  private readonly text: string;

  constructor(
    private readonly session: Session,
    private readonly entry: string,
  ) {
    this.text = session.texts.get(entry) ?? '';
    this.exported = scanExports(this.text).names;
  }

  copy(source: string, statement: ModuleStatement, movedFile: string, names: string[], barrel: string): boolean {
    const { session, entry } = this;
    if (!session.texts.has(entry) || !statement.spec) return false;
    const clash = names.filter((n) => this.exported.has(n));
    if (clash.length > 0) {
      warn(session, `${entry} already exports ${clash.join(', ')}: importers of ${barrel} get those names from ${movedFile} directly instead`);
      return false;
    }
    const { ctx } = session;
    const node = ctx.graph.modules.get(entry);
    const style = (node && styleOfFile(node)) ?? styleOfPackage(ctx.graph, ctx.to, session.styleCache);
    const specifier = relativeSpecifier(entry, movedFile, style);
    const copied = source.slice(statement.start, statement.spec.start) + specifier + source.slice(statement.spec.end, statement.end);
    const newline = newlineOf(this.text);
    const lead = this.text.length > 0 && !this.text.endsWith('\n') ? newline : '';
    addEdit(session, entry, { start: this.text.length, end: this.text.length, text: `${lead}${copied}${newline}` });
    for (const name of names) this.exported.add(name);
    session.addedEntryReexports.add(movedFile);
    return true;
  }
}
