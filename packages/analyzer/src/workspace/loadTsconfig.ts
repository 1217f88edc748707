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
  /** The file of the chain whose `paths` these are. */
  pathsFile?: string;
  rootDir?: string;
  rootDirs?: string[];
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
  const dir = path.dirname(absFile);
  const options = collectOptions(absFile, read.value, ctx, new Set(), dir);
  const references = (read.value.references ?? [])
    .map((ref) => (typeof ref?.path === 'string' ? toRootRelative(ctx.root, path.resolve(dir, ref.path)) : undefined))
    .filter((ref): ref is string => ref !== undefined);
  const info: TsconfigInfo = { file: rel, references };
  if (options.paths) {
    const pathsBase = options.baseUrl ?? options.pathsBase ?? dir;
    info.paths = withConfigDir(options.paths, path.relative(pathsBase, dir).split(path.sep).join('/') || '.');
    info.pathsBase = toRootRelative(ctx.root, pathsBase);
    if (options.pathsFile) info.pathsFile = toRootRelative(ctx.root, options.pathsFile);
  }
  if (options.baseUrl) info.baseUrl = toRootRelative(ctx.root, options.baseUrl);
  if (options.rootDir) info.rootDir = toRootRelative(ctx.root, options.rootDir);
  if (options.rootDirs) info.rootDirs = options.rootDirs.map((dir) => toRootRelative(ctx.root, dir));
  if (options.outDir) info.outDir = toRootRelative(ctx.root, options.outDir);
  if (options.moduleResolution) info.moduleResolution = options.moduleResolution.toLowerCase();
  if (options.allowImportingTsExtensions) info.allowImportingTsExtensions = true;
  return info;
}

/**
 * `configDir` is the folder of the tsconfig being loaded (the leaf of the chain): TypeScript 5.5
 * `${configDir}` in an inherited option stands for it.
 */
function collectOptions(absFile: string, raw: RawTsconfig, ctx: TsconfigContext, seen: Set<string>, configDir: string): ChainOptions {
  seen.add(absFile);
  const dir = path.dirname(absFile);
  const resolveOption = (value: string) => (value.startsWith(CONFIG_DIR) ? path.join(configDir, value.slice(CONFIG_DIR.length)) : path.resolve(dir, value));
  let merged: ChainOptions = {};
  const parents = raw.extends === undefined ? [] : Array.isArray(raw.extends) ? raw.extends : [raw.extends];
  for (const spec of parents) {
    if (typeof spec !== 'string') continue;
    const parentFile = resolveExtends(spec, dir, ctx);
    if (!parentFile) {
      // Without node_modules a base shipped by an npm package (`@tsconfig/strictest`) cannot be read: nothing to fix.
      if (!isRelativeOrAbsolute(spec) && !existsSync(path.join(ctx.root, 'node_modules'))) continue;
      // `./.svelte-kit/tsconfig.json`, `./.nuxt/tsconfig.json`: written by the framework's dev or build step.
      const generated = /(?:^|\/)\.[\w-]+\//.test(spec) && isRelativeOrAbsolute(spec);
      ctx.problems.push({
        file: toRootRelative(ctx.root, absFile),
        message: `tsconfig extends "${spec}", which does not exist${generated ? ' (a file a framework generates)' : ''}`,
        hint: generated
          ? "run the framework's sync, dev or build step once (e.g. `svelte-kit sync`, `nuxi prepare`), then analyze again"
          : 'point `extends` at an existing tsconfig (or install the package that ships it)',
      });
      continue;
    }
    if (seen.has(parentFile)) continue;
    const parent = readJsoncFile<RawTsconfig>(parentFile);
    if (!parent.ok) {
      ctx.problems.push({ file: toRootRelative(ctx.root, parentFile), message: `cannot read tsconfig: ${parent.error}` });
      continue;
    }
    merged = { ...merged, ...collectOptions(parentFile, parent.value, ctx, seen, configDir) };
  }
  const own = raw.compilerOptions ?? {};
  const str = (key: string): string | undefined => (typeof own[key] === 'string' ? (own[key] as string) : undefined);
  const baseUrl = str('baseUrl');
  if (baseUrl !== undefined) merged.baseUrl = resolveOption(baseUrl);
  if (own.paths && typeof own.paths === 'object') {
    merged.paths = own.paths as Record<string, string[]>;
    merged.pathsBase = dir;
    merged.pathsFile = absFile;
  }
  const rootDir = str('rootDir');
  if (rootDir !== undefined) merged.rootDir = resolveOption(rootDir);
  if (Array.isArray(own.rootDirs)) merged.rootDirs = own.rootDirs.filter((dir): dir is string => typeof dir === 'string').map(resolveOption);
  const outDir = str('outDir');
  if (outDir !== undefined) merged.outDir = resolveOption(outDir);
  const moduleResolution = str('moduleResolution');
  if (moduleResolution !== undefined) merged.moduleResolution = moduleResolution;
  if (typeof own.allowImportingTsExtensions === 'boolean') merged.allowImportingTsExtensions = own.allowImportingTsExtensions;
  return merged;
}

/** `extends` is a path (relative or absolute) or a package specifier, as in tsc. */
function resolveExtends(spec: string, fromDir: string, ctx: TsconfigContext): string | undefined {
  const candidates: string[] = [];
  if (isRelativeOrAbsolute(spec)) {
    const base = path.resolve(fromDir, spec);
    candidates.push(base, `${base}.json`, path.join(base, 'tsconfig.json'));
    // `./node_modules/@acme/tsconfig/base.json` before an install: the workspace package it links to.
    const inModules = spec.lastIndexOf('node_modules/');
    if (inModules !== -1) {
      const found = resolveExtends(spec.slice(inModules + 'node_modules/'.length), fromDir, ctx);
      if (found && !candidates.some(isFile)) return found;
    }
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

// biome-ignore lint/suspicious/noTemplateCurlyInString: TypeScript's literal placeholder, not a template.
const CONFIG_DIR = '${configDir}';

/** `paths` targets may start with `${configDir}`: make them relative to the paths base instead. */
function withConfigDir(paths: Record<string, string[]>, fromBase: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, targets] of Object.entries(paths)) {
    out[key] = Array.isArray(targets)
      ? targets.map((t) => (typeof t === 'string' && t.startsWith(CONFIG_DIR) ? fromBase + t.slice(CONFIG_DIR.length) : t))
      : [];
  }
  return out;
}

function isRelativeOrAbsolute(spec: string): boolean {
  return spec.startsWith('.') || path.isAbsolute(spec);
}

function isFile(file: string): boolean {
  try {
    return existsSync(file) && statSync(file).isFile();
  } catch {
    return false;
  }
}
