import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  DEPENDENCY_FIELDS,
  type DependencyField,
  isInside,
  joinRel,
  type PackageManifest,
  type TsconfigInfo,
  type Workspace,
  WorkspaceError,
  type WorkspacePackage,
  type WorkspaceProblem,
} from '@monorefactor/core';
import { findPackageDirs } from './findPackageDirs.js';
import { loadTsconfig } from './loadTsconfig.js';
import { readJsonFile } from './readJson.js';

/**
 * Read the workspace at `root`: its packages (manifests, source roots, tsconfigs). Throws a
 * WorkspaceError only when the workspace itself cannot be understood; a broken package is a
 * problem in the result and the rest is still read.
 */
export function loadWorkspace(root: string): Workspace {
  const absRoot = path.resolve(root);
  if (!existsSync(absRoot) || !statSync(absRoot).isDirectory()) {
    throw new WorkspaceError(`${root} is not a directory`, { hint: 'pass the root of a JS/TS repository' });
  }
  const manifestPath = path.join(absRoot, 'package.json');
  if (!existsSync(manifestPath)) {
    throw new WorkspaceError('no package.json at the workspace root', {
      file: toDisplay(root, 'package.json'),
      hint: 'run refactor in the directory that holds the root package.json',
    });
  }
  const rootManifest = readJsonFile<PackageManifest>(manifestPath);
  if (!rootManifest.ok || typeof rootManifest.value !== 'object' || rootManifest.value === null) {
    throw new WorkspaceError(`cannot read the root package.json: ${rootManifest.ok ? 'not an object' : rootManifest.error}`, {
      file: 'package.json',
      hint: 'fix the JSON syntax of the root package.json',
    });
  }
  const problems: WorkspaceProblem[] = [];
  const { kind, dirs, negated } = findPackageDirs(absRoot, rootManifest.value);

  const manifests: { dir: string; manifest: PackageManifest }[] = [];
  for (const dir of dirs) {
    if (dir === '.') {
      manifests.push({ dir, manifest: rootManifest.value });
      continue;
    }
    const projectFile = path.join(absRoot, dir, 'project.json');
    if (!existsSync(path.join(absRoot, dir, 'package.json')) && existsSync(projectFile)) {
      manifests.push({ dir, manifest: nxProjectManifest(dir, projectFile) });
      continue;
    }
    const read = readJsonFile<PackageManifest>(path.join(absRoot, dir, 'package.json'));
    if (!read.ok || typeof read.value !== 'object' || read.value === null || Array.isArray(read.value)) {
      problems.push({
        file: `${dir}/package.json`,
        message: `cannot read package manifest: ${read.ok ? 'not an object' : read.error}`,
        hint: 'fix the JSON; the package is left out of the analysis until then',
      });
      continue;
    }
    manifests.push({ dir, manifest: read.value });
  }

  const dirByName = new Map<string, string>();
  for (const { dir, manifest } of manifests) {
    const name = typeof manifest.name === 'string' && manifest.name ? manifest.name : dir;
    if (dirByName.has(name)) {
      problems.push({
        file: `${dir}/package.json`,
        message: `duplicate package name "${name}" (also in ${dirByName.get(name)})`,
        hint: 'give every workspace package a unique name',
      });
      continue;
    }
    dirByName.set(name, dir);
  }

  const tsContext = {
    root: absRoot,
    packageDir: (name: string) => {
      const dir = dirByName.get(name);
      return dir === undefined ? undefined : path.join(absRoot, dir);
    },
    problems,
  };
  const rootTsconfig = loadRootTsconfig(absRoot, tsContext);

  const packages = new Map<string, WorkspacePackage>();
  for (const { dir, manifest } of manifests) {
    const named = typeof manifest.name === 'string' && manifest.name !== '';
    const name = named ? (manifest.name as string) : dir;
    if (dirByName.get(name) !== dir) continue;
    // Compare the manifest, not the name: a package may well be called after its folder (`www`, `docs`).
    if (!named && dir !== '.') {
      problems.push({ file: `${dir}/package.json`, message: 'package has no "name"', hint: 'add a "name" so other packages can import it' });
    }
    const tsconfigFile = path.join(absRoot, dir, 'tsconfig.json');
    let tsconfig: TsconfigInfo | undefined;
    if (dir === '.') tsconfig = rootTsconfig;
    else if (existsSync(tsconfigFile)) tsconfig = loadTsconfig(tsconfigFile, tsContext);
    const srcDir = joinRel(dir, 'src');
    // A rootDir above the package (`"rootDir": "../"`, to emit types across packages) is no source root
    // of it; nor is `"rootDir": "."` when the code lives in src/ (set so tests and configs compile too:
    // TanStack query). The build-output mapping reads tsconfig rootDir itself.
    const hasSrc = isDirectory(path.join(absRoot, srcDir));
    const rootDir = tsconfig?.rootDir !== undefined && isInside(tsconfig.rootDir, dir) && !(tsconfig.rootDir === dir && hasSrc) ? tsconfig.rootDir : undefined;
    const sourceRoot = rootDir ?? (hasSrc ? srcDir : dir);
    const pkg: WorkspacePackage = { name, dir, manifest, sourceRoot, dependencies: declaredDependencies(manifest) };
    if (tsconfig) pkg.tsconfig = tsconfig;
    packages.set(name, pkg);
  }
  const workspace: Workspace = { root: absRoot, rootManifest: rootManifest.value, kind, packages, problems };
  if (negated.length > 0) workspace.negatedGlobs = negated;
  if (rootTsconfig) workspace.tsconfig = rootTsconfig;
  return workspace;
}

/**
 * The root tsconfig for files no package tsconfig covers: `tsconfig.json`, unless it is a
 * solution file without `paths` and `tsconfig.base.json` declares them (the Nx layout).
 */
function loadRootTsconfig(absRoot: string, context: Parameters<typeof loadTsconfig>[1]): TsconfigInfo | undefined {
  const main = path.join(absRoot, 'tsconfig.json');
  const base = path.join(absRoot, 'tsconfig.base.json');
  const loaded = existsSync(main) ? loadTsconfig(main, context) : undefined;
  if (loaded?.paths || !existsSync(base)) return loaded;
  const fallback = loadTsconfig(base, context);
  return fallback?.paths ? fallback : (loaded ?? fallback);
}

/** An Nx project without a package.json: its name, nothing declared (Nx projects share the root manifest). */
function nxProjectManifest(dir: string, projectFile: string): PackageManifest {
  const read = readJsonFile<{ name?: unknown }>(projectFile);
  const name = read.ok && typeof read.value?.name === 'string' && read.value.name ? read.value.name : path.posix.basename(dir);
  return { name, private: true };
}

function declaredDependencies(manifest: PackageManifest): Map<string, DependencyField> {
  const deps = new Map<string, DependencyField>();
  for (const field of DEPENDENCY_FIELDS) {
    const value = manifest[field];
    if (!value || typeof value !== 'object') continue;
    for (const name of Object.keys(value)) if (!deps.has(name)) deps.set(name, field);
  }
  return deps;
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

function toDisplay(root: string, file: string): string {
  return root === '.' ? file : path.join(root, file);
}
