import type { ImportKind } from './graph.js';

/** A group of files that belongs in another package. */
export interface MisplacedFinding {
  id: string;
  files: string[];
  from: string;
  to: string;
  targetDir: string;
  score: number;
  reasons: string[];
}

export interface DuplicateFinding {
  id: string;
  files: string[];
  similarity: number;
}

export interface CycleEdge {
  from: string;
  to: string;
  specifier: string;
  /** 1-based line of the import in `from`: a file may import the same specifier twice (a type and a value import). */
  line?: number;
  kind?: ImportKind;
}

export interface CycleFinding {
  id: string;
  packages: string[];
  edges: CycleEdge[];
}

export interface UndeclaredFinding {
  package: string;
  dependency: string;
  files: string[];
}

export interface UnusedDependencyFinding {
  package: string;
  dependency: string;
  field: string;
}

export interface BoundaryFinding {
  rule: string;
  from: string;
  to: string;
  specifier?: string;
}

export interface UnresolvedFinding {
  file: string;
  specifier: string;
  reason: string;
  line?: number;
}

/** A file or manifest the analyzer could not read; the analysis went on without it. */
export interface ProblemFinding {
  file: string;
  message: string;
  hint?: string;
}

export interface Findings {
  misplaced: MisplacedFinding[];
  duplicates: DuplicateFinding[];
  cycles: CycleFinding[];
  undeclared: UndeclaredFinding[];
  unused: UnusedDependencyFinding[];
  boundaries: BoundaryFinding[];
  unresolved: UnresolvedFinding[];
  problems: ProblemFinding[];
}

export type FindingKind = keyof Findings;
export const FINDING_KINDS: readonly FindingKind[] = ['misplaced', 'duplicates', 'cycles', 'undeclared', 'unused', 'boundaries', 'unresolved', 'problems'];

export interface PackageSummary {
  name: string;
  dir: string;
  files: number;
  dependsOn: string[];
  dependents: string[];
}

/** `refactor analyze --json`, version 1 (DESIGN.md). */
export interface AnalysisResult {
  version: 1;
  root: string;
  packages: PackageSummary[];
  stats: { files: number; edges: number; ms: number };
  findings: Findings;
  /** Only with `--graph`. */
  modules?: GraphModuleJson[];
}

export interface GraphModuleJson {
  path: string;
  package: string | null;
  imports: { specifier: string; kind: string; resolved: string; line: number }[];
}
