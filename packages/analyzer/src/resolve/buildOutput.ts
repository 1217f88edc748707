import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { joinRel, type WorkspacePackage } from '@monorefactor/core';

/** Build-output folders a manifest may point into while the source lives in src/. */
const BUILD_DIRS = new Set(['dist', 'build', 'lib', 'out', 'esm', 'cjs']);
/** Bundler configs whose entry lists name each output's source (`node: 'src/public/node.ts'`). */
const BUNDLER_CONFIG = /^(?:rollup|rolldown|tsup|tsdown|vite|build|unbuild)\.config\.[cm]?[jt]s$/;
const OUTPUT_EXTENSION = /\.(?:d\.)?[cm]?[jt]sx?$/;

/** A package's bundler entries: output name (`index`, `workers/forks`) -> root-relative source path. */
export interface BundlerEntries {
  /** The bundler configs read (root-relative): a package built by one emits only the entries it names. */
  configs: string[];
  byName: Map<string, string>;
  /** Entry sources by file stem (`cli` for `src/node/cli.ts`), only stems that name one source. */
  byStem: Map<string, string>;
}

/**
 * Where the source of a build-output path may live, most likely first: tsconfig outDir ->
 * rootDir, then `dist/x` -> `src/x` (also below `dist/esm/`, `build/modern/`: each deeper tail).
 */
export function sourceCandidates(pkg: WorkspacePackage, rel: string): string[] {
  const out: string[] = [];
  const ts = pkg.tsconfig;
  if (ts?.outDir && (rel === ts.outDir || rel.startsWith(`${ts.outDir}/`))) {
    out.push(joinRel(ts.rootDir ?? pkg.sourceRoot, rel.slice(ts.outDir.length + 1)));
  }
  const inner = rel.slice(pkg.dir === '.' ? 0 : pkg.dir.length + 1);
  const [first, ...rest] = inner.split('/');
  if (first && BUILD_DIRS.has(first)) {
    const tail = rest.join('/');
    out.push(joinRel(pkg.sourceRoot, tail), joinRel(pkg.dir, 'src', tail));
    // dist/esm/x.js, build/modern/x.js, dist/types/x.d.ts: the format folder has no source twin.
    for (let i = 1; i < rest.length; i++) out.push(joinRel(pkg.sourceRoot, rest.slice(i).join('/')));
  } else if (pkg.sourceRoot !== pkg.dir) {
    out.push(joinRel(pkg.sourceRoot, inner));
  }
  return [...new Set(out)];
}

/** A stylesheet, font or other asset a build writes (`./dist/index.css`): it has no source twin to find. */
export function isBuiltAsset(pkg: WorkspacePackage, rel: string): boolean {
  if (/\.[cm]?[jt]sx?$/.test(rel) || !/\.[a-z0-9]+$/i.test(rel)) return false;
  const first = rel.slice(pkg.dir === '.' ? 0 : pkg.dir.length + 1).split('/')[0];
  return first !== undefined && BUILD_DIRS.has(first);
}

/** The output name of a build path inside its package: `dist/esm/workers/forks.js` -> `workers/forks` (and its tails). */
export function outputNames(pkg: WorkspacePackage, rel: string): string[] {
  const inner = rel.slice(pkg.dir === '.' ? 0 : pkg.dir.length + 1).replace(OUTPUT_EXTENSION, '');
  const parts = inner.split('/');
  if (!parts[0] || !BUILD_DIRS.has(parts[0])) return [];
  const names: string[] = [];
  for (let i = 1; i < parts.length; i++) names.push(parts.slice(i).join('/'));
  return names;
}

/**
 * Read the entry lists of a package's bundler configs as text (they are code, not data): every
 * `name: './src/x.ts'` pair and every quoted source path. Rollup, tsup, tsdown, unbuild and vite
 * library builds all name outputs this way.
 */
export function readBundlerEntries(root: string, pkg: WorkspacePackage): BundlerEntries {
  const byName = new Map<string, string>();
  const stems = new Map<string, Set<string>>();
  let names: string[];
  try {
    names = readdirSync(path.join(root, pkg.dir)).filter((name) => BUNDLER_CONFIG.test(name));
  } catch {
    names = [];
  }
  for (const name of names) {
    let text: string;
    try {
      text = readFileSync(path.join(root, pkg.dir, name), 'utf8');
    } catch {
      continue;
    }
    const pair = /(?:['"`]([\w@./-]+)['"`]|([A-Za-z_$][\w$]*))\s*:\s*['"`]((?:\.{1,2}\/)?[\w@./-]+\.[cm]?[jt]sx?)['"`]/g;
    for (const match of text.matchAll(pair)) {
      const key = (match[1] ?? match[2] ?? '').replace(/^\.\//, '');
      const source = match[3] as string;
      if (!byName.has(key)) byName.set(key, joinRel(pkg.dir, source));
    }
    for (const match of text.matchAll(/['"`]((?:\.{1,2}\/)?[\w@./-]+\.[cm]?tsx?)['"`]/g)) {
      const source = joinRel(pkg.dir, match[1] as string);
      const stem = path.posix.basename(source).replace(OUTPUT_EXTENSION, '');
      const set = stems.get(stem) ?? new Set();
      set.add(source);
      stems.set(stem, set);
    }
  }
  const byStem = new Map<string, string>();
  for (const [stem, sources] of stems) if (sources.size === 1) byStem.set(stem, [...sources][0] as string);
  return { configs: names.map((name) => joinRel(pkg.dir, name)), byName, byStem };
}
