import type { Workspace } from './workspace.js';

/** How a file refers to another module (DESIGN.md "Import forms"). */
export type ImportKind =
  /** `import x from 'm'`, `import 'm'` */
  | 'import'
  /** `import type { X } from 'm'` (every binding type-only), `typeof import('m')` in a type */
  | 'import-type'
  /** `export { x } from 'm'`, `export * from 'm'` */
  | 'export'
  /** `export type { X } from 'm'` */
  | 'export-type'
  /** `import('m')` with a literal */
  | 'dynamic-import'
  /** `require('m')` */
  | 'require'
  /** `require.resolve('m')` */
  | 'require-resolve'
  /** `import x = require('m')` */
  | 'import-equals'
  /** `/// <reference path="m" />` */
  | 'reference'
  /** `vi.mock('m')`, `jest.mock('m')`, `vi.importActual('m')`, ... in tests */
  | 'mock';

export const IMPORT_KINDS: readonly ImportKind[] = [
  'import',
  'import-type',
  'export',
  'export-type',
  'dynamic-import',
  'require',
  'require-resolve',
  'import-equals',
  'reference',
  'mock',
];

/** Where an import specifier leads. */
export type Resolution =
  | { type: 'file'; path: string }
  | { type: 'external'; package: string }
  | { type: 'builtin'; name: string }
  | { type: 'unresolved'; reason: string };

/** One import of one file, as written. */
export interface ImportEdge {
  specifier: string;
  kind: ImportKind;
  /** 1-based line of the specifier. */
  line: number;
  /** UTF-16 offsets of the specifier text, inside its quotes: `source.slice(start, end) === specifier`. */
  start: number;
  end: number;
  /** Binding names it imports or re-exports (`default`, `*`, `name`); empty for side-effect imports. */
  names: string[];
  target: Resolution;
}

/** One source file in the graph. */
export interface ModuleNode {
  /** Root-relative path, `/`-separated. */
  path: string;
  /** Name of the workspace package that owns the file, if any. */
  package: string | undefined;
  /** Test, spec, story or mock file: never anchors a module to its package. */
  isTest: boolean;
  /** Outgoing imports in source order. */
  imports: ImportEdge[];
  /** Files that import this one (reverse index of resolved `file` edges). */
  importedBy: Set<string>;
  /** Syntax errors met while parsing (the file is still in the graph with what could be read). */
  parseErrors: string[];
  /** Normalised token fingerprint used to find duplicates; absent for tiny files. */
  fingerprint?: ModuleFingerprint;
  /** Size in bytes. */
  size: number;
}

/** Token-level summary of a file, identifiers and literals normalised. */
export interface ModuleFingerprint {
  tokens: number;
  /** Hash of the whole normalised token stream (equal means identical up to names and literals). */
  hash: string;
  /** A sample of the hashes of overlapping k-token shingles, in file order, may repeat (a typed array: cheap to pass between threads). */
  shingles: Uint32Array;
}

/** A file-level edge that crosses package boundaries, behind a package edge. */
export interface CrossEdge {
  from: string;
  to: string;
  specifier: string;
  kind: ImportKind;
  line: number;
}

export interface PackageEdge {
  from: string;
  to: string;
  /** The file edges behind this package edge. */
  edges: CrossEdge[];
}

export interface ImportGraph {
  workspace: Workspace;
  /** Every analysed file by root-relative path. */
  modules: Map<string, ModuleNode>;
  /** Each package's public entry files: what its `exports` (non-pattern keys), `main` or `src/index` resolve to. */
  packageEntries: Map<string, string[]>;
  /** Package edges keyed `from -> to` by package name. */
  packageEdges: Map<string, PackageEdge>;
  stats: { files: number; edges: number; ms: number };
}

/** `import type` / `export type`: an edge the build erases. */
export function isTypeOnlyKind(kind: ImportKind | undefined): boolean {
  return kind === 'import-type' || kind === 'export-type';
}

/** `export ... from` and `export type ... from`: the edge passes the module's names on (a barrel's edge). */
export function isReexportKind(kind: ImportKind | undefined): boolean {
  return kind === 'export' || kind === 'export-type';
}

export function packageEdgeKey(from: string, to: string): string {
  return `${from}\u0000${to}`;
}
