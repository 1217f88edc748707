import {
  type EventSink,
  type ImportEdge,
  type ImportGraph,
  isTestFile,
  type ModuleNode,
  noopSink,
  type PackageEdge,
  packageEdgeKey,
  type Workspace,
} from '@monorefactor/core';
import { type ParsedFile, parseFiles } from '../parse/parseFiles.js';
import { createResolver } from '../resolve/createResolver.js';
import { createPackageLocator } from '../resolve/packageOf.js';
import { listSourceFiles } from '../workspace/listSourceFiles.js';
import { loadWorkspace } from '../workspace/loadWorkspace.js';

export interface BuildGraphOptions {
  root: string;
  /** Globs (root-relative) of files to leave out. */
  ignore?: string[];
  /** Parse worker threads (default: by repo size and cores). */
  workers?: number;
  /** Compute duplicate fingerprints (default true). */
  fingerprints?: boolean;
  onEvent?: EventSink;
}

/** Build the import graph once: workspace, files, parse (in workers), resolve, reverse index. */
export async function buildImportGraph(options: BuildGraphOptions): Promise<ImportGraph> {
  const started = performance.now();
  const emit = options.onEvent ?? noopSink;
  const workspace = loadWorkspace(options.root);
  emit({ type: 'analyze:progress', phase: 'workspace', done: workspace.packages.size, total: workspace.packages.size });
  const listed = listSourceFiles(workspace, options.ignore);
  workspace.problems.push(...listed.problems);
  const parseOptions: Parameters<typeof parseFiles>[2] = {
    fingerprint: options.fingerprints ?? true,
    onProgress: (done, total) => emit({ type: 'analyze:progress', phase: 'parse', done, total }),
  };
  if (options.workers !== undefined) parseOptions.workers = options.workers;
  const parsed = await parseFiles(workspace.root, listed.files, parseOptions);
  return assembleGraph(workspace, parsed, started);
}

/** Resolve parsed files into a graph. Exposed so a verifier can re-assemble after a batch edits files. */
export function assembleGraph(workspace: Workspace, parsed: ParsedFile[], started = performance.now()): ImportGraph {
  const fileSet = new Set(parsed.filter((file) => !file.readError).map((file) => file.path));
  const resolve = createResolver(workspace, fileSet);
  const packageOf = createPackageLocator(workspace);
  const modules = new Map<string, ModuleNode>();
  let edgeCount = 0;
  for (const file of parsed) {
    if (file.readError) {
      workspace.problems.push({ file: file.path, message: `cannot read file: ${file.readError}` });
      continue;
    }
    const imports: ImportEdge[] = file.imports.map((raw) => ({ ...raw, target: resolve(file.path, raw.specifier, raw.kind) }));
    edgeCount += imports.length;
    const node: ModuleNode = {
      path: file.path,
      package: packageOf(file.path)?.name,
      isTest: isTestFile(file.path),
      imports,
      importedBy: new Set(),
      parseErrors: file.errors,
      size: file.size,
    };
    if (file.fingerprint) node.fingerprint = file.fingerprint;
    modules.set(file.path, node);
  }
  const packageEdges = new Map<string, PackageEdge>();
  for (const node of modules.values()) {
    for (const edge of node.imports) {
      if (edge.target.type !== 'file') continue;
      const target = modules.get(edge.target.path);
      if (!target) continue;
      target.importedBy.add(node.path);
      if (!node.package || !target.package || node.package === target.package) continue;
      const key = packageEdgeKey(node.package, target.package);
      let packageEdge = packageEdges.get(key);
      if (!packageEdge) {
        packageEdge = { from: node.package, to: target.package, edges: [] };
        packageEdges.set(key, packageEdge);
      }
      packageEdge.edges.push({ from: node.path, to: target.path, specifier: edge.specifier, kind: edge.kind, line: edge.line });
    }
  }
  const packageEntries = new Map<string, string[]>();
  for (const pkg of workspace.packages.values()) {
    const subpaths = publicSubpaths(pkg.manifest.exports);
    const entries = new Set<string>();
    for (const subpath of subpaths) {
      const target = resolve(`${pkg.dir}/package.json`, subpath === '.' ? pkg.name : `${pkg.name}${subpath.slice(1)}`, 'import');
      if (target.type === 'file') entries.add(target.path);
    }
    packageEntries.set(pkg.name, [...entries].sort());
  }
  return { workspace, modules, packageEntries, packageEdges, stats: { files: modules.size, edges: edgeCount, ms: Math.round(performance.now() - started) } };
}

/** Non-pattern subpaths a package exposes (`.` when it has no `exports`). */
function publicSubpaths(exports: unknown): string[] {
  if (exports === undefined || exports === null || typeof exports === 'string' || Array.isArray(exports)) return ['.'];
  const keys = Object.keys(exports as object);
  if (!keys.some((key) => key.startsWith('.'))) return ['.'];
  return keys.filter((key) => key.startsWith('.') && !key.includes('*') && !key.endsWith('/'));
}
