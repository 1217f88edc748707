import { type AnalysisResult, compareStrings, type EventSink, type Findings, type ImportGraph, noopSink, type RefactorConfig } from '@monorefactor/core';
import { loadConfig } from './config/loadConfig.js';
import { findBoundaryViolations } from './findings/findBoundaryViolations.js';
import { findUndeclaredDependencies, findUnusedWorkspaceDependencies } from './findings/findDependencyIssues.js';
import { findDuplicates } from './findings/findDuplicates.js';
import { findMisplacedModules } from './findings/findMisplacedModules.js';
import { findPackageCycles } from './findings/findPackageCycles.js';
import { findUnresolved } from './findings/findUnresolved.js';
import { type BuildGraphOptions, buildImportGraph } from './graph/buildImportGraph.js';
import { toAnalysisResult } from './toAnalysisResult.js';

export interface AnalyzeOptions {
  /** Workspace root (default: process.cwd()). */
  cwd?: string;
  /** Config file path, relative to `cwd`; default `refactor.config.json` when present. */
  configFile?: string;
  /** A config object to use instead of reading one. */
  config?: RefactorConfig;
  workers?: number;
  /** Keep what `updateImportGraph` needs to update this graph cheaply (the verifier does). */
  incremental?: boolean;
  onEvent?: EventSink;
}

export interface Analysis {
  graph: ImportGraph;
  config: RefactorConfig;
  findings: Findings;
  /** The `analyze --json` document. */
  result: AnalysisResult;
}

/** Build the graph once, then answer every finding as a query on it. */
export async function analyze(options: AnalyzeOptions = {}): Promise<Analysis> {
  const root = options.cwd ?? process.cwd();
  const emit = options.onEvent ?? noopSink;
  const config = options.config ?? loadConfig(root, options.configFile);
  emit({ type: 'analyze:start', root });
  const started = performance.now();
  const buildOptions: BuildGraphOptions = { root, ignore: config.ignore, onEvent: emit };
  if (options.workers !== undefined) buildOptions.workers = options.workers;
  if (options.incremental) buildOptions.incremental = true;
  const graph = await buildImportGraph(buildOptions);
  emit({ type: 'analyze:progress', phase: 'findings', done: 0, total: 1 });
  const findings = computeFindings(graph, config);
  graph.stats.ms = Math.round(performance.now() - started);
  const result = toAnalysisResult(graph, findings);
  const counts = Object.fromEntries(Object.entries(findings).map(([kind, list]) => [kind, list.length])) as Record<keyof Findings, number>;
  emit({ type: 'analyze:end', files: graph.stats.files, edges: graph.stats.edges, ms: graph.stats.ms, counts });
  return { graph, config, findings, result };
}

/** Every finding, each a query on the graph. */
export function computeFindings(graph: ImportGraph, config: RefactorConfig, options: { duplicates?: boolean } = {}): Findings {
  const cycles = findPackageCycles(graph);
  const problems = graph.workspace.problems.map((p) => ({ ...p }));
  for (const node of graph.modules.values()) {
    const firstError = node.parseErrors[0];
    if (firstError)
      problems.push({ file: node.path, message: `syntax error: ${firstError}`, hint: 'fix the syntax; imports read before the error are still analysed' });
  }
  return {
    misplaced: findMisplacedModules(graph, { placement: config.placement, cycles }),
    duplicates: options.duplicates === false ? [] : findDuplicates(graph),
    cycles,
    undeclared: findUndeclaredDependencies(graph),
    unused: findUnusedWorkspaceDependencies(graph),
    boundaries: findBoundaryViolations(graph, config.boundaries),
    unresolved: findUnresolved(graph),
    problems: problems.sort((a, b) => compareStrings(a.file, b.file)),
  };
}
