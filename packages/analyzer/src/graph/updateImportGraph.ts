import type { FileMove, ImportEdge, ImportGraph, ModuleNode } from '@monorefactor/core';
import { type ParsedFile, parseFiles } from '../parse/parseFiles.js';
import { createPackageLocator } from '../resolve/packageOf.js';
import { listSourceFiles } from '../workspace/listSourceFiles.js';
import { loadWorkspace } from '../workspace/loadWorkspace.js';
import { moduleNodeOf, specifiersOf } from './buildImportGraph.js';
import { graphOf } from './linkGraph.js';
import { attachProbeIndex, buildProbeIndex, probeIndexOf, updateProbeIndex } from './probeIndex.js';
import { ProbeSession } from './probeSession.js';
import { staleImporters } from './staleImporters.js';

/**
 * What changed in the work tree since the graph was built, as root-relative paths: what
 * `git status` / `git diff --name-status` against the graph's commit lists, or an executor's
 * change set. Any file may appear, not only sources: manifests, tsconfigs and assets matter too.
 */
export interface GraphChange {
  /** Files whose content changed. */
  changed: string[];
  added: string[];
  deleted: string[];
  /** A rename counts as a deletion of `from` and an addition of `to`. */
  renamed?: FileMove[];
}

export interface UpdateGraphOptions {
  /** Globs (root-relative) of files to leave out: the same as the previous build's. */
  ignore?: string[];
  /** Parse worker threads (default: by the number of files to parse). */
  workers?: number;
  /** Compute duplicate fingerprints of re-parsed files (default true, as a full build). */
  fingerprints?: boolean;
  /** Told what the update did. */
  onReport?: (report: GraphUpdateReport) => void;
}

export interface GraphUpdateReport {
  /** Files read and parsed again (changed or new). */
  parsed: number;
  /** Files whose imports were resolved again (the parsed ones included). */
  resolved: number;
  /** Files that left the graph. */
  removed: number;
  /** Set when every import was resolved again (a manifest, tsconfig or config file changed, or no lookups were recorded): why. */
  resolvedAllBecause?: string;
  ms: number;
}

/**
 * The graph of the work tree after `change`, from the graph before it, equal to a full rebuild:
 * the workspace is read again (cheap) and the source files listed again (a directory walk), but
 * only changed and new files are parsed, and only the files whose resolutions looked up a path
 * that changed are resolved again (see `staleImporters`). When a manifest, tsconfig or config file
 * changed what resolution reads, every import is resolved again, still without parsing.
 * `previous` is left as it was: a verifier goes back to it after a rollback.
 */
export async function updateImportGraph(previous: ImportGraph, change: GraphChange, options: UpdateGraphOptions = {}): Promise<ImportGraph> {
  const started = performance.now();
  const root = previous.workspace.root;
  const workspace = loadWorkspace(root);
  const listed = listSourceFiles(workspace, options.ignore);
  workspace.problems.push(...listed.problems);
  workspace.unreadFiles = listed.unread;
  workspace.listedDirs = listed.dirs;
  workspace.excludedDirs = listed.excluded;
  const touched = touchedPaths(change);

  const toParse = listed.files.filter((file) => touched.has(file) || !previous.modules.has(file));
  const parseOptions: Parameters<typeof parseFiles>[2] = { fingerprint: options.fingerprints ?? true };
  if (options.workers !== undefined) parseOptions.workers = options.workers;
  const parsed = new Map<string, ParsedFile>();
  for (const file of toParse.length > 0 ? await parseFiles(root, toParse, parseOptions) : []) parsed.set(file.path, file);

  const fileSet = new Set(listed.files.filter((file) => !parsed.get(file)?.readError));
  const removed = [...previous.modules.keys()].filter((file) => !fileSet.has(file));
  const previousIndex = probeIndexOf(previous);
  const staleness = staleImporters({ previous, index: previousIndex, workspace, touched, fileSet, removed });
  const stale = staleness.all ? undefined : staleness.files;

  const session = new ProbeSession(workspace, fileSet);
  const packageOf = createPackageLocator(workspace);
  const modules = new Map<string, ModuleNode>();
  const resolved: string[] = [];
  // In listing order, as a full build: the reverse index and package edges come out in the same order.
  for (const file of listed.files) {
    const fresh = parsed.get(file);
    const before = previous.modules.get(file);
    let node: ModuleNode;
    if (fresh?.readError) {
      workspace.problems.push({ file, message: `cannot read file: ${fresh.readError}` });
      continue;
    } else if (fresh) {
      node = moduleNodeOf(fresh, packageOf(file)?.name, session.resolve);
      resolved.push(file);
    } else if (before && stale && !stale.has(file)) {
      node = { ...before, package: packageOf(file)?.name, importedBy: new Set() };
    } else if (before) {
      const imports = before.imports.map((edge): ImportEdge => ({ ...edge, target: session.resolve(file, edge.specifier, edge.kind) }));
      node = { ...before, package: packageOf(file)?.name, imports, importedBy: new Set() };
      resolved.push(file);
    } else continue; // unreachable: every file the previous graph lacks was parsed
    modules.set(file, node);
  }

  const graph = graphOf(workspace, modules, session.resolve, started);
  const probes = new Map<string, readonly string[]>();
  for (const file of resolved) probes.set(file, session.probesOf(file, specifiersOf(modules.get(file) as ModuleNode)));
  attachProbeIndex(graph, stale && previousIndex ? updateProbeIndex(previousIndex, [...removed, ...resolved], probes) : buildProbeIndex(probes));
  const report: GraphUpdateReport = { parsed: parsed.size, resolved: resolved.length, removed: removed.length, ms: graph.stats.ms };
  if (staleness.all) report.resolvedAllBecause = staleness.because;
  options.onReport?.(report);
  return graph;
}

function touchedPaths(change: GraphChange): Set<string> {
  const out = new Set<string>();
  const add = (file: string) => out.add(file.replace(/\\/g, '/').replace(/^\.\//, ''));
  for (const list of [change.changed, change.added, change.deleted]) for (const file of list) add(file);
  for (const move of change.renamed ?? []) {
    add(move.from);
    add(move.to);
  }
  return out;
}
