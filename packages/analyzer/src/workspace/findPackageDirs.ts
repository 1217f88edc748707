import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type PackageManifest, WorkspaceError } from '@monorefactor/core';
import { globSync } from 'tinyglobby';
import { parse as parseYaml } from 'yaml';

export interface PackageDirs {
  kind: 'npm' | 'yarn' | 'pnpm' | 'single';
  /** Root-relative package directories, sorted. */
  dirs: string[];
}

/**
 * The workspace's package directories from npm/yarn `workspaces` (array or `{ packages }`) or
 * `pnpm-workspace.yaml`, with nested globs and `!` negations; a repo with neither is one package.
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
  if (patterns === undefined) return { kind: 'single', dirs: ['.'] };

  const include: string[] = [];
  const ignore = ['**/node_modules/**'];
  for (const raw of patterns) {
    const pattern = raw.trim().replace(/^\.\//, '').replace(/\/+$/, '');
    if (pattern.startsWith('!')) {
      const negated = pattern.slice(1).replace(/^\.\//, '');
      ignore.push(negated, `${negated}/package.json`);
    } else if (pattern) {
      include.push(pattern === '.' ? 'package.json' : `${pattern}/package.json`);
    }
  }
  const found = include.length === 0 ? [] : globSync(include, { cwd: root, ignore, onlyFiles: true, expandDirectories: false, dot: false });
  const dirs = [...new Set(found.map((file) => path.posix.dirname(file)))].filter((dir) => dir !== '.').sort();
  return { kind, dirs };
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
