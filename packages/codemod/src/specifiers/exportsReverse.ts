import path from 'node:path';
import { type ExportsField, isInside, type WorkspacePackage } from '@monorefactor/core';
import { subpathRoot } from './subpathRoot.js';

const BUILD_DIRS = ['dist', 'build', 'lib', 'out', 'esm', 'cjs', 'dist/esm', 'dist/cjs', 'dist/types', 'types'];
const OUTPUT_EXTENSIONS: Record<string, string[]> = {
  '.ts': ['.js', '.d.ts', '.ts', ''],
  '.tsx': ['.js', '.jsx', '.d.ts', '.tsx', ''],
  '.mts': ['.mjs', '.d.mts', '.mts'],
  '.cts': ['.cjs', '.d.cts', '.cts'],
  '.js': ['.js', '.d.ts', ''],
  '.jsx': ['.jsx', '.js', ''],
  '.mjs': ['.mjs', '.d.mts'],
  '.cjs': ['.cjs', '.d.cts'],
};

/** `exports` as a subpath map (`"./x": ...`), the sugar forms (`"exports": "./i.js"`, conditions only) as `"."`. */
export function subpathMap(exports: ExportsField | undefined): Record<string, ExportsField> | undefined {
  if (exports === undefined || exports === null) return undefined;
  if (typeof exports === 'string' || Array.isArray(exports)) return { '.': exports };
  const keys = Object.keys(exports);
  if (keys.length === 0) return {};
  return keys.some((k) => k.startsWith('.')) ? exports : { '.': exports };
}

/** Every path string inside an exports value (all conditions). */
export function targetStrings(value: ExportsField): string[] {
  if (value === null) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(targetStrings);
  return Object.values(value).flatMap(targetStrings);
}

/** The paths (`./src/x.ts`, `./dist/x.js`, `./dist/x.d.ts`, ...) a manifest may use for a source file. */
export function manifestForms(pkg: WorkspacePackage, file: string): string[] {
  const rel = pkg.dir === '.' ? file : file.slice(pkg.dir.length + 1);
  const ext = (/\.d\.[cm]?ts$/.exec(file)?.[0] ?? path.posix.extname(file)) || '';
  const outputs = OUTPUT_EXTENSIONS[ext] ?? [ext];
  const stem = rel.slice(0, rel.length - ext.length);
  const forms = new Set<string>([`./${rel}`, ...outputs.map((o) => `./${stem}${o}`)]);
  // tsc's outDir mirrors rootDir; a bundler's output mirrors the entry's folder (see subpathRoot)
  for (const sourceRoot of new Set([pkg.tsconfig?.rootDir ?? pkg.sourceRoot, subpathRoot(pkg)])) {
    if (sourceRoot === pkg.dir || !isInside(file, sourceRoot)) continue;
    const inner = file.slice(sourceRoot.length + 1);
    const innerStem = inner.slice(0, inner.length - ext.length);
    const outDir = pkg.tsconfig?.outDir;
    const dirs = new Set(BUILD_DIRS);
    if (outDir && isInside(outDir, pkg.dir) && outDir !== pkg.dir) dirs.add(pkg.dir === '.' ? outDir : outDir.slice(pkg.dir.length + 1));
    for (const dir of dirs) for (const o of outputs) forms.add(`./${dir}/${innerStem}${o}`);
  }
  return [...forms];
}

/**
 * Subpaths of `exports` that may lead to `file`, best first: `.`, exact keys, then patterns by
 * specificity, each with `*` solved from the file's manifest forms. The caller checks each one with
 * the resolver; this only proposes.
 */
