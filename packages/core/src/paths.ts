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

const TEST_FILE = /(?:^|\/)(?:__tests__|__mocks__|test|tests|spec|e2e)\/|\.(?:test|spec|stories|story|bench)\.[cm]?[jt]sx?$/;
/** Tests, specs, stories and mocks: files that never anchor a module to its package. */
export function isTestFile(file: string): boolean {
  return TEST_FILE.test(file);
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
