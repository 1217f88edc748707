import path from 'node:path';
import { joinRel } from '@monorefactor/core';
import type { Session } from '../compute/session.js';
import { warn } from '../compute/session.js';
import { ownTsconfig } from '../footprint/moveFootprint.js';
import { movedPathTarget, tsconfigsWithMovedPaths } from '../footprint/tsconfigPaths.js';
import { insertArrayItem, removeArrayItem, setProperty } from '../json/jsonEdit.js';
import { findNode, type JsonNode, parseJsonTree } from '../json/jsonTree.js';
import type { DependencyChanges } from './dependencies.js';
import { editJson } from './jsonFiles.js';

/**
 * Project references follow the dependency changes: a package that gained a workspace dependency
 * references its tsconfig (copying the layout of the existing entries), one that lost it stops.
 * Only in workspaces that use references, and only for the package's own tsconfig.
 */
export function updateReferences(session: Session, changes: DependencyChanges): void {
  const { workspace } = session.ctx;
  const packages = new Set([...changes.added.keys(), ...changes.removed.keys()]);
  for (const name of packages) {
    const pkg = workspace.packages.get(name);
    if (!pkg) continue;
    const file = ownTsconfig(pkg);
    if (!session.footprint.has(file) || pkg.tsconfig?.file !== file) continue;
    for (const dep of changes.added.get(name) ?? []) {
      const target = workspace.packages.get(dep);
      if (!target || target.tsconfig?.file !== ownTsconfig(target)) continue;
      editJson(session, file, `a project reference to ${target.dir}`, (text) => addReference(text, pkg.dir, target.dir));
    }
    for (const dep of changes.removed.get(name) ?? []) {
      const target = workspace.packages.get(dep);
      if (!target) continue;
      editJson(session, file, `removing the project reference to ${target.dir}`, (text) => dropReference(text, pkg.dir, target.dir));
    }
  }
}

function referenceTarget(fromDir: string, written: string): string {
  const full = joinRel(fromDir, written);
  return full.endsWith('.json') ? path.posix.dirname(full) : full;
}

function referenceItems(text: string): { node: JsonNode | undefined; paths: (string | undefined)[] } {
  const node = findNode(parseJsonTree(text), ['references']);
  if (node?.type !== 'array') return { node: undefined, paths: [] };
  return {
    node,
    paths: node.items.map((item) => {
      const value = item.type === 'object' ? item.properties.find((p) => p.key === 'path')?.value : undefined;
      return value?.type === 'string' ? (value.value as string) : undefined;
    }),
  };
}

function addReference(text: string, fromDir: string, toDir: string): string {
  const { node, paths } = referenceItems(text);
  if (paths.some((p) => p !== undefined && referenceTarget(fromDir, p) === toDir)) return text;
  let written = path.posix.relative(fromDir, toDir);
  const sample = paths.find((p) => p !== undefined);
  if (sample?.endsWith('/tsconfig.json')) written += '/tsconfig.json';
  if (sample?.startsWith('./') && !written.startsWith('.')) written = `./${written}`;
  if (node?.type !== 'array') return setProperty(text, ['references'], `[{ "path": ${JSON.stringify(written)} }]`);
  const last = node.items[node.items.length - 1];
  let item = `{ "path": ${JSON.stringify(written)} }`;
  if (last?.type === 'object') {
    const pathNode = last.properties.find((p) => p.key === 'path')?.value;
    if (pathNode && last.properties.length === 1) item = text.slice(last.start, pathNode.start) + JSON.stringify(written) + text.slice(pathNode.end, last.end);
  }
  const index = paths.findIndex((p) => p !== undefined && p.localeCompare(written) > 0);
  const sorted = paths.every((p, i) => i === 0 || (paths[i - 1] ?? '').localeCompare(p ?? '') <= 0);
  return insertArrayItem(text, ['references'], item, sorted && index !== -1 ? index : undefined);
}

function dropReference(text: string, fromDir: string, toDir: string): string {
  const { paths } = referenceItems(text);
  const index = paths.findIndex((p) => p !== undefined && referenceTarget(fromDir, p) === toDir);
  return index === -1 ? text : removeArrayItem(text, ['references'], index);
}

/**
 * tsconfig `paths` entries that named a moved file or directory now name its new place, in the
 * tsconfig that declares them (a package's own, or a base it `extends`: edited once for all).
 */
export function updatePaths(session: Session): void {
  const { ctx } = session;
  const done = new Set<string>();
  for (const { info, origin } of tsconfigsWithMovedPaths(ctx)) {
    const base = info.pathsBase as string;
    if (origin.type === 'outside') {
      const where = origin.file ? `${origin.file}, outside the workspace` : 'a tsconfig it extends outside the workspace';
      warn(session, `${info.file}: \`paths\` naming moved files come from ${where}; update them by hand`);
      continue;
    }
    if (done.has(origin.file)) continue;
    done.add(origin.file);
    editJson(session, origin.file, 'updating `paths` for moved files', (text) => {
      const pathsNode = findNode(parseJsonTree(text), ['compilerOptions', 'paths']);
      if (pathsNode?.type !== 'object') {
        warn(session, `${origin.file}: cannot find its \`paths\`; update the ones naming moved files by hand`);
        return text;
      }
      const replacements: { start: number; end: number; value: string }[] = [];
      for (const property of pathsNode.properties) {
        if (property.value.type !== 'array') continue;
        for (const item of property.value.items) {
          if (item.type !== 'string') continue;
          const written = item.value as string;
          const target = movedPathTarget(ctx, joinRel(base, written));
          if (target === undefined) continue;
          let next = path.posix.relative(base === '.' ? '' : base, target);
          if (written.startsWith('./') && !next.startsWith('.')) next = `./${next}`;
          replacements.push({ start: item.start, end: item.end, value: JSON.stringify(next) });
        }
      }
      let out = text;
      for (const r of replacements.sort((a, b) => b.start - a.start)) out = out.slice(0, r.start) + r.value + out.slice(r.end);
      return out;
    });
  }
}
