import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type PackageManifest, WorkspaceError } from '@monorefactor/core';
import { globSync } from 'tinyglobby';

// yaml is loaded only for pnpm workspaces: it is ~60 ms of module loading on every other run.
const requireHere = createRequire(import.meta.url);
const parseYaml = (text: string): unknown => (requireHere('yaml') as typeof import('yaml')).parse(text);

export interface PackageDirs {
  kind: 'npm' | 'yarn' | 'pnpm' | 'single';
  /** Root-relative package directories, sorted. */
  dirs: string[];
  /** The workspace globs negated with `!`, without it (`Workspace.negatedGlobs`). */
  negated: string[];
}

/**
 * The workspace's package directories from npm/yarn `workspaces` (array or `{ packages }`) or
 * `pnpm-workspace.yaml`, with nested globs and `!` negations; else lerna.json `packages`; else the
 * `project.json` folders of an Nx workspace; a repo with none of them is one package.
 */
export function findPackageDirs(root: string, manifest: PackageManifest): PackageDirs {
  const pnpmFile = path.join(root, 'pnpm-workspace.yaml');
  let patterns: string[] | undefined;
  let kind: PackageDirs['kind'] = 'npm';
  if (existsSync(pnpmFile)) {
    kind = 'pnpm';
    let doc: unknown;
    try {
      doc = parseYaml(readFileSync(pnpmFile, 'utf8'));
    } catch (error) {
      throw new WorkspaceError(`cannot parse pnpm-workspace.yaml: ${(error as Error).message.split('\n')[0]}`, {
        file: 'pnpm-workspace.yaml',
        hint: 'fix the YAML syntax; it must contain `packages:` with a list of globs',
      });
    }
    const list = (doc as { packages?: unknown } | null)?.packages;
    if (list !== undefined && !isStringArray(list)) {
      throw new WorkspaceError('`packages` must be a list of glob strings', {
        file: 'pnpm-workspace.yaml',
        hint: "write e.g. `packages: ['packages/*']`",
      });
    }
    patterns = list ?? [];
  } else if (manifest.workspaces !== undefined) {
    const ws = manifest.workspaces;
    if (isStringArray(ws)) {
      patterns = ws;
    } else if (ws && typeof ws === 'object' && isStringArray((ws as { packages?: unknown }).packages ?? [])) {
      kind = 'yarn';
      patterns = (ws as { packages?: string[] }).packages ?? [];
    } else {
      throw new WorkspaceError('`workspaces` must be an array of globs or `{ "packages": [...] }`', {
        file: 'package.json',
        hint: 'write e.g. "workspaces": ["packages/*"]',
      });
    }
    if (kind === 'npm' && existsSync(path.join(root, 'yarn.lock'))) kind = 'yarn';
  }
  if (patterns === undefined) {
    // Lerna without workspaces, then an Nx workspace whose projects have only a project.json.
    const lerna = lernaPatterns(root);
    if (lerna) return { kind: lockfileKind(root), dirs: globDirs(root, lerna, 'package.json'), negated: negatedOf(lerna) };
    if (existsSync(path.join(root, 'nx.json'))) {
      const dirs = globDirs(root, ['**'], 'project.json', ['**/dist/**', '**/tmp/**']);
      if (dirs.length > 0) return { kind: lockfileKind(root), dirs, negated: [] };
    }
    return { kind: 'single', dirs: ['.'], negated: [] };
  }
  return { kind, dirs: globDirs(root, patterns, 'package.json'), negated: negatedOf(patterns) };
}

/** The `!` patterns of a workspace glob list, normalised as `globDirs` reads them (`!./apps/x/` -> `apps/x`). */
function negatedOf(patterns: string[]): string[] {
  return patterns.map(normalisePattern).flatMap((pattern) => (pattern.startsWith('!') ? [pattern.slice(1).replace(/^\.\//, '')] : []));
}

function normalisePattern(raw: string): string {
  return raw.trim().replace(/^\.\//, '').replace(/\/+$/, '');
}

/** Folders holding `marker` that the workspace globs (with `!` negations) match, sorted, root left out. */
function globDirs(root: string, patterns: string[], marker: string, skip: string[] = []): string[] {
  const include: string[] = [];
  const ignore = ['**/node_modules/**', ...skip];
  for (const raw of patterns) {
    const pattern = normalisePattern(raw);
    if (pattern.startsWith('!')) {
      const negated = pattern.slice(1).replace(/^\.\//, '');
      ignore.push(negated, `${negated}/${marker}`);
    } else if (pattern) {
      include.push(pattern === '.' ? marker : `${pattern}/${marker}`);
    }
  }
  const simple = ignore.length === 1 ? simpleDirs(root, include, marker) : undefined;
  if (simple) return simple;
  const found = include.length === 0 ? [] : globSync(include, { cwd: root, ignore, onlyFiles: true, expandDirectories: false, dot: false });
  return [...new Set(found.map((file) => path.posix.dirname(file)))].filter((dir) => dir !== '.').sort();
}

const PLAIN_DIR = /^(?:[^*?{}[\]()!+@.][^*?{}[\]()!+@]*\/)*$/;

/**
 * The same as the glob for the usual patterns, `packages/*` and `packages/app` (plain folders, one
 * trailing `*` at most, no negations), from one directory listing each: the glob library costs
 * ~10 ms of loading and set-up on every run. Undefined for any other pattern.
 */
function simpleDirs(root: string, include: string[], marker: string): string[] | undefined {
  const dirs = new Set<string>();
  for (const pattern of include) {
    const dir = pattern.slice(0, -marker.length); // `packages/*/` or `packages/app/`
    if (dir.endsWith('*/')) {
      const parent = dir.slice(0, -2);
      if (!PLAIN_DIR.test(parent)) return undefined;
      let names: string[];
      try {
        names = readdirSync(path.join(root, parent));
      } catch {
        continue; // no such folder: the glob finds nothing there either
      }
      for (const name of names) {
        if (name.startsWith('.') || name === 'node_modules') continue;
        if (existsSync(path.join(root, parent, name, marker))) dirs.add(`${parent}${name}`);
      }
    } else if (PLAIN_DIR.test(dir) && dir !== '') {
      if (existsSync(path.join(root, dir, marker))) dirs.add(dir.slice(0, -1));
    } else return undefined;
  }
  return [...dirs].sort();
}

/** `packages` of lerna.json (Lerna's default `packages/*` when it has none), if there is a lerna.json. */
function lernaPatterns(root: string): string[] | undefined {
  const file = path.join(root, 'lerna.json');
  if (!existsSync(file)) return undefined;
  try {
    const packages = (JSON.parse(readFileSync(file, 'utf8')) as { packages?: unknown }).packages;
    return isStringArray(packages) ? packages : ['packages/*'];
  } catch {
    return ['packages/*'];
  }
}

function lockfileKind(root: string): PackageDirs['kind'] {
  if (existsSync(path.join(root, 'pnpm-lock.yaml'))) return 'pnpm';
  if (existsSync(path.join(root, 'yarn.lock'))) return 'yarn';
  return 'npm';
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
