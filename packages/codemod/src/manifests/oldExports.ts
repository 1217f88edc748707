import { createResolver } from '@monorefactor/analyzer';
import type { ExportsField } from '@monorefactor/core';
import type { Session } from '../compute/session.js';
import { manifestPath } from '../footprint/moveFootprint.js';
import { removeProperty, setProperty } from '../json/jsonEdit.js';
import { findNode, parseJsonTree } from '../json/jsonTree.js';
import { mirrorExportsValue, subpathMap } from '../specifiers/exportsReverse.js';
import { editJson } from './jsonFiles.js';

/** Exact `exports` keys of the old package that lead to moved files, with those files. */
function exactKeysToMoved(session: Session): { key: string; file: string; value: ExportsField }[] {
  const { ctx } = session;
  const map = subpathMap(ctx.from.manifest.exports);
  if (!map) return [];
  const resolve = createResolver(ctx.workspace, new Set(ctx.graph.modules.keys()));
  const out: { key: string; file: string; value: ExportsField }[] = [];
  for (const [key, value] of Object.entries(map)) {
    if (!key.startsWith('./') || key.includes('*') || key.endsWith('/')) continue;
    const found = resolve(manifestPath(ctx.from), ctx.from.name + key.slice(1), 'import');
    if (found.type === 'file' && ctx.moves.has(found.path)) out.push({ key, file: found.path, value });
  }
  return out;
}

/**
 * A move inside one package keeps its explicit `exports` keys working: `"./mcp/client"` now maps
 * to the file's new place (consumers outside the repo keep their specifier).
 */
export function retargetOldExports(session: Session): void {
  const { ctx, world } = session;
  if (ctx.cross) return;
  for (const { key, file, value } of exactKeysToMoved(session)) {
    const moved = ctx.moves.get(file) as string;
    const next = mirrorExportsValue(ctx.from, value, file, moved);
    if (next === undefined) continue;
    const done = editJson(session, manifestPath(ctx.from), `retargeting exports "${key}"`, (text) => {
      const node = findNode(parseJsonTree(text), ['exports', key]);
      if (!node) return text;
      let out = text;
      const strings: { start: number; end: number }[] = [];
      const collect = (n: typeof node) => {
        if (n.type === 'string') strings.push(n);
        else if (n.type === 'object') for (const p of n.properties) collect(p.value);
        else if (n.type === 'array') for (const i of n.items) collect(i);
      };
      collect(node);
      const values = flatten(next);
      if (values.length !== strings.length) return setProperty(text, ['exports', key], JSON.stringify(next));
      for (let i = strings.length - 1; i >= 0; i--) {
        const s = strings[i] as { start: number; end: number };
        out = out.slice(0, s.start) + JSON.stringify(values[i]) + out.slice(s.end);
      }
      return out;
    });
    if (done) {
      const map = subpathMap(world.manifest(ctx.from.name).exports) ?? {};
      world.manifest(ctx.from.name).exports = { ...map, [key]: next };
      world.invalidate();
    }
  }
}

/** A move out of the package drops the old package's explicit `exports` keys for moved files (kept with `--shim`). */
export function cleanOldExports(session: Session): void {
  const { ctx } = session;
  if (!ctx.cross || session.shim) return;
  for (const { key } of exactKeysToMoved(session)) {
    editJson(session, manifestPath(ctx.from), `removing exports "${key}"`, (text) => removeProperty(text, ['exports', key]));
  }
}

function flatten(value: ExportsField): (string | null)[] {
  if (value === null || typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(flatten);
  return Object.values(value).flatMap(flatten);
}