export function exportCandidates(pkg: WorkspacePackage, exports: ExportsField | undefined, file: string): string[] {
  const map = subpathMap(exports);
  if (!map) return [];
  const forms = manifestForms(pkg, file);
  const exact: string[] = [];
  const patterns: { key: string; subpath: string }[] = [];
  for (const [key, value] of Object.entries(map)) {
    if (!key.startsWith('.')) continue;
    const star = key.indexOf('*');
    if (star === -1) {
      if (!key.endsWith('/') && key !== './package.json') exact.push(key);
      continue;
    }
    for (const target of targetStrings(value)) {
      const at = target.indexOf('*');
      if (at === -1) continue;
      const prefix = target.slice(0, at);
      const suffix = target.slice(at + 1).replaceAll('*', '');
      for (const form of forms) {
        if (form.length < prefix.length + suffix.length || !form.startsWith(prefix) || !form.endsWith(suffix)) continue;
        const solved = form.slice(prefix.length, form.length - suffix.length);
        if (solved.length === 0) continue;
        patterns.push({ key, subpath: key.slice(0, star) + solved + key.slice(star + 1) });
      }
    }
  }
  exact.sort((a, b) => (a === '.' ? -1 : b === '.' ? 1 : 0));
  patterns.sort((a, b) => b.key.indexOf('*') - a.key.indexOf('*') || b.key.length - a.key.length || a.subpath.length - b.subpath.length);
  return [...new Set([...exact, ...patterns.map((p) => p.subpath)])];
}

/** `./mcp/client` for `<sourceRoot>/mcp/client.ts` (an `index` file names its folder). */
export function subpathKeyFor(pkg: WorkspacePackage, file: string): string {
  const root = subpathRoot(pkg);
  const base = root !== pkg.dir && isInside(file, root) ? root : pkg.dir;
  const rel = base === '.' ? file : file.slice(base.length + 1);
  const stem = rel.replace(/\.(?:d\.)?[cm]?[jt]sx?$/, '');
  const withoutIndex = stem === 'index' ? '' : stem.replace(/\/index$/, '');
  return withoutIndex ? `./${withoutIndex}` : '.';
}

/** Path of a source file relative to its source root, without extension (`mcp/client`). */
export function sourceStem(pkg: WorkspacePackage, file: string): string {
  const root = subpathRoot(pkg);
  const base = root !== pkg.dir && isInside(file, root) ? root : pkg.dir;
  const rel = base === '.' ? file : file.slice(base.length + 1);
  return rel.replace(/\.(?:d\.)?[cm]?[jt]sx?$/, '');
}

/**
 * A copy of an exports value (of `pkg`) for another file: every path that names the template's file
 * (`./dist/index.d.ts` for `src/index.ts`) is rewritten for the new one (`./dist/mcp/client.d.ts`);
 * the template's source file itself becomes the new source file, whatever its extension
 * (`./index.ts` -> `./limits/client.tsx`). Undefined when some path does not name the template file
 * (the layout cannot be mirrored).
 */
export function mirrorExportsValue(pkg: WorkspacePackage, value: ExportsField, templateFile: string, newFile: string): ExportsField | undefined {
  const templateStem = sourceStem(pkg, templateFile);
  const newStem = sourceStem(pkg, newFile);
  const inPackage = (file: string) => `./${pkg.dir === '.' ? file : file.slice(pkg.dir.length + 1)}`;
  const templateSource = inPackage(templateFile);
  const pattern = new RegExp(`^(.*?)${escapeRegExp(templateStem)}((?:\\.[A-Za-z0-9]+)*)$`);
  let ok = true;
  const visit = (v: ExportsField): ExportsField => {
    if (v === null) return null;
    if (typeof v === 'string') {
      if (v === templateSource || v === templateSource.slice(2)) return v.startsWith('./') ? inPackage(newFile) : inPackage(newFile).slice(2);
      const match = pattern.exec(v);
      if (!match || !(match[1] === '' || (match[1] as string).endsWith('/'))) {
        ok = false;
        return v;
      }
      return `${match[1]}${newStem}${match[2]}`;
    }
    if (Array.isArray(v)) return v.map(visit);
    return Object.fromEntries(Object.entries(v).map(([k, nested]) => [k, visit(nested)]));
  };
  const out = visit(value);
  return ok ? out : undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
