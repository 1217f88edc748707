import path from 'node:path';

/** Root-relative, `/`-separated path of an absolute path. */
export function toRootRelative(root: string, absolute: string): string {
  const rel = path.relative(root, absolute);
  return rel === '' ? '.' : rel.split(path.sep).join('/');
}

/** Join root-relative path segments, normalised, `/`-separated (`a/b`, `../c` -> `a/c`). */
export function joinRel(...parts: string[]): string {
  const joined = path.posix.normalize(path.posix.join(...parts));
  return joined === '' ? '.' : joined.replace(/\/$/, '');
}

/** Directory of a root-relative path (`.` at the top). */
export function dirnameRel(file: string): string {
  return path.posix.dirname(file);
}

/** True when `file` is `dir` or inside it (both root-relative). */
export function isInside(file: string, dir: string): boolean {
  if (dir === '.' || dir === '') return true;
  return file === dir || file.startsWith(`${dir}/`);
}

const TEST_FILE = /(?:^|\/)(?:__tests__|__mocks__|test|tests|spec|e2e)\/|\.(?:test|spec|stories|story|bench|test-d|cy)\.[cm]?[jt]sx?$/;
/** Tests, specs, stories, mocks and test fixtures: files that never anchor a module to its package. */
export function isTestFile(file: string): boolean {
  return TEST_FILE.test(file) || isFixtureFile(file);
}

const FIXTURE_FILE = /(?:^|\/)(?:__fixtures__|__testfixtures__|fixtures|__snapshots__)\//;
/** Test data shaped like code (codemod inputs, projects a test runs): its imports are not the package's. */
export function isFixtureFile(file: string): boolean {
  return FIXTURE_FILE.test(file);
}

/** Source files the analyzer reads. */
export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'] as const;

export function isSourceFile(file: string): boolean {
  return /\.(?:[cm]?[jt]sx?)$/.test(file);
}

export function isDeclarationFile(file: string): boolean {
  return /\.d\.[cm]?ts$/.test(file);
}

/** The directory all paths share (`.` when none), or the single path itself: what a user passes to `--move`. */
export function commonPath(paths: readonly string[]): string {
  if (paths.length === 0) return '';
  if (paths.length === 1) return paths[0] as string;
  let common = (paths[0] ?? '').split('/').slice(0, -1);
  for (const file of paths) {
    const parts = file.split('/');
    let i = 0;
    while (i < common.length && parts[i] === common[i]) i++;
    common = common.slice(0, i);
  }
  return common.join('/') || '.';
}

/** The two folders of a package that a move maps between. */
export interface PackageRoots {
  dir: string;
  sourceRoot: string;
}

/**
 * Where files moving to another package land: each keeps its path inside the source package's
 * source root, under the target's source root (`shared/src/mcp/x.ts` -> `mcp/src/mcp/x.ts`);
 * when not every file is inside the source root, the path inside the package folder is kept,
 * under the target's folder.
 * `targetDir` is the folder the moved files share.
 */
export function relocate(files: readonly string[], from: PackageRoots, to: PackageRoots): { files: { from: string; to: string }[]; targetDir: string } {
  // A package without a src/ folder is all source: its files go under the target's source root.
  const inSource = files.every((file) => isInside(file, from.sourceRoot) && file !== from.sourceRoot);
  const base = inSource ? from.sourceRoot : from.dir;
  const targetBase = inSource ? to.sourceRoot : to.dir;
  const inner = (file: string) => (base === '.' ? file : file.slice(base.length + 1));
  const moved = files.map((file) => ({ from: file, to: joinRel(targetBase, inner(file)) }));
  let common = files.length > 0 ? path.posix.dirname(inner(files[0] as string)) : '.';
  for (const file of files) {
    const dir = path.posix.dirname(inner(file));
    while (common !== '.' && dir !== common && !dir.startsWith(`${common}/`)) common = path.posix.dirname(common);
  }
  return { files: moved, targetDir: joinRel(targetBase, common) };
}
