/** Dependency fields of a package.json, in the order npm reads them. */
export const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;
export type DependencyField = (typeof DEPENDENCY_FIELDS)[number];

/** The parts of a package.json the toolkit reads. Unknown fields are kept untouched. */
export interface PackageManifest {
  name?: string;
  version?: string;
  private?: boolean;
  type?: 'module' | 'commonjs';
  main?: string;
  module?: string;
  types?: string;
  typings?: string;
  exports?: ExportsField;
  imports?: Record<string, ExportsField>;
  workspaces?: string[] | { packages?: string[] };
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  [key: string]: unknown;
}

/** package.json `exports`/`imports` value: a path, conditions, subpaths, or a fallback list. */
export type ExportsField = string | null | ExportsField[] | { [keyOrCondition: string]: ExportsField };

/** The compiler options of a resolved tsconfig chain that matter to import resolution. */
export interface TsconfigInfo {
  /** The tsconfig file, relative to the workspace root. */
  file: string;
  /** Directory that `paths` are relative to (baseUrl, else the tsconfig that declared `paths`), root-relative. */
  pathsBase?: string;
  paths?: Record<string, string[]>;
  /** The tsconfig that declares those `paths` (this one, or one it extends), root-relative. */
  pathsFile?: string;
  /** Root-relative `baseUrl` directory, if set. */
  baseUrl?: string;
  rootDir?: string;
  /**
   * Root-relative `rootDirs`: folders tsc merges into one, so `./+types/route` next to a file may
   * live in a generated folder (`.react-router/types`) at the same relative place.
   */
  rootDirs?: string[];
  outDir?: string;
  moduleResolution?: string;
  allowImportingTsExtensions?: boolean;
  /** Root-relative paths of referenced projects. */
  references: string[];
}

/** One package of the workspace. */
export interface WorkspacePackage {
  name: string;
  /** Directory relative to the workspace root, `/`-separated (`packages/shared`); `.` for the root package. */
  dir: string;
  manifest: PackageManifest;
  /** Where the package's source lives (`packages/shared/src`), or `dir` when it has no src folder. */
  sourceRoot: string;
  /** The nearest tsconfig of the package, when there is one. */
  tsconfig?: TsconfigInfo;
  /** Every declared dependency name with the field that declares it. */
  dependencies: Map<string, DependencyField>;
}

/** A problem met while reading the workspace that did not stop the analysis. */
export interface WorkspaceProblem {
  file: string;
  message: string;
  hint?: string;
}

export interface Workspace {
  /** Absolute path of the workspace root. */
  root: string;
  /** The root package.json (its dependencies count as declared for every package: hoisted tooling). */
  rootManifest: PackageManifest;
  /** How the package list was found. */
  kind: 'npm' | 'yarn' | 'pnpm' | 'single';
  /** Packages by name, sorted by `dir`. */
  packages: Map<string, WorkspacePackage>;
  /** Root tsconfig, if any. */
  tsconfig?: TsconfigInfo;
  problems: WorkspaceProblem[];
  /**
   * Root-relative component files the analyzer does not read (`.vue`, `.svelte`, `.astro`, `.mdx`):
   * their imports are unknown, so findings that need every import of a package (unused
   * dependencies) leave those packages out. Set when the source files are listed.
   */
  unreadFiles?: string[];
  /**
   * Folders the source listing walked, each with whether it holds a `tsconfig.json`: the resolver
   * looks a folder's config up here instead of on disk. Set when the source files are listed.
   */
  listedDirs?: ReadonlyMap<string, boolean>;
  /**
   * Workspace globs negated with `!` (`apps/legacy-*`, without the `!`): the folders they match are
   * not part of the workspace, so the source listing leaves them out.
   */
  negatedGlobs?: string[];
  /** Folders the source listing left out as negated (`negatedGlobs`). Set when the source files are listed. */
  excludedDirs?: ReadonlySet<string>;
}
