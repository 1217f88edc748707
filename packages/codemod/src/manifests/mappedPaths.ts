import { createResolver } from '@monorefactor/analyzer';
import { type ExportsField, isInside, joinRel, type WorkspacePackage } from '@monorefactor/core';
import { type Session, warn } from '../compute/session.js';
import { manifestPath } from '../footprint/moveFootprint.js';
import { movedDirectory } from '../footprint/tsconfigPaths.js';
import { removeProperty, setProperty } from '../json/jsonEdit.js';
import { findNode, type JsonNode, parseJsonTree } from '../json/jsonTree.js';
import { mirrorExportsValue, subpathMap, targetStrings } from '../specifiers/exportsReverse.js';
import { editJson } from './jsonFiles.js';

type Field = 'imports' | 'exports';

/** A manifest entry that leads to moved files: its value after a move inside the package, if it can follow. */
interface MappedEntry {
  field: Field;
  key: string;
  /** The value naming the new places; undefined when the layout could not be mirrored. */
  next: ExportsField | undefined;
}

/**
 * Entries of the old package's manifest the plain `exports` handling does not cover: every
 * `imports` entry (`#config`, `#utils/*`), and `exports` patterns and folder mappings
 * (`./features/*`, `./features/`) whose directory moves as a whole.
 */
function mappedEntries(session: Session): MappedEntry[] {
  const { ctx } = session;
  const pkg = ctx.from;
  const out: MappedEntry[] = [];
  const imports = pkg.manifest.imports;
  const resolve = imports ? createResolver(ctx.workspace, new Set(ctx.graph.modules.keys())) : undefined;
  for (const [key, value] of Object.entries(imports ?? {})) {
    if (!key.startsWith('#')) continue;
    if (key.includes('*') || key.endsWith('/')) {
      const entry = folderEntry(session, pkg, 'imports', key, value);
      if (entry) out.push(entry);
      continue;
    }
    const found = resolve?.(manifestPath(pkg), key, 'import');
    if (found?.type !== 'file' || !ctx.moves.has(found.path)) continue;
    const moved = ctx.moves.get(found.path) as string;
    out.push({ field: 'imports', key, next: mirrorExportsValue(pkg, value, found.path, moved) });
  }
  for (const [key, value] of Object.entries(subpathMap(pkg.manifest.exports) ?? {})) {
    if (!key.startsWith('.') || !(key.includes('*') || key.endsWith('/'))) continue;
    const entry = folderEntry(session, pkg, 'exports', key, value);
    if (entry) out.push(entry);
  }
  return out;
}

/** A pattern or folder entry whose targets name a directory that moves whole, mirrored to its new place. */
function folderEntry(session: Session, pkg: WorkspacePackage, field: Field, key: string, value: ExportsField): MappedEntry | undefined {
  const { ctx } = session;
  for (const target of targetStrings(value)) {
    if (!target.startsWith('./')) continue;
    const star = target.indexOf('*');
    const prefix = star === -1 ? target : target.slice(0, star);
    if (!prefix.endsWith('/')) continue;
    const dir = joinRel(pkg.dir, prefix);
    const newDir = movedDirectory(ctx, dir);
    if (newDir === undefined) continue;
    if (!ctx.cross && !isInside(newDir, pkg.dir)) return undefined;
    const base = isInside(dir, pkg.sourceRoot) && isInside(newDir, pkg.sourceRoot) ? pkg.sourceRoot : pkg.dir;
    const oldRel = dir.slice(base === '.' ? 0 : base.length + 1);
    const newRel = newDir.slice(base === '.' ? 0 : base.length + 1);
    return { field, key, next: ctx.cross ? undefined : mirrorDirectory(value, oldRel, newRel) };
  }
  return undefined;
}

/**
 * `./src/features/*.ts`, `./dist/features/*.js`, `./src/features/` with `features` -> `flags/features`,
 * in every condition; undefined when some target does not name the directory that way.
 */
function mirrorDirectory(value: ExportsField, oldRel: string, newRel: string): ExportsField | undefined {
  const pattern = new RegExp(`^(\\./(?:[^/*]+/){0,2}?)${oldRel.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(/.*)?$`);
  let ok = true;
  const visit = (v: ExportsField): ExportsField => {
    if (v === null) return null;
    if (typeof v === 'string') {
      const match = pattern.exec(v);
      if (!match) {
        ok = false;
        return v;
      }
      return `${match[1]}${newRel}${match[2] ?? ''}`;
    }
    if (Array.isArray(v)) return v.map(visit);
    return Object.fromEntries(Object.entries(v).map(([k, nested]) => [k, visit(nested)]));
  };
  const out = visit(value);
  return ok ? out : undefined;
}

/**
 * A move inside one package: `imports` entries and `exports` patterns/folder mappings that named
 * moved files name their new places, so `#config` and `@pkg/features/x` keep working (the
 * post-move resolver sees the new values, so importers keep those specifiers).
 */
export function retargetMappedPaths(session: Session): void {
  const { ctx, world } = session;
  if (ctx.cross) return;
  const file = manifestPath(ctx.from);
  for (const entry of mappedEntries(session)) {
    const next = entry.next;
    if (next === undefined) {
      warn(session, `${file}: ${entry.field} "${entry.key}" names moved files in a layout the codemod cannot mirror; update it by hand`);
      continue;
    }
    const done = editJson(session, file, `retargeting ${entry.field} "${entry.key}"`, (text) => replaceStrings(text, [entry.field, entry.key], next));
    if (!done) continue;
    const manifest = world.manifest(ctx.from.name);
    if (entry.field === 'imports') manifest.imports = { ...manifest.imports, [entry.key]: next };
    else manifest.exports = { ...subpathMap(manifest.exports), [entry.key]: next };
    world.invalidate();
  }
}

/**
 * A move out of the package: `imports` entries that led to moved files, and `exports`/`imports`
 * patterns whose whole directory left, serve nothing any more and are removed (kept with `--shim`,
 * whose re-exports stay at the old paths).
 */
export function cleanMappedPaths(session: Session): void {
  const { ctx } = session;
  if (!ctx.cross || session.shim) return;
  for (const entry of mappedEntries(session)) {
    editJson(session, manifestPath(ctx.from), `removing ${entry.field} "${entry.key}"`, (text) => removeProperty(text, [entry.field, entry.key]));
  }
}

/** Each path string of the entry's value replaced by the mirrored one, keeping its layout. */
function replaceStrings(text: string, at: string[], next: ExportsField): string {
  const node = findNode(parseJsonTree(text), at);
  if (!node) return text;
  const strings: JsonNode[] = [];
  const collect = (n: JsonNode) => {
    if (n.type === 'string') strings.push(n);
    else if (n.type === 'object') for (const p of n.properties) collect(p.value);
    else if (n.type === 'array') for (const item of n.items) collect(item);
  };
  collect(node);
  const values = targetStrings(next);
  if (values.length !== strings.length) return setProperty(text, at, JSON.stringify(next));
  let out = text;
  for (let i = strings.length - 1; i >= 0; i--) {
    const s = strings[i] as JsonNode;
    out = out.slice(0, s.start) + JSON.stringify(values[i]) + out.slice(s.end);
  }
  return out;
}
