import path from 'node:path';
import { type CycleFinding, compareStrings, type ImportGraph, type MisplacedFinding, type ModuleNode, type PlacementRule, relocate } from '@monorefactor/core';
import picomatch from 'picomatch';
import { namesPackage } from '../resolve/exportsMap.js';
import { findPublicApi, type PublicApi } from './publicApi.js';

export interface MisplacedOptions {
  placement: PlacementRule[];
  cycles: CycleFinding[];
}

interface Group {
  from: string;
  to: string;
  files: Set<string>;
  reasons: string[];
  score: number;
}

/**
 * Groups of files that belong in another package. A seed is a file whose every non-test importer
 * lives in one other package; it pulls in the files of its package that only it (the group) uses,
 * and the tests that exercise only the group. Signals: a single consuming package, a path that
 * names the target package, and imports that close a package cycle. A module re-exported from its
 * package's entry, or imported by path from a package without a barrel, is public API and needs a
 * strong signal (name or cycle). Placement rules from
 * the config are findings of their own.
 */
export function findMisplacedModules(graph: ImportGraph, options: MisplacedOptions): MisplacedFinding[] {
  const groups: Group[] = [];
  const claimed = new Set<string>();
  groups.push(...placementGroups(graph, options.placement, claimed));
  const publicApi = findPublicApi(graph);
  const entries = new Set([...[...graph.packageEntries.values()].flat(), ...folderEntries(graph)]);
  const byPackage = new Map<string, ModuleNode[]>();
  for (const node of graph.modules.values()) {
    if (!node.package) continue;
    const list = byPackage.get(node.package) ?? [];
    list.push(node);
    byPackage.set(node.package, list);
  }
  for (const [pkg, nodes] of byPackage) {
    for (const group of consumerGroups(graph, pkg, nodes, entries, claimed)) {
      if (scoreGroup(graph, group, publicApi, options.cycles)) groups.push(group);
    }
  }
  groups.sort((a, b) => b.score - a.score || compareStrings(first(a), first(b)));
  return groups.map((group, i) => {
    const files = [...group.files].sort();
    return {
      id: `M${i + 1}`,
      files,
      from: group.from,
      to: group.to,
      targetDir: targetDirOf(graph, group, files),
      score: Math.round(group.score * 100) / 100,
      reasons: group.reasons,
    };
  });
}

/**
 * Folder indexes other packages import by the package's name (`@acme/trpc/client` ->
 * `client/index.ts`): entry points of a subpath, as fixed as the package's main entry.
 */
function folderEntries(graph: ImportGraph): string[] {
  const out: string[] = [];
  const isIndex = (file: string) => /(?:^|\/)index\.[cm]?[jt]sx?$/.test(file);
  // Imports between packages are the graph's package edges: only files outside any package have their edges read here.
  for (const packageEdge of graph.packageEdges.values()) {
    for (const edge of packageEdge.edges) if (namesPackage(edge.specifier, packageEdge.to) && isIndex(edge.to)) out.push(edge.to);
  }
  for (const node of graph.modules.values()) {
    if (node.package) continue;
    for (const edge of node.imports) {
      if (edge.target.type !== 'file') continue;
      const owner = graph.modules.get(edge.target.path)?.package;
      if (owner && namesPackage(edge.specifier, owner) && isIndex(edge.target.path)) out.push(edge.target.path);
    }
  }
  return out;
}

function first(group: Group): string {
  return [...group.files].sort()[0] ?? '';
}

function nonTestImporters(graph: ImportGraph, node: ModuleNode): ModuleNode[] {
  return [...node.importedBy].map((file) => graph.modules.get(file)).filter((n): n is ModuleNode => n !== undefined && !n.isTest);
}

/**
 * The one package all non-test importers of `node` are in; undefined when none import it, or
 * several packages (or a file outside any) do. Tests do not make a module belong to their
 * package, but another package's tests using it show it is shared (vite's playground/test-utils.ts,
 * used by the specs of every playground package): then there is no sole package either.
 */
function soleImportingPackage(graph: ImportGraph, node: ModuleNode): string | undefined {
  let only: string | undefined;
  let any = false;
  const testedFrom: (string | undefined)[] = [];
  for (const file of node.importedBy) {
    const importer = graph.modules.get(file);
    if (!importer) continue;
    if (importer.isTest) {
      if (importer.package !== node.package) testedFrom.push(importer.package);
      continue;
    }
    if (!any) {
      any = true;
      only = importer.package;
    } else if (importer.package !== only) return undefined;
  }
  return testedFrom.some((pkg) => pkg !== only) ? undefined : only;
}

