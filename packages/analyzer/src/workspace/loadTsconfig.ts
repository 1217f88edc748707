import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { type TsconfigInfo, toRootRelative, type WorkspaceProblem } from '@monorefactor/core';
import { readJsoncFile } from './readJson.js';

interface RawTsconfig {
  extends?: string | string[];
  compilerOptions?: Record<string, unknown>;
  references?: { path?: string }[];
}

/** Options gathered along an `extends` chain, with paths already made absolute. */
interface ChainOptions {
  baseUrl?: string;
  paths?: Record<string, string[]>;
  pathsBase?: string;
  rootDir?: string;
  outDir?: string;
  moduleResolution?: string;
  allowImportingTsExtensions?: boolean;
}

export interface TsconfigContext {
  root: string;
  /** Absolute directory of a workspace package by name, for `extends: "@acme/tsconfig/base.json"`. */
  packageDir(name: string): string | undefined;
  problems: WorkspaceProblem[];
}

/** Load a tsconfig and its `extends` chain (JSONC, arrays, package specifiers) as tsc would. */
export function loadTsconfig(absFile: string, ctx: TsconfigContext): TsconfigInfo | undefined {
  const read = readJsoncFile<RawTsconfig>(absFile);
  const rel = toRootRelative(ctx.root, absFile);
  if (!read.ok) {
    ctx.problems.push({
      file: rel,
      message: `cannot read tsconfig: ${read.error}`,
      hint: 'fix the file; imports through its `paths` are reported unresolved meanwhile',
    });
    return undefined;
  }
  const options = collectOptions(absFile, read.value, ctx, new Set());
  const dir = path.dirname(absFile);
  const references = (read.value.references ?? [])
    .map((ref) => (typeof ref?.path === 'string' ? toRootRelative(ctx.root, path.resolve(dir, ref.path)) : undefined))
    .filter((ref): ref is string => ref !== undefined);
  const info: TsconfigInfo = { file: rel, references };
  if (options.paths) {
    info.paths = options.paths;
    info.pathsBase = toRootRelative(ctx.root, options.baseUrl ?? options.pathsBase ?? dir);
  }
  if (options.baseUrl) info.baseUrl = toRootRelative(ctx.root, options.baseUrl);
  if (options.rootDir) info.rootDir = toRootRelative(ctx.root, options.rootDir);
  if (options.outDir) info.outDir = toRootRelative(ctx.root, options.outDir);
  if (options.moduleResolution) info.moduleResolution = options.moduleResolution.toLowerCase();
  if (options.allowImportingTsExtensions) info.allowImportingTsExtensions = true;
  return info;
}

function collectOptions(absFile: string, raw: RawTsconfig, ctx: TsconfigContext, seen: Set<string>): ChainOptions {
  seen.add(absFile);
  const dir = path.dirname(absFile);
  let merged: ChainOptions = {};
  const parents = raw.extends === undefined ? [] : Array.isArray(raw.extends) ? raw.extends : [raw.extends];
  for (const spec of parents) {
    if (typeof spec !== 'string') continue;
    const parentFile = resolveExtends(spec, dir, ctx);
    if (!parentFile) {
      ctx.problems.push({
        file: toRootRelative(ctx.root, absFile),
        message: `tsconfig extends "${spec}", which does not exist`,
        hint: 'point `extends` at an existing tsconfig (or install the package that ships it)',
      });
      continue;
    }
    if (seen.has(parentFile)) continue;
    const parent = readJsoncFile<RawTsconfig>(parentFile);
    if (!parent.ok) {
      ctx.problems.push({ file: toRootRelative(ctx.root, parentFile), message: `cannot read tsconfig: ${parent.error}` });
      continue;
    }
    merged = { ...merged, ...collectOptions(parentFile, parent.value, ctx, seen) };
  }
  const own = raw.compilerOptions ?? {};
  const str = (key: string): string | undefined => (typeof own[key] === 'string' ? (own[key] as string) : undefined);
  const baseUrl = str('baseUrl');
  if (baseUrl !== undefined) merged.baseUrl = path.resolve(dir, baseUrl);
  if (own.paths && typeof own.paths === 'object') {
    merged.paths = own.paths as Record<string, string[]>;
    merged.pathsBase = dir;
  }
  const rootDir = str('rootDir');
  if (rootDir !== undefined) merged.rootDir = path.resolve(dir, rootDir);
  const outDir = str('outDir');
  if (outDir !== undefined) merged.outDir = path.resolve(dir, outDir);
  const moduleResolution = str('moduleResolution');
  if (moduleResolution !== undefined) merged.moduleResolution = moduleResolution;
  if (typeof own.allowImportingTsExtensions === 'boolean') merged.allowImportingTsExtensions = own.allowImportingTsExtensions;
  return merged;
}

/** `extends` is a path (relative or absolute) or a package specifier, as in tsc. */
function resolveExtends(spec: string, fromDir: string, ctx: TsconfigContext): string | undefined {
  const candidates: string[] = [];
  if (spec.startsWith('.') || path.isAbsolute(spec)) {
    const base = path.resolve(fromDir, spec);
    candidates.push(base, `${base}.json`, path.join(base, 'tsconfig.json'));
  } else {
    const parts = spec.split('/');
    const nameLength = spec.startsWith('@') ? 2 : 1;
    const name = parts.slice(0, nameLength).join('/');
    const sub = parts.slice(nameLength).join('/');
    const dirs: string[] = [];
    const workspaceDir = ctx.packageDir(name);
    if (workspaceDir) dirs.push(workspaceDir);
    for (let d = fromDir; ; d = path.dirname(d)) {
      dirs.push(path.join(d, 'node_modules', name));
      if (d === path.dirname(d)) break;
    }
    for (const pkgDir of dirs) {
      if (sub) candidates.push(path.join(pkgDir, sub), path.join(pkgDir, `${sub}.json`));
      else candidates.push(path.join(pkgDir, 'tsconfig.json'));
    }
  }
  return candidates.find(isFile);
}

function isFile(file: string): boolean {
  try {
    return existsSync(file) && statSync(file).isFile();
  } catch {
    return false;
  }
}
