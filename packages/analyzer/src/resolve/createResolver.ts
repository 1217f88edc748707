import { existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { type ImportKind, joinRel, type Resolution, type TsconfigInfo, type Workspace, type WorkspacePackage } from '@monorefactor/core';
import { matchExports, splitPackageSpecifier } from './exportsMap.js';
import { createPackageLocator } from './packageOf.js';

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
/** Build-output folders a manifest may point into while the source lives in src/. */
const BUILD_DIRS = ['dist', 'build', 'lib', 'out', 'esm', 'cjs'];

export type ResolveFn = (fromFile: string, specifier: string, kind: ImportKind) => Resolution;

/**
 * Resolve import specifiers against the in-memory file set: relative paths (with NodeNext `.js`
 * twins), package `imports` (`#x`), tsconfig `paths`/`baseUrl`, and workspace packages through
 * their `exports` (mapped back from build output to source). Anything else bare is external.
 */
export function createResolver(workspace: Workspace, files: ReadonlySet<string>): ResolveFn {
  const packageOf = createPackageLocator(workspace);
  const cache = new Map<string, Resolution>();
  const assetCache = new Map<string, boolean>();

  const isFile = (rel: string): boolean => {
    if (files.has(rel)) return true;
    // Non-source imports (JSON, CSS, assets) exist on disk but are not in the source set.
    if (!/\.[a-z0-9]+$/i.test(rel) || /\.[cm]?[jt]sx?$/.test(rel)) return false;
    return existsOnDisk(rel);
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
    // tsc prefers the source twin: `./x.js` is `./x.ts` when both exist (compiled in place).
    const ext = path.posix.extname(rel);
    const twins = SOURCE_TWINS[ext];
    if (twins) {
      const stem = rel.slice(0, -ext.length);
      for (const twin of twins) if (files.has(stem + twin)) return stem + twin;
    }
    if (files.has(rel)) return rel;
    for (const append of APPEND_EXTENSIONS) if (files.has(rel + append)) return rel + append;
    for (const append of APPEND_EXTENSIONS) if (files.has(`${rel}/index${append}`)) return `${rel}/index${append}`;
    if (isFile(rel)) return rel;
    return undefined;
  };

  /** A manifest target inside a package (`./dist/x.js`): the file, or its source twin under src/. */
  const resolvePackageTarget = (pkg: WorkspacePackage, target: string): string | undefined => {
    const rel = joinRel(pkg.dir, target);
    const direct = resolvePath(rel.replace(/\.d\.([cm]?)ts$/, '.$1js'));
    if (direct) return direct;
    for (const candidate of sourceCandidates(pkg, rel)) {
      // A bundler may emit `index.mjs`/`index.cjs` from `index.ts`: try the bare stem too.
      const found = resolvePath(candidate) ?? resolvePath(candidate.replace(/\.(?:d\.)?[cm]?[jt]sx?$/, ''));
      if (found) return found;
    }
    return undefined;
  };

  /** A relative import of a package's own build output (`../dist/bin.js`) stands for its source. */
  const resolveBuildOutput = (rel: string): string | undefined => {
    const owner = packageOf(rel);
    if (!owner) return undefined;
    for (const candidate of sourceCandidates(owner, rel)) {
      const found = resolvePath(candidate);
      if (found) return found;
    }
    return undefined;
  };

  const resolveWorkspacePackage = (pkg: WorkspacePackage, subpath: string, specifier: string): Resolution => {
    const { exports } = pkg.manifest;
    if (exports !== undefined) {
      const match = matchExports(exports, subpath);
      if (match.type === 'not-exported') return { type: 'unresolved', reason: `"${subpath}" is not exported by ${pkg.name} (package.json exports)` };
      for (const target of match.targets) {
        const found = resolvePackageTarget(pkg, target);
        if (found) return { type: 'file', path: found };
      }
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
    return found ? { type: 'file', path: found } : { type: 'unresolved', reason: `no file for ${specifier} in ${pkg.dir}` };
  };

  const resolveBare = (fromFile: string, specifier: string): Resolution => {
    const owner = packageOf(fromFile);
    if (specifier.startsWith('#')) {
      if (!owner?.manifest.imports) return { type: 'unresolved', reason: 'no package.json "imports" map for #-specifiers' };
      const match = matchExports(owner.manifest.imports, specifier);
      if (match.type === 'not-exported') return { type: 'unresolved', reason: `"${specifier}" is not in ${owner.name}'s package.json imports` };
      for (const target of match.targets) {
        if (!target.startsWith('.')) return resolveBare(fromFile, target);
        const found = resolvePackageTarget(owner, target);
        if (found) return { type: 'file', path: found };
      }
      return { type: 'unresolved', reason: `imports map sends ${specifier} to ${match.targets.join(', ')}, which does not exist` };
    }
    const tsconfig = owner?.tsconfig ?? workspace.tsconfig;
    const viaPaths = tsconfig ? resolveTsPaths(tsconfig, specifier, resolvePath) : undefined;
    if (viaPaths) return { type: 'file', path: viaPaths };
    const { name, subpath } = splitPackageSpecifier(specifier);
    const pkg = workspace.packages.get(name);
    if (pkg) return resolveWorkspacePackage(pkg, subpath, specifier);
    if (BUILTINS.has(specifier) || BUILTINS.has(name)) return { type: 'builtin', name: specifier };
    if (tsconfig?.baseUrl) {
      const viaBaseUrl = resolvePath(joinRel(tsconfig.baseUrl, specifier));
      if (viaBaseUrl) return { type: 'file', path: viaBaseUrl };
    }
    return { type: 'external', package: name };
  };

  return (fromFile, specifier, kind) => {
    const dir = path.posix.dirname(fromFile);
    const key = `${dir}\u0000${kind === 'reference' ? 'r' : ''}${specifier}`;
    const cached = cache.get(key);
    if (cached) return cached;
    let result: Resolution;
    if (specifier.startsWith('node:')) result = { type: 'builtin', name: specifier };
    else if (specifier.startsWith('.') || kind === 'reference') {
      const clean = specifier.split(/[?#]/)[0] ?? specifier;
      const rel = joinRel(dir, clean);
      const onDisk = !rel.startsWith('..') && /\.[a-z0-9]+$/i.test(rel) && existsOnDisk(rel) ? rel : undefined;
      const found = resolvePath(rel) ?? resolveBuildOutput(rel) ?? onDisk;
      result = found ? { type: 'file', path: found } : { type: 'unresolved', reason: rel.startsWith('..') ? 'points outside the workspace' : 'no such file' };
    } else if (specifier.startsWith('/')) result = { type: 'unresolved', reason: 'absolute import paths are not portable' };
    else result = resolveBare(fromFile, specifier);
    cache.set(key, result);
    return result;
  };
}

/** tsconfig `paths`: exact keys, then `*` patterns by longest prefix, each substitution tried in order. */
function resolveTsPaths(tsconfig: TsconfigInfo, specifier: string, resolvePath: (rel: string) => string | undefined): string | undefined {
  const { paths, pathsBase } = tsconfig;
  if (!paths || pathsBase === undefined) return undefined;
  let bestKey: string | undefined;
  let bestRest = '';
  for (const key of Object.keys(paths)) {
    const star = key.indexOf('*');
    if (star === -1) {
      if (key === specifier) {
        bestKey = key;
        bestRest = '';
        break;
      }
      continue;
    }
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (specifier.startsWith(prefix) && specifier.endsWith(suffix) && specifier.length >= prefix.length + suffix.length) {
      if (bestKey === undefined || prefix.length > bestKey.indexOf('*')) {
        bestKey = key;
        bestRest = specifier.slice(prefix.length, specifier.length - suffix.length);
      }
    }
  }
  if (bestKey === undefined) return undefined;
  for (const target of paths[bestKey] ?? []) {
    const found = resolvePath(joinRel(pathsBase, target.replace('*', bestRest)));
    if (found) return found;
  }
  return undefined;
}

/** Where the source of a build-output path lives: tsconfig outDir -> rootDir, else dist/ -> src/. */
function sourceCandidates(pkg: WorkspacePackage, rel: string): string[] {
  const out: string[] = [];
  const ts = pkg.tsconfig;
  if (ts?.outDir && (rel === ts.outDir || rel.startsWith(`${ts.outDir}/`))) {
    out.push(joinRel(ts.rootDir ?? pkg.sourceRoot, rel.slice(ts.outDir.length + 1)));
  }
  const inner = rel.slice(pkg.dir === '.' ? 0 : pkg.dir.length + 1);
  const [first, ...rest] = inner.split('/');
  if (first && BUILD_DIRS.includes(first)) {
    const tail = rest.join('/');
    out.push(joinRel(pkg.sourceRoot, tail), joinRel(pkg.dir, 'src', tail));
    // dist/esm/x.js, dist/cjs/x.js: one more build folder level
    const [second, ...deeper] = rest;
    if (second && BUILD_DIRS.includes(second)) out.push(joinRel(pkg.sourceRoot, deeper.join('/')));
  } else if (pkg.sourceRoot !== pkg.dir) {
    out.push(joinRel(pkg.sourceRoot, inner));
  }
  return out;
}