function consumerGroups(graph: ImportGraph, pkg: string, nodes: ModuleNode[], entries: Set<string>, claimed: Set<string>): Group[] {
  const movable = (node: ModuleNode) => !node.isTest && !entries.has(node.path) && !claimed.has(node.path);
  // Seeds: every non-test importer is in one other package.
  const targetOf = new Map<string, string>();
  for (const node of nodes) {
    if (!movable(node)) continue;
    const only = soleImportingPackage(graph, node);
    if (only !== undefined && only !== pkg) targetOf.set(node.path, only);
  }
  // Grow: a file of this package used only by the group (and the target) goes with it.
  let grew = true;
  while (grew) {
    grew = false;
    for (const [file, target] of [...targetOf]) {
      for (const edge of graph.modules.get(file)?.imports ?? []) {
        if (edge.target.type !== 'file' || targetOf.has(edge.target.path)) continue;
        const dep = graph.modules.get(edge.target.path);
        if (!dep || dep.package !== pkg || !movable(dep)) continue;
        const importers = nonTestImporters(graph, dep);
        if (importers.every((n) => targetOf.get(n.path) === target || n.package === target)) {
          targetOf.set(dep.path, target);
          grew = true;
        }
      }
    }
  }
  // Split into connected components per target.
  const groups: Group[] = [];
  const seen = new Set<string>();
  for (const [file, target] of targetOf) {
    if (seen.has(file)) continue;
    const group: Group = { from: pkg, to: target, files: new Set(), reasons: [], score: 0 };
    const queue = [file];
    seen.add(file);
    while (queue.length > 0) {
      const current = queue.pop() as string;
      group.files.add(current);
      const node = graph.modules.get(current);
      const neighbours = [...(node?.importedBy ?? []), ...(node?.imports ?? []).flatMap((e) => (e.target.type === 'file' ? [e.target.path] : []))];
      for (const next of neighbours) {
        if (!seen.has(next) && targetOf.get(next) === target) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    groups.push(group);
  }
  // Tests that exercise only the group move with it.
  for (const node of groups.length > 0 ? nodes : []) {
    if (!node.isTest || claimed.has(node.path)) continue;
    const local = node.imports.flatMap((e) => (e.target.type === 'file' && graph.modules.get(e.target.path)?.package === pkg ? [e.target.path] : []));
    const owner = groups.find((g) => local.length > 0 && local.every((file) => g.files.has(file)));
    if (owner) owner.files.add(node.path);
  }
  return groups;
}

function scoreGroup(graph: ImportGraph, group: Group, publicApi: PublicApi, cycles: CycleFinding[]): boolean {
  const members = [...group.files].map((file) => graph.modules.get(file)).filter((n): n is ModuleNode => n !== undefined);
  const consumers = new Set(
    members
      .flatMap((node) => nonTestImporters(graph, node))
      .filter((n) => n.package === group.to)
      .map((n) => n.path),
  );
  group.reasons.push(`imported only by ${group.to} (${consumers.size} file${consumers.size === 1 ? '' : 's'})`);
  let score = 0.5;
  let strong = false;
  const fromPkg = graph.workspace.packages.get(group.from);
  const toPkg = graph.workspace.packages.get(group.to);
  const shortName = (toPkg?.name ?? group.to).split('/').pop()?.toLowerCase() ?? '';
  const dirName = path.posix.basename(toPkg?.dir ?? '').toLowerCase();
  const named = members.find((node) => {
    const inner = path.posix.relative(fromPkg?.sourceRoot ?? '.', node.path).toLowerCase();
    // Whole path segments and their words: `mcp/client.ts`, `mcp-store.ts`, `shared-utils/x.ts`.
    const segments = inner.replace(/\.[^./]+$/, '').split('/');
    const matches = (name: string) =>
      name !== '' && segments.some((seg) => seg === name || seg.split(/[-_.]/).includes(name) || (name.includes('-') && seg.includes(name)));
    return matches(shortName) || matches(dirName);
  });
  if (named) {
    score += 0.25;
    strong = true;
    group.reasons.push(`path ${path.posix.relative(fromPkg?.sourceRoot ?? '.', named.path)} names package ${group.to}`);
  }
  const cycle = cycles.find((c) => c.packages.includes(group.from) && c.packages.includes(group.to));
  if (cycle) {
    // A test's imports say nothing about where the code belongs.
    const fromGroup = cycle.edges.filter((e) => group.files.has(e.from) && !graph.modules.get(e.from)?.isTest && graph.modules.get(e.to)?.package === group.to);
    const allOut = cycle.edges.filter((e) => graph.modules.get(e.from)?.package === group.from && graph.modules.get(e.to)?.package === group.to);
    if (fromGroup.length > 0) {
      score += 0.25;
      strong = true;
      const breaks = fromGroup.length === allOut.length ? 'moving it breaks' : 'it is part of';
      const example = fromGroup[0] as { from: string; specifier: string };
      group.reasons.push(`${example.from} imports ${example.specifier}: ${breaks} the package cycle ${cycle.packages.join(' <-> ')}`);
    }
  }
  const publicFiles = publicApi.files.get(group.from) ?? new Set<string>();
  if (members.some((node) => publicFiles.has(node.path))) {
    if (!strong) return false;
    score -= 0.2;
    group.reasons.push(
      publicApi.byPath.has(group.from)
        ? `${group.from} has no barrel, so its files are its public API (imported by path): outside consumers may need a shim`
        : `re-exported from ${group.from}'s entry (public API): outside consumers may need a shim`,
    );
  }
  group.score = Math.max(0, Math.min(1, score));
  return true;
}

function placementGroups(graph: ImportGraph, rules: PlacementRule[], claimed: Set<string>): Group[] {
  const groups = new Map<string, Group>();
  for (const rule of rules) {
    if (!graph.workspace.packages.has(rule.to)) continue;
    const match = picomatch(rule.files, { dot: true });
    for (const node of graph.modules.values()) {
      if (!node.package || node.package === rule.to || claimed.has(node.path) || !match(node.path)) continue;
      const key = `${node.package}\u0000${rule.to}\u0000${rule.files}`;
      const group = groups.get(key) ?? {
        from: node.package,
        to: rule.to,
        files: new Set(),
        reasons: [`placement rule: ${rule.files} belongs in ${rule.to}`],
        score: 1,
      };
      group.files.add(node.path);
      claimed.add(node.path);
      groups.set(key, group);
    }
  }
  return [...groups.values()];
}

/** The folder the group's files land in (the same mapping a planned move uses). */
function targetDirOf(graph: ImportGraph, group: Group, files: string[]): string {
  const from = graph.workspace.packages.get(group.from);
  const to = graph.workspace.packages.get(group.to);
  return from && to ? relocate(files, from, to).targetDir : '.';
}
