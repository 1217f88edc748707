import { joinRel, type TsconfigInfo } from '@monorefactor/core';
import type { MoveContext } from './moveContext.js';
import { type PathsOrigin, pathsOrigin } from './pathsOrigin.js';

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.d.ts', '.js', '.jsx', '.mjs', '.cjs'];

/** Every distinct tsconfig the workspace knows (root and packages). */
export function knownTsconfigs(ctx: MoveContext): TsconfigInfo[] {
  const byFile = new Map<string, TsconfigInfo>();
  if (ctx.workspace.tsconfig) byFile.set(ctx.workspace.tsconfig.file, ctx.workspace.tsconfig);
  for (const pkg of ctx.workspace.packages.values()) if (pkg.tsconfig && !byFile.has(pkg.tsconfig.file)) byFile.set(pkg.tsconfig.file, pkg.tsconfig);
  return [...byFile.values()];
}

/** A tsconfig with a `paths` target that names a moved file or directory, and the file that declares those `paths`. */
export interface MovedPaths {
  info: TsconfigInfo;
  origin: PathsOrigin;
}

/** tsconfigs with a `paths` target that names a moved file or a moved directory (own or inherited `paths`). */
export function tsconfigsWithMovedPaths(ctx: MoveContext): MovedPaths[] {
  const out: MovedPaths[] = [];
  for (const info of knownTsconfigs(ctx)) {
    if (!info.paths || info.pathsBase === undefined) continue;
    const base = info.pathsBase;
    const hit = Object.values(info.paths).some((targets) => targets.some((t) => movedPathTarget(ctx, joinRel(base, t)) !== undefined));
    if (hit) out.push({ info, origin: pathsOrigin(info) });
  }
  return out;
}

/**
 * Where a path written in config (a file with or without extension, a directory, or a `dir/*`
 * pattern) points after the move, when the move takes what it names; undefined otherwise.
 */
export function movedPathTarget(ctx: MoveContext, written: string): string | undefined {
  const star = written.indexOf('*');
  if (star !== -1) {
    const prefix = written.slice(0, star);
    if (!prefix.endsWith('/')) return undefined;
    const dir = movedDirectory(ctx, prefix.slice(0, -1));
    return dir === undefined ? undefined : `${dir}/${written.slice(star)}`;
  }
  const direct = ctx.moves.get(written);
  if (direct) return direct;
  for (const ext of EXTENSIONS) {
    const moved = ctx.moves.get(written + ext);
    if (moved?.endsWith(ext)) return moved.slice(0, -ext.length);
  }
  return movedDirectory(ctx, written);
}

/** The new path of a directory when every graph module under it moves, keeping its layout. */
export function movedDirectory(ctx: MoveContext, dir: string): string | undefined {
  let mapped: string | undefined;
  let inside = 0;
  for (const [from, to] of ctx.moves) {
    if (!from.startsWith(`${dir}/`)) continue;
    const tail = from.slice(dir.length);
    if (!to.endsWith(tail)) return undefined;
    const newDir = to.slice(0, to.length - tail.length);
    if (mapped !== undefined && mapped !== newDir) return undefined;
    mapped = newDir;
    inside++;
  }
  if (mapped === undefined || inside === 0) return undefined;
  for (const file of ctx.graph.modules.keys()) if (file.startsWith(`${dir}/`) && !ctx.moves.has(file)) return undefined;
  return mapped;
}
