import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { ImportGraph } from '@monorefactor/core';

const TEST_SUFFIX = /\.(?:test|spec|stories|story|bench)$/;

/**
 * Tests, stories and mocks that live next to a module and go where it goes: `x.test.ts`,
 * `x.spec.tsx`, `x.stories.tsx`, `__tests__/x(.test).ts`, `__mocks__/x.ts`, and the snapshot files
 * of those tests (`__snapshots__/x.test.ts.snap`). Root-relative paths, without `file` itself.
 */
export function colocatedFiles(graph: ImportGraph, file: string, byDir: Map<string, string[]>): string[] {
  const dir = path.posix.dirname(file);
  const stem = stemOf(path.posix.basename(file));
  if (TEST_SUFFIX.test(stem)) return [];
  const out: string[] = [];
  for (const candidate of byDir.get(dir) ?? []) {
    if (candidate === file) continue;
    const name = stemOf(path.posix.basename(candidate));
    if (TEST_SUFFIX.test(name) && name.replace(TEST_SUFFIX, '') === stem) out.push(candidate);
  }
  for (const sub of ['__tests__', '__mocks__']) {
    for (const candidate of byDir.get(`${dir}/${sub}`) ?? []) {
      if (stemOf(path.posix.basename(candidate)).replace(TEST_SUFFIX, '') === stem) out.push(candidate);
    }
  }
  const snapshots: string[] = [];
  for (const test of out) {
    if (!graph.modules.get(test)?.isTest) continue;
    const snapshot = `${path.posix.dirname(test)}/__snapshots__/${path.posix.basename(test)}.snap`;
    if (existsSync(path.join(graph.workspace.root, snapshot))) snapshots.push(snapshot);
  }
  return [...out, ...snapshots];
}

/** `a/b.test.ts` -> `b.test`, `x.d.ts` -> `x`. */
function stemOf(base: string): string {
  return base.replace(/\.d\.[cm]?ts$/, '').replace(/\.[cm]?[jt]sx?$/, '');
}

/** Graph modules by directory. */
export function modulesByDir(graph: ImportGraph): Map<string, string[]> {
  const byDir = new Map<string, string[]>();
  for (const file of graph.modules.keys()) {
    const dir = path.posix.dirname(file);
    const list = byDir.get(dir);
    if (list) list.push(file);
    else byDir.set(dir, [file]);
  }
  return byDir;
}

/** Every file under `dir` on disk (root-relative), skipping dependencies and VCS folders. */
export function filesUnder(root: string, dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(path.join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== '.git') walk(child);
      } else if (entry.isFile() || entry.isSymbolicLink()) out.push(child);
    }
  };
  walk(dir);
  return out.sort();
}
