import { type Dirent, readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { isSourceFile, type PackageManifest, type Workspace, type WorkspaceProblem } from '@monorefactor/core';
import picomatch from 'picomatch';
import { readJsonFile } from './readJson.js';

/** Directory names never analysed: installed dependencies. */
const DEPENDENCY_DIRS = new Set(['node_modules', 'bower_components', 'jspm_packages']);
/**
 * Build output and reports, skipped where tools write them: beside a package.json (`pkg/dist`,
 * `pkg/build`). Deeper, the same names are source folders (astro's `src/core/build/`).
 */
const OUTPUT_DIRS = new Set(['dist', 'build', 'out', 'coverage', 'lib-cov']);
/** Single-file components with imports the analyzer does not read. */
const UNREAD_COMPONENT = /\.(?:vue|svelte|astro|mdx)$/;

export interface SourceFiles {
  /** Root-relative `/`-separated paths, sorted. */
  files: string[];
  /** Component files whose imports are not read (`Workspace.unreadFiles`), sorted. */
  unread: string[];
  /** Every folder walked, with whether it holds a `tsconfig.json` (`Workspace.listedDirs`). */
  dirs: Map<string, boolean>;
  /** Folders left out because a negated workspace glob matches them (`Workspace.excludedDirs`). */
  excluded: Set<string>;
  problems: WorkspaceProblem[];
}

/**
 * Every JS/TS source file of the workspace. Skips dependencies, dot-directories, build output
 * (`dist`, `build`, `out`... beside a package.json, and each package's tsconfig `outDir`), nested
 * workspace roots and `ignore` globs.
 * Symbolic links are not followed (a link loop cannot hang the walk); a broken link is a problem.
 */
/** One options object for every listing (Node then builds none per call). */
const WITH_FILE_TYPES = { withFileTypes: true } as const;

export function listSourceFiles(workspace: Workspace, ignore: string[] = []): SourceFiles {
  const root = workspace.root;
  const isIgnored = ignore.length > 0 ? picomatch(ignore, { dot: true }) : () => false;
  // `!apps/legacy-*` in the workspace globs: not part of the workspace, so neither are its files
  // (their imports would otherwise count as consumers, and they as repo modules).
  const negated = workspace.negatedGlobs ?? [];
  const isNegated = negated.length > 0 ? picomatch(negated, { dot: true }) : () => false;
  const excluded = new Set<string>();
  const outDirs = new Set<string>();
  for (const pkg of workspace.packages.values()) if (pkg.tsconfig?.outDir) outDirs.add(pkg.tsconfig.outDir);
  const packageDirs = new Set([...workspace.packages.values()].map((pkg) => pkg.dir));
  // A workspace glob may name packages inside a dot-folder (`examples/.test/*`): walk down to them.
  const towardPackages = new Set<string>();
  for (const dir of packageDirs) for (let d = dir; d !== '.' && d !== ''; d = path.posix.dirname(d)) towardPackages.add(d);
  const files: string[] = [];
  const unread: string[] = [];
  const dirs = new Map<string, boolean>();
  const problems: WorkspaceProblem[] = [];

  const walk = (relDir: string): void => {
    let entries: Dirent[];
    try {
      // `root` is absolute and `relDir` a clean relative path: no path.join (it normalises) per folder.
      entries = readdirSync(relDir === '.' ? root : `${root}/${relDir}`, WITH_FILE_TYPES);
    } catch (error) {
      problems.push({ file: relDir, message: `cannot read directory: ${(error as NodeJS.ErrnoException).code ?? error}` });
      return;
    }
    if (relDir !== '.' && isNestedWorkspaceRoot(root, relDir, entries, packageDirs)) return;
    let besideManifest = false;
    let tsconfig = false;
    for (const entry of entries) {
      if (entry.name === 'package.json') besideManifest = true;
      else if (entry.name === 'tsconfig.json' && !entry.isDirectory()) tsconfig = true;
    }
    dirs.set(relDir, tsconfig);
    for (const entry of entries) {
      const name = entry.name;
      const rel = relDir === '.' ? name : `${relDir}/${name}`;
      if (entry.isDirectory()) {
        if (isIgnored(rel) || isIgnored(`${rel}/`)) continue;
        const skipped = name.startsWith('.') || DEPENDENCY_DIRS.has(name) || (besideManifest && OUTPUT_DIRS.has(name)) || outDirs.has(rel);
        if (skipped && !towardPackages.has(rel)) continue;
        if (isNegated(rel) && !towardPackages.has(rel) && !packageDirs.has(rel)) {
          excluded.add(rel);
          continue;
        }
        walk(rel);
      } else if (entry.isFile()) {
        if (isSourceFile(name) && !isIgnored(rel)) files.push(rel);
        else if (UNREAD_COMPONENT.test(name) && !isIgnored(rel)) unread.push(rel);
      } else if (entry.isSymbolicLink()) {
        checkLink(root, rel, problems);
      }
    }
  };
  walk('.');
  files.sort();
  unread.sort();
  return { files, unread, dirs, excluded, problems };
}

/** A folder with its own `pnpm-workspace.yaml` or `workspaces` is another repo (e.g. a test fixture). */
function isNestedWorkspaceRoot(root: string, relDir: string, entries: Dirent[], packageDirs: Set<string>): boolean {
  if (packageDirs.has(relDir)) return false;
  if (entries.some((e) => e.name === 'pnpm-workspace.yaml')) return true;
  if (!entries.some((e) => e.name === 'package.json')) return false;
  const read = readJsonFile<PackageManifest>(path.join(root, relDir, 'package.json'));
  return read.ok && read.value !== null && typeof read.value === 'object' && read.value.workspaces !== undefined;
}

function checkLink(root: string, rel: string, problems: WorkspaceProblem[]): void {
  try {
    const target = realpathSync(path.join(root, rel));
    const parent = realpathSync(path.dirname(path.join(root, rel)));
    // A link to its own folder or an ancestor is a loop for any tool that follows links.
    if (parent === target || parent.startsWith(`${target}${path.sep}`)) {
      problems.push({ file: rel, message: 'symbolic link loop (points to its own folder or a parent), skipped', hint: 'remove the link' });
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = code === 'ELOOP' ? 'symbolic link loop, skipped' : `broken symbolic link (${code}), skipped`;
    problems.push({ file: rel, message, hint: 'remove or fix the link' });
  }
}
