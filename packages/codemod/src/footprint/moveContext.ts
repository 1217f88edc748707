import { createResolver } from '@monorefactor/analyzer';
import type { FileMove, ImportEdge, ImportGraph, ModuleNode, Workspace, WorkspacePackage } from '@monorefactor/core';
import { isReexportKind, UsageError } from '@monorefactor/core';

const NAMED_FORMS = new Set(['import', 'import-type', 'export', 'export-type']);

/**
 * What a move touches, read from the graph alone: shared by `moveFootprint` (which lists the files)
 * and `computeMoveChanges` (which edits them), so the two can never disagree.
 */
export interface MoveContext {
  graph: ImportGraph;
  workspace: Workspace;
  from: WorkspacePackage;
  to: WorkspacePackage;
  /** The move changes package. */
  cross: boolean;
  /** Old path -> new path of every moved file (graph modules and other files). */
  moves: Map<string, string>;
  /** Moved files that are graph modules. */
  movedModules: ModuleNode[];
  /** Files that stay and import a moved file. */
  importers: Set<string>;
  /**
   * Files of the old package's public API that stay and re-export moved files, directly
   * (`directBarrels`) or through another barrel. Only for a cross-package move: same-package
   * re-exports, and re-exports in non-public files, are importers.
   */
  barrels: Set<string>;
  directBarrels: Set<string>;
  /** Files (moved or not) that import a barrel by name: they may reach moved symbols through it. */
  barrelImporters: Set<string>;
  /** The new package's `.` entry, when the old package's public API re-exported moved files. */
  targetEntry: string | undefined;
  /** Old-package files in its public API (entries and what they re-export). */
  publicFiles: Set<string>;
}

export function createMoveContext(graph: ImportGraph, files: FileMove[], fromPackage: string, toPackage: string): MoveContext {
  const { workspace } = graph;
  const from = workspace.packages.get(fromPackage);
  const to = workspace.packages.get(toPackage);
  if (!from) throw new UsageError(`unknown package "${fromPackage}"`, { hint: `use one of: ${[...workspace.packages.keys()].join(', ')}` });
  if (!to) throw new UsageError(`unknown package "${toPackage}"`, { hint: `use one of: ${[...workspace.packages.keys()].join(', ')}` });
  const moves = new Map(files.map((f) => [f.from, f.to]));
  const movedModules = [...moves.keys()].map((f) => graph.modules.get(f)).filter((n): n is ModuleNode => n !== undefined);
  const cross = from.name !== to.name;

  const importers = new Set<string>();
  for (const node of movedModules) for (const importer of node.importedBy) if (!moves.has(importer)) importers.add(importer);
  if (movedModules.length < moves.size) addAssetImporters(graph, moves, importers);

  const barrels = new Set<string>();
  const directBarrels = new Set<string>();
  const barrelImporters = new Set<string>();
  const publicFiles = publicFilesOf(graph, from.name);
  let targetEntry: string | undefined;
  if (cross) {
    // Only the old package's public API (its entry and what that re-exports) counts as a barrel: any
    // other file that re-exports a moved module is an importer like the rest.
    const isFromFile = (file: string) => !moves.has(file) && publicFiles.has(file);
    for (const node of movedModules) {
      for (const importer of node.importedBy) {
        if (isFromFile(importer) && edgesTo(graph.modules.get(importer), node.path).some((e) => isReexportKind(e.kind))) directBarrels.add(importer);
      }
    }
    const queue = [...directBarrels];
    for (const file of queue) barrels.add(file);
    while (queue.length > 0) {
      const barrel = queue.pop() as string;
      for (const importer of graph.modules.get(barrel)?.importedBy ?? []) {
        if (barrels.has(importer) || !isFromFile(importer)) continue;
        if (edgesTo(graph.modules.get(importer), barrel).some((e) => isReexportKind(e.kind))) {
          barrels.add(importer);
          queue.push(importer);
        }
      }
    }
    for (const barrel of barrels) {
      for (const importer of graph.modules.get(barrel)?.importedBy ?? []) {
        if (barrels.has(importer)) continue;
        if (edgesTo(graph.modules.get(importer), barrel).some((e) => NAMED_FORMS.has(e.kind) && e.names.length > 0)) barrelImporters.add(importer);
      }
    }
    if (directBarrels.size > 0) targetEntry = entryOf(graph, to);
  }
  return { graph, workspace, from, to, cross, moves, movedModules, importers, barrels, directBarrels, barrelImporters, targetEntry, publicFiles };
}

export function edgesTo(node: ModuleNode | undefined, target: string): ImportEdge[] {
  if (!node) return [];
  return realEdges(node).filter((e) => e.target.type === 'file' && e.target.path === target);
}

/**
 * A node's imports without phantom re-exports: for `import { X } from 'm'; export { X }` the graph
 * also holds an `export` edge at the import's own specifier offsets. It is the import, once.
 */
export function realEdges(node: ModuleNode): ImportEdge[] {
  const imported = new Set<number>();
  for (const edge of node.imports) if (!isReexportKind(edge.kind)) imported.add(edge.start);
  const seen = new Set<string>();
  return node.imports.filter((edge) => {
    if (isReexportKind(edge.kind) && imported.has(edge.start)) return false;
    const key = `${edge.start}:${edge.kind}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Importers of moved non-module files (JSON, assets): not in the reverse index, so scan the edges. */
function addAssetImporters(graph: ImportGraph, moves: Map<string, string>, importers: Set<string>): void {
  for (const node of graph.modules.values()) {
    if (moves.has(node.path)) continue;
    if (node.imports.some((e) => e.target.type === 'file' && moves.has(e.target.path) && !graph.modules.has(e.target.path))) importers.add(node.path);
  }
}

/** A package's entries and every file of the package they re-export, transitively. */
export function publicFilesOf(graph: ImportGraph, pkg: string): Set<string> {
  const entries = graph.packageEntries.get(pkg) ?? [];
  const seen = new Set(entries);
  const queue = [...entries];
  while (queue.length > 0) {
    const node = graph.modules.get(queue.pop() as string);
    for (const edge of node ? realEdges(node) : []) {
      if (!isReexportKind(edge.kind) || edge.target.type !== 'file') continue;
      const target = edge.target.path;
      if (seen.has(target) || graph.modules.get(target)?.package !== pkg) continue;
      seen.add(target);
      queue.push(target);
    }
  }
  return seen;
}

/** The file a package's bare name resolves to. */
export function entryOf(graph: ImportGraph, pkg: WorkspacePackage): string | undefined {
  const resolve = createResolver(graph.workspace, new Set(graph.modules.keys()));
  const target = resolve(`${pkg.dir}/package.json`, pkg.name, 'import');
  return target.type === 'file' && graph.modules.has(target.path) ? target.path : undefined;
}
