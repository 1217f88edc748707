// The codemod benchmark's repo: the generated monorepo with the hub planted and an empty landing
// package, cached under tools/bench/.work/, plus the two moves measured on it and fresh copies.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GENERATOR_VERSION, generateMonorepo, plantHub, readManifest } from '../generate.mjs';

/** Bump when what this file adds to the generated repo changes (the cache is then rebuilt). */
const SETUP_VERSION = 1;
const STAMP = 'codemod-bench.json';

/** The package both moves go to: new, empty, depending on nothing (so no move can close a cycle). */
export const LANDING = { name: '@bench/landing', dir: 'packages/landing' };

/**
 * The cached repo for `opts` ({ packages, files, seed, hub }), generated when missing or stale.
 * @returns {{ dir: string, manifest: object, generated: boolean, ms: number }}
 */
export function ensureCodemodRepo(work, opts, log = console.log) {
  const dir = path.join(work, `codemod-p${opts.packages}-f${opts.files}-s${opts.seed}-hub${opts.hub}`);
  const stampFile = path.join(dir, STAMP);
  const wanted = { setup: SETUP_VERSION, generator: GENERATOR_VERSION, ...opts };
  const stamp = existsSync(stampFile) ? JSON.parse(readFileSync(stampFile, 'utf8')) : undefined;
  if (!opts.regen && stamp && JSON.stringify(stamp) === JSON.stringify(wanted)) {
    return { dir, manifest: readManifest(dir), generated: false, ms: 0 };
  }
  const started = performance.now();
  mkdirSync(work, { recursive: true });
  rmSync(stampFile, { force: true });
  generateMonorepo(dir, { packages: opts.packages, filesPerPackage: opts.files, seed: opts.seed });
  plantHub(dir, { importers: opts.hub });
  addLandingPackage(dir);
  writeFileSync(stampFile, `${JSON.stringify(wanted)}\n`);
  const ms = performance.now() - started;
  log(`repo: generated ${path.basename(dir)} in ${Math.round(ms)} ms`);
  return { dir, manifest: readManifest(dir), generated: true, ms };
}

/** `packages/landing` as the generator writes a package, with one entry module and nothing else. */
function addLandingPackage(root) {
  const pkgDir = path.join(root, LANDING.dir);
  mkdirSync(path.join(pkgDir, 'src'), { recursive: true });
  const manifest = {
    name: LANDING.name,
    version: '0.0.0',
    private: true,
    type: 'module',
    exports: { '.': './src/index.ts', './*': './src/*.ts' },
    dependencies: {},
    devDependencies: { vitest: '^4.0.0' },
  };
  writeFileSync(path.join(pkgDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(path.join(pkgDir, 'tsconfig.json'), `${JSON.stringify({ extends: '../../tsconfig.json', include: ['src'] }, null, 2)}\n`);
  writeFileSync(path.join(pkgDir, 'src', 'index.ts'), "export const LANDING = 'landing';\n");
  const link = path.join(root, 'node_modules', ...LANDING.name.split('/'));
  if (!existsSync(link)) symlinkSync(path.relative(path.dirname(link), pkgDir), link, 'dir');
}

/**
 * The moves to measure, from the generator's ground truth: the hub (`large`), and `small`, the
 * first module (by path) with `smallImporters` importers that no barrel re-exports (so both tools
 * rewrite exactly its importers). Both keep their path inside `src` and go to the landing package.
 * Every generated module imports its package's `types.ts`, so the small move makes landing depend
 * on the module's old package while that package's importers depend on landing: our codemod warns
 * of that package cycle (the change set is computed and applied all the same).
 */
export function pickMoves(manifest, smallImporters = 3) {
  const hub = manifest.hub;
  const importersOf = new Map();
  for (const [from, , , target] of manifest.edges) {
    if (target.includes(':')) continue;
    if (!importersOf.has(target)) importersOf.set(target, new Set());
    importersOf.get(target).add(from);
  }
  const candidates = [];
  for (const pkg of manifest.packages) {
    for (const file of pkg.modules) {
      const importers = [...(importersOf.get(file) ?? [])];
      if (importers.length === smallImporters && !importers.some((f) => f.endsWith('/index.ts'))) candidates.push(file);
    }
  }
  candidates.sort();
  const out = [];
  if (candidates[0]) out.push({ label: `small, ${smallImporters} importers`, from: candidates[0], importers: smallImporters });
  out.push({ label: `hub, ${hub.importers.length} importers`, from: hub.file, importers: hub.importers.length });
  for (const move of out) {
    const inSrc = move.from.split('/').slice(3).join('/');
    move.to = `${LANDING.dir}/src/${inSrc}`;
    move.toPackage = LANDING.name;
  }
  return out;
}

/** A fresh copy of the cached repo at `dest` (symlinks as they are). */
export function copyRepo(source, dest) {
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(path.dirname(dest), { recursive: true });
  execFileSync('cp', ['-a', source, dest]);
}
