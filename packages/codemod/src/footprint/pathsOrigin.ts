import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { joinRel, type Workspace } from '@monorefactor/core';
import { findNode, parseJsonTree } from '../json/jsonTree.js';

/** Where a tsconfig's `paths` are written: the file itself, or one it `extends`. */
export type PathsOrigin =
  | { type: 'file'; file: string }
  /** Declared in a file the codemod must not edit (outside the workspace, in node_modules), or not found. */
  | { type: 'outside'; file?: string };

/**
 * The tsconfig whose `compilerOptions.paths` `file` (root-relative) ends up with, following
 * `extends` as tsc does: the file's own `paths` win, else the last parent that has them (a later
 * entry of an `extends` array overrides an earlier one). Reads the few tsconfigs of the chain.
 */
export function pathsOrigin(workspace: Workspace, file: string, cache = new Map<string, PathsOrigin>()): PathsOrigin {
  const cached = cache.get(file);
  if (cached) return cached;
  const found = search(workspace, file, new Set()) ?? { type: 'outside' };
  cache.set(file, found);
  return found;
}

function search(workspace: Workspace, file: string, seen: Set<string>): PathsOrigin | undefined {
  if (seen.has(file)) return undefined;
  seen.add(file);
  const inside = !file.startsWith('../') && !file.split('/').includes('node_modules');
  let tree: ReturnType<typeof parseJsonTree>;
  try {
    tree = parseJsonTree(readFileSync(path.join(workspace.root, file), 'utf8'));
  } catch {
    return undefined;
  }
  if (findNode(tree, ['compilerOptions', 'paths'])) return inside ? { type: 'file', file } : { type: 'outside', file };
  const extendsNode = findNode(tree, ['extends']);
  const parents = extendsNode?.type === 'string' ? [extendsNode] : extendsNode?.type === 'array' ? extendsNode.items : [];
  for (const parent of [...parents].reverse()) {
    if (parent.type !== 'string') continue;
    const candidates = extendsCandidates(workspace, path.posix.dirname(file), parent.value as string);
    const existing = candidates.find((candidate) => isFile(path.join(workspace.root, candidate)));
    const found = existing === undefined ? undefined : search(workspace, existing, seen);
    if (found) return found;
  }
  return undefined;
}

function isFile(abs: string): boolean {
  try {
    return statSync(abs).isFile();
  } catch {
    return false;
  }
}

/** Root-relative files an `extends` entry may name: a path (with or without `.json`) or a workspace package's file. */
function extendsCandidates(workspace: Workspace, fromDir: string, spec: string): string[] {
  if (spec.startsWith('.')) {
    const base = joinRel(fromDir, spec);
    return [base, `${base}.json`, `${base}/tsconfig.json`];
  }
  const parts = spec.split('/');
  const nameLength = spec.startsWith('@') ? 2 : 1;
  const pkg = workspace.packages.get(parts.slice(0, nameLength).join('/'));
  // npm packages' tsconfigs live in node_modules: never edited, so not followed
  if (!pkg) return [];
  const sub = parts.slice(nameLength).join('/');
  return sub ? [joinRel(pkg.dir, sub), joinRel(pkg.dir, `${sub}.json`)] : [joinRel(pkg.dir, 'tsconfig.json')];
}
