import { existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import {
  dirnameRel,
  type ImportKind,
  isDeclarationFile,
  isTypeOnlyKind,
  joinRel,
  type Resolution,
  type TsconfigInfo,
  type Workspace,
  type WorkspacePackage,
} from '@monorefactor/core';
import { type BundlerEntries, isBuiltAsset, outputNames, readBundlerEntries, sourceCandidates } from './buildOutput.js';
import { type ModuleSystem, matchExports, splitPackageSpecifier } from './exportsMap.js';
import { createPackageLocator } from './packageOf.js';
import { hasUrlScheme, isPackageName, isRelativeSpecifier } from './specifiers.js';
import { createTsconfigLocator } from './tsconfigOf.js';
import { matchTsPaths } from './tsPaths.js';

const BUILTINS = new Set(builtinModules.flatMap((name) => [name, name.replace(/^node:/, '')]));
/** What TypeScript tries after a bare path, in its order. */
const APPEND_EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.js', '.jsx', '.mts', '.cts', '.mjs', '.cjs'];
/** NodeNext style: `./x.js` names `./x.ts`. */
const SOURCE_TWINS: Record<string, string[]> = {
  '.js': ['.ts', '.tsx', '.d.ts'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts', '.d.mts'],
  '.cjs': ['.cts', '.d.cts'],
};

export type ResolveFn = (fromFile: string, specifier: string, kind: ImportKind) => Resolution;

/**
 * Resolve import specifiers against the in-memory file set: relative paths (with NodeNext `.js`
 * twins), tsconfig `paths`/`baseUrl` (the nearest config's), package `imports` (`#x`), and
 * workspace packages through their `exports` (mapped back from build output to source). URL
 * schemes (`bun:`, `virtual:`) are the platform's. Any other bare npm name is external; a bare
 * name npm would refuse (`~/x`, `$lib`) or a `paths` alias whose target is missing is unresolved.
 */
export function createResolver(workspace: Workspace, files: ReadonlySet<string>): ResolveFn {
  return resolverOver(workspace, files, true);
}

/**
 * A resolver for a caller that records, per importer directory and specifier, the paths each
 * resolution looks up (`ProbeSession`): no answer is handed from one directory to another, so
 * every such pair makes (and shows) its own lookups.
 */
export function createUnsharedResolver(workspace: Workspace, files: ReadonlySet<string>): ResolveFn {
  return resolverOver(workspace, files, false);
}

function resolverOver(workspace: Workspace, files: ReadonlySet<string>, shareAcrossDirs: boolean): ResolveFn {
  const packageOf = createPackageLocator(workspace);
  const tsconfigOf = createTsconfigLocator(workspace, packageOf);
  const assetCache = new Map<string, boolean>();
  const bundlerEntries = new Map<string, BundlerEntries>();

  const isFile = (rel: string): boolean => {
    if (files.has(rel)) return true;
    // Non-source imports (JSON, CSS, assets) exist on disk but are not in the source set.
    if (!/\.[a-z0-9]+$/i.test(rel) || /\.[cm]?[jt]sx?$/.test(rel)) return false;
    return existsOnDisk(rel);
  };
  const excluded = workspace.excludedDirs ?? new Set<string>();
  const inExcludedDir = (rel: string): boolean => {
    for (let dir = dirnameRel(rel); dir !== '.' && dir !== ''; dir = dirnameRel(dir)) if (excluded.has(dir)) return true;
    return false;
  };

  /** A file that exists but was not listed (an asset, or a source in a skipped folder such as `.vitepress/`). */
  const existsOnDisk = (rel: string): boolean => {
    let known = assetCache.get(rel);
    if (known === undefined) {
      known = existsSync(path.join(workspace.root, rel));
      assetCache.set(rel, known);
    }
    return known;
  };

  /** A path without knowing whether it has an extension, names a directory, or a build twin. */
  const resolvePath = (rel: string): string | undefined => {
    if (rel.startsWith('..')) return undefined;
    const found = candidateIn(rel, listed);
    if (found !== undefined) return found;
    if (isFile(rel)) return rel;
    // A source in a folder the workspace globs negate is not listed, but it is there.
    return excluded.size > 0 && inExcludedDir(rel) ? candidateIn(rel, existsOnDisk) : undefined;
  };
  const listed = (rel: string) => files.has(rel);

  /** The first of the files `rel` may name that `has`, in TypeScript's order. */
  const candidateIn = (rel: string, has: (rel: string) => boolean): string | undefined => {
    // tsc prefers the source twin: `./x.js` is `./x.ts` when both exist (compiled in place).
    const ext = twinExtension(rel);
    const twins = SOURCE_TWINS[ext];
    if (twins) {
      const stem = rel.slice(0, -ext.length);
      for (const twin of twins) if (has(stem + twin)) return stem + twin;
    }
    if (has(rel)) return rel;
    for (const append of APPEND_EXTENSIONS) if (has(rel + append)) return rel + append;
    for (const append of APPEND_EXTENSIONS) if (has(`${rel}/index${append}`)) return `${rel}/index${append}`;
    return undefined;
  };

  /** A manifest target inside a package (`./dist/x.js`): the file, or its source twin under src/. */
  const resolvePackageTarget = (pkg: WorkspacePackage, target: string): string | undefined => {
    const rel = joinRel(pkg.dir, target);
    return resolvePath(rel.replace(/\.d\.([cm]?)ts$/, '.$1js')) ?? fromBuildOutput(pkg, rel);
  };

  /** A relative import of a package's own build output (`../dist/bin.js`) stands for its source. */
  const resolveBuildOutput = (rel: string): string | undefined => {
    const owner = packageOf(rel);
    return owner ? fromBuildOutput(owner, rel) : undefined;
  };

  /**
   * The source a build-output path was made from: the bundler config's entry of that name
   * (`node: 'src/public/node.ts'`), the same path under src/ (or rootDir), else the one entry
   * source with that file stem.
   */
  const fromBuildOutput = (pkg: WorkspacePackage, rel: string): string | undefined => {
    let entries = bundlerEntries.get(pkg.name);
    if (!entries) {
      entries = readBundlerEntries(workspace.root, pkg);
      bundlerEntries.set(pkg.name, entries);
    }
    const names = outputNames(pkg, rel);
    for (const name of names) {
      const source = entries.byName.get(name);
      const found = source === undefined ? undefined : resolvePath(source);
      if (found) return found;
    }
    for (const candidate of sourceCandidates(pkg, rel)) {
      // A bundler may emit `index.mjs`/`index.cjs` from `index.ts`: try the bare stem too.
      const found = resolvePath(candidate) ?? resolvePath(candidate.replace(/\.(?:d\.)?[cm]?[jt]sx?$/, ''));
      if (found) return found;
    }
    const stem = names.at(-1)?.split('/').pop();
    const source = stem === undefined ? undefined : entries.byStem.get(stem);
    return source === undefined ? undefined : resolvePath(source);
  };

  const resolveWorkspacePackage = (pkg: WorkspacePackage, subpath: string, specifier: string, system: ModuleSystem): Resolution => {
    const { exports } = pkg.manifest;
    if (exports !== undefined) {
      const match = matchExports(exports, subpath, system);
      if (match.type === 'not-exported') return { type: 'unresolved', reason: `"${subpath}" is not exported by ${pkg.name} (package.json exports)` };
      // The first target with a source, but a hand-written `.d.ts` (`types: ./node.d.ts`) only
      // when no other condition leads to code: the code is what a move must follow.
      let declaration: string | undefined;
      for (const target of match.targets) {
        const found = resolvePackageTarget(pkg, target);
        if (found && !isDeclarationFile(found)) return { type: 'file', path: found };
        declaration ??= found;
      }
      if (declaration) return { type: 'file', path: declaration };
      // A built stylesheet (`@x/ui/index.css` -> `./dist/index.css`) is there once the package is built: a dependency, not a file.
      if (match.targets.length > 0 && match.targets.every((target) => isBuiltAsset(pkg, joinRel(pkg.dir, target))))
        return { type: 'external', package: pkg.name };
      return { type: 'unresolved', reason: `${pkg.name} exports "${subpath}" as ${match.targets.join(', ')}, but no such source file exists` };
    }
    if (subpath === '.') {
      const { manifest } = pkg;
      for (const field of [manifest.types, manifest.typings, manifest.module, manifest.main]) {
        if (typeof field !== 'string') continue;
        const found = resolvePackageTarget(pkg, field);
        if (found) return { type: 'file', path: found };
      }
      const index = resolvePath(joinRel(pkg.sourceRoot, 'index')) ?? resolvePath(joinRel(pkg.dir, 'index'));
      return index ? { type: 'file', path: index } : { type: 'unresolved', reason: `${pkg.name} has no entry file (main/types/exports or src/index)` };
    }
    const found = resolvePackageTarget(pkg, subpath);
    if (found) return { type: 'file', path: found };
    if (isBuiltAsset(pkg, joinRel(pkg.dir, subpath))) return { type: 'external', package: pkg.name };
    return { type: 'unresolved', reason: `no file for ${specifier} in ${pkg.dir}` };
  };

  /** A workspace package's specifier means the same to every importer whose tsconfig `paths` did not claim it. */
  const byWorkspaceSpecifier = new Map<string, Resolution>();
  const viaWorkspacePackage = (pkg: WorkspacePackage, subpath: string, specifier: string, system: ModuleSystem): Resolution => {
    if (!shareAcrossDirs) return resolveWorkspacePackage(pkg, subpath, specifier, system);
    const key = answerKey(specifier, system);
    let known = byWorkspaceSpecifier.get(key);
    if (!known) {
      known = resolveWorkspacePackage(pkg, subpath, specifier, system);
      byWorkspaceSpecifier.set(key, known);
    }
    return known;
  };

  /** A bare specifier depends on the importer only through its package (`#x`) and its tsconfig. */
  const resolveBare = (owner: WorkspacePackage | undefined, tsconfig: TsconfigInfo | undefined, specifier: string, system: ModuleSystem): Resolution => {
    // tsc reads `paths` before anything else, `#x` keys included.
    const viaPaths = tsconfig ? matchTsPaths(tsconfig, specifier, resolvePath) : undefined;
    if (viaPaths?.found) return { type: 'file', path: viaPaths.found };
    const missedPaths =
      viaPaths && !viaPaths.inconclusive ? `tsconfig paths map ${specifier} to ${viaPaths.tried.join(', ') || 'nothing'}, which does not exist` : undefined;
    if (specifier.startsWith('#')) {
      if (!owner?.manifest.imports) return { type: 'unresolved', reason: missedPaths ?? 'no package.json "imports" map for #-specifiers' };
      const match = matchExports(owner.manifest.imports, specifier, system);
      if (match.type === 'not-exported') return { type: 'unresolved', reason: `"${specifier}" is not in ${owner.name}'s package.json imports` };
      for (const target of match.targets) {
        if (!target.startsWith('.')) return resolveBare(owner, tsconfig, target, system);
        const found = resolvePackageTarget(owner, target);
        if (found) return { type: 'file', path: found };
      }
      return { type: 'unresolved', reason: `imports map sends ${specifier} to ${match.targets.join(', ')}, which does not exist` };
    }
    const { name, subpath } = splitPackageSpecifier(specifier);
    const pkg = workspace.packages.get(name);
    if (pkg) return viaWorkspacePackage(pkg, subpath, specifier, system);
    if (BUILTINS.has(specifier) || BUILTINS.has(name)) return { type: 'builtin', name: specifier };
    if (tsconfig?.baseUrl) {
      const viaBaseUrl = resolvePath(joinRel(tsconfig.baseUrl, specifier));
      if (viaBaseUrl) return { type: 'file', path: viaBaseUrl };
    }
    // An alias whose target is missing (often generated code) is not a dependency to declare.
    if (missedPaths) return { type: 'unresolved', reason: missedPaths };
    // `.bin/x`, `.pnpm/x`: a path inside node_modules.
    if (name.startsWith('.')) return { type: 'external', package: name };
    if (!isPackageName(name)) {
      return { type: 'unresolved', reason: `"${name}" is not an npm package name: an alias from a bundler or framework config the analyzer does not read` };
    }
    return { type: 'external', package: name };
  };

  /** A relative path (or reference) depends on the importer only through the path it names. */
  const resolveRelative = (rel: string): Resolution => {
    // The disk is asked last: a stat per import was most of the resolver's time on NodeNext repos.
    const found = resolvePath(rel) ?? resolveBuildOutput(rel) ?? (!rel.startsWith('..') && /\.[a-z0-9]+$/i.test(rel) && existsOnDisk(rel) ? rel : undefined);
    return found ? { type: 'file', path: found } : { type: 'unresolved', reason: rel.startsWith('..') ? 'points outside the workspace' : 'no such file' };
  };

  /**
   * A missing file under a dot-folder that is not there either (`.astro/types.d.ts`,
   * `.svelte-kit/ambient.d.ts`): a framework's generated output, made by its typegen or build step
   * and ignored by git, so the import is fine once that has run. Undefined for any other miss.
   */
  const missingDotFolder = (rel: string): Resolution | undefined => {
    for (let slash = rel.indexOf('/'), start = 0; slash !== -1; start = slash + 1, slash = rel.indexOf('/', start)) {
      if (rel[start] !== '.' || rel.startsWith('..', start)) continue;
      const folder = rel.slice(0, slash);
      if (!existsOnDisk(folder))
        return { type: 'unresolved', reason: `no such file: ${folder}/ does not exist (generated? run the framework's typegen or build step)` };
    }
    return undefined;
  };

  /**
   * tsc's `rootDirs`: a relative path that names nothing may name a file at the same place under
   * another of the tsconfig's root folders, often generated and unlisted (`.react-router/types`),
   * so the disk is asked. Undefined when no root folder applies; an answer naming the missing
   * root folders when none has the file.
   */
  const viaRootDirs = (tsconfig: TsconfigInfo, rel: string): Resolution | undefined => {
    const roots = tsconfig.rootDirs ?? [];
    const home = roots.filter((root) => root === '.' || rel.startsWith(`${root}/`)).sort((a, b) => b.length - a.length)[0];
    if (home === undefined) return undefined;
    const inner = home === '.' ? rel : rel.slice(home.length + 1);
    const missing: string[] = [];
    for (const root of roots) {
      if (root === home) continue;
      const candidate = joinRel(root, inner);
      const found =
        resolvePath(candidate) ?? [...APPEND_EXTENSIONS, ...APPEND_EXTENSIONS.map((ext) => `/index${ext}`)].map((ext) => candidate + ext).find(existsOnDisk);
      if (found) return { type: 'file', path: found };
      if (!existsOnDisk(root)) missing.push(root);
    }
    if (missing.length === 0) return undefined;
    const folders = missing.join(', ');
    return {
      type: 'unresolved',
      reason: `no such file, and the tsconfig's rootDirs ${folders} ${missing.length > 1 ? 'do' : 'does'} not exist (generated? run the framework's typegen or build step)`,
    };
  };

  // What an answer depends on: a relative path (or reference) on the path it names; a `#x`
  // specifier on the importer's package and tsconfig; any other bare one on the tsconfig's
  // `paths` and `baseUrl` only (none: the same answer everywhere). Shared, answers are kept by
  // that: most imports name a path or package some other directory already asked for.
  const byPath = new Map<string, Resolution>();
  const byContext = new Map<WorkspacePackage | undefined, Map<TsconfigInfo | undefined, Map<string, Resolution>>>();
  const byTsconfig = new Map<TsconfigInfo | undefined, Map<string, Resolution>>();
  // A file's imports are resolved one after another: its directory, bare context and the answers
  // for that directory (relative specifiers, looked up without joining a path) are kept.
  let lastFile = '';
  let lastDir = '';
  let dirAnswers = new Map<string, Resolution>();
  const answersByDir = new Map<string, Map<string, Resolution>>();
  const schemes = new Map<string, Resolution>();
  let bareContext:
    | { owner: WorkspacePackage | undefined; tsconfig: TsconfigInfo | undefined; hashAnswers: Map<string, Resolution>; answers: Map<string, Resolution> }
    | undefined;
  // Both depend on the file's directory only: found once per directory.
  const contextByDir = new Map<string, NonNullable<typeof bareContext>>();
  const contextOf = (fromFile: string, dir: string) => {
    let context = contextByDir.get(dir);
    if (!context) {
      const owner = packageOf(fromFile);
      const tsconfig = tsconfigOf(fromFile);
      const aliases = tsconfig && ((tsconfig.paths && tsconfig.pathsBase !== undefined) || tsconfig.baseUrl) ? tsconfig : undefined;
      context = { owner, tsconfig, hashAnswers: answersOf(answersOf(byContext, owner), tsconfig), answers: answersOf(byTsconfig, aliases) };
      contextByDir.set(dir, context);
    }
    return context;
  };
  const answer: ResolveFn = (fromFile, specifier, kind) => {
    if (fromFile !== lastFile) {
      lastFile = fromFile;
      const dir = dirnameRel(fromFile);
      if (dir !== lastDir) {
        lastDir = dir;
        dirAnswers = answersOf(answersByDir, dir);
      }
      bareContext = undefined;
    }
    // A relative specifier (most imports) has no scheme: the scheme test is for the others.
    const relative = isRelativeSpecifier(specifier);
    if (!relative && (specifier.startsWith('node:') || hasUrlScheme(specifier))) {
      let known = schemes.get(specifier);
      if (!known) {
        known = { type: 'builtin', name: specifier };
        schemes.set(specifier, known);
      }
      return known;
    }
    if (relative && kind !== 'reference') {
      // Most imports: found by directory and specifier, no path joined (a hit needs neither).
      const known = dirAnswers.get(specifier);
      if (known) return known;
    }
    if (relative || kind === 'reference') {
      const rel = joinRel(lastDir, beforeQuery(specifier, true));
      let known = shareAcrossDirs ? byPath.get(rel) : undefined;
      if (!known) {
        known = resolveRelative(rel);
        if (shareAcrossDirs) byPath.set(rel, known);
      }
      // What a missing file resolves to depends on the kind (rootDirs, below): only other answers are kept by directory.
      const missing = known.type === 'unresolved' && known.reason === 'no such file';
      if (relative && kind !== 'reference' && !missing) dirAnswers.set(specifier, known);
      if (!missing) return known;
      // Only then the importer's tsconfig matters: its rootDirs, which generated types use.
      bareContext ??= contextOf(fromFile, lastDir);
      const rootDirs = bareContext.tsconfig?.rootDirs ? viaRootDirs(bareContext.tsconfig, rel) : undefined;
      if (rootDirs?.type === 'file' || (rootDirs && isTypeOnlyKind(kind))) return rootDirs;
      return missingDotFolder(rel) ?? known;
    }
    if (specifier.startsWith('/')) return { type: 'unresolved', reason: 'absolute import paths are not portable' };
    bareContext ??= contextOf(fromFile, lastDir);
    // A bundler query (`~/styles.css?url`, `x.svg?react`) is not part of the path.
    const bare = beforeQuery(specifier, false) || specifier;
    const system = systemOf(kind);
    if (!shareAcrossDirs) return resolveBare(bareContext.owner, bareContext.tsconfig, bare, system);
    const answers = bare.startsWith('#') ? bareContext.hashAnswers : bareContext.answers;
    const key = answerKey(bare, system);
    let known = answers.get(key);
    if (!known) {
      known = resolveBare(bareContext.owner, bareContext.tsconfig, bare, system);
      answers.set(key, known);
    }
    return known;
  };
  if (shareAcrossDirs) return answer;

  // Unshared, answers are kept per importer directory and specifier: the pair ProbeSession records
  // lookups by (a reference is read as a path, so references have maps of their own).
  const byDir = new Map<string, Map<string, Resolution>>();
  const referencesByDir = new Map<string, Map<string, Resolution>>();
  return (fromFile, specifier, kind) => {
    const answers = answersOf(kind === 'reference' ? referencesByDir : byDir, dirnameRel(fromFile));
    const key = answerKey(specifier, systemOf(kind));
    let result = answers.get(key);
    if (!result) {
      result = answer(fromFile, specifier, kind);
      answers.set(key, result);
    }
    return result;
  };
}

/** `require()` (and `import x = require()`) matches `exports`' `require` conditions; every other kind, `import`'s. */
function systemOf(kind: ImportKind): ModuleSystem {
  return kind === 'require' || kind === 'require-resolve' || kind === 'import-equals' ? 'require' : 'import';
}

/** A bare specifier's answer is kept per module system: the few `require()`s get a key of their own, imports the specifier itself. */
function answerKey(specifier: string, system: ModuleSystem): string {
  return system === 'require' ? `${specifier}\u0000require` : specifier;
}

/** The map kept under `key`, made on first use. */
function answersOf<K, I, V>(caches: Map<K, Map<I, V>>, key: K): Map<I, V> {
  let answers = caches.get(key);
  if (!answers) {
    answers = new Map();
    caches.set(key, answers);
  }
  return answers;
}

/** `path.posix.extname` as far as SOURCE_TWINS cares (`.js`, `.mjs`, ...): no scan or slice for the many paths without one. */
function twinExtension(rel: string): string {
  if (rel.endsWith('/')) return path.posix.extname(rel);
  const dot = rel.lastIndexOf('.');
  // A leading dot is a dotfile's name, not an extension.
  return dot > rel.lastIndexOf('/') + 1 && rel.length - dot <= 4 ? rel.slice(dot) : '';
}

/** The specifier up to its query (`?url`), and its `#hash` too for a path: a scan, not a regex split per import. */
function beforeQuery(specifier: string, isPath: boolean): string {
  let end = specifier.indexOf('?');
  if (isPath) {
    const hash = specifier.indexOf('#');
    if (hash !== -1 && (end === -1 || hash < end)) end = hash;
  }
  return end === -1 ? specifier : specifier.slice(0, end);
}
