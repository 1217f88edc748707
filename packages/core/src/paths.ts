import path from 'node:path';

/** Root-relative, `/`-separated path of an absolute path. */
export function toRootRelative(root: string, absolute: string): string {
  const rel = path.relative(root, absolute);
  return rel === '' ? '.' : rel.split(path.sep).join('/');
}

/** Join root-relative path segments, normalised, `/`-separated (`a/b`, `../c` -> `a/c`). */
export function joinRel(...parts: string[]): string {
  if (parts.length === 2) {
    const joined = joinClean(parts[0] as string, parts[1] as string);
    if (joined !== undefined) return joined;
  }
  let joined = '';
  for (const part of parts) if (part !== '') joined = joined === '' ? part : `${joined}/${part}`;
  // Absolute paths keep path.posix's rules (`..` stops at `/`, `/` itself becomes ''); they are rare.
  if (joined.charCodeAt(0) === SLASH) {
    const normalized = path.posix.normalize(joined);
    return normalized === '' ? '.' : normalized.replace(/\/$/, '');
  }
  return normalizeRelative(joined);
}

const SLASH = 47;
const DOT = 46;
/** Kept segments of the path being normalised, as [start, end) offsets: reused, joinRel runs per import. */
const segmentStarts: number[] = [];
const segmentEnds: number[] = [];

/**
 * What `path.posix.normalize` gives for a relative path, without its trailing `/` and `.` for
 * nothing: one scan, and no new string when the path is already normal (most package paths).
 */
function normalizeRelative(p: string): string {
  let count = 0;
  let clean = true;
  for (let start = 0; start <= p.length; ) {
    let end = p.indexOf('/', start);
    if (end === -1) end = p.length;
    const length = end - start;
    if (length === 0 || (length === 1 && p.charCodeAt(start) === DOT)) clean = false;
    else if (length === 2 && p.charCodeAt(start) === DOT && p.charCodeAt(start + 1) === DOT) {
      const top = count - 1;
      // `..` cancels the segment before it, unless that is a `..` too (a path may start above its base).
      if (top >= 0 && !isDotDot(p, segmentStarts[top] as number, segmentEnds[top] as number)) {
        count--;
        clean = false;
      } else {
        segmentStarts[count] = start;
        segmentEnds[count++] = end;
      }
    } else {
      segmentStarts[count] = start;
      segmentEnds[count++] = end;
    }
    start = end + 1;
  }
  if (count === 0) return '.';
  if (clean) return p;
  // Segments that were adjacent in `p` are sliced out together.
  let out = '';
  let runStart = segmentStarts[0] as number;
  let runEnd = segmentEnds[0] as number;
  for (let i = 1; i < count; i++) {
    const start = segmentStarts[i] as number;
    if (start === runEnd + 1) {
      runEnd = segmentEnds[i] as number;
      continue;
    }
    out = out === '' ? p.slice(runStart, runEnd) : `${out}/${p.slice(runStart, runEnd)}`;
    runStart = start;
    runEnd = segmentEnds[i] as number;
  }
  const last = p.slice(runStart, runEnd);
  return out === '' ? last : `${out}/${last}`;
}

/**
 * The resolver's case, without building the joined string first: a normal directory and a path
 * that is leading `./`/`../` steps then a normal tail (`../utils/x`). Undefined for anything else.
 */
function joinClean(dir: string, rel: string): string | undefined {
  if (!isNormal(dir)) return undefined;
  let end = dir.length;
  let i = 0;
  for (;;) {
    if (rel.startsWith('./', i)) i += 2;
    else if (rel.startsWith('../', i)) {
      // Above the directory's first segment the general rules apply (`a` + `../../x` -> `../x`).
      if (end === 0) return undefined;
      end = Math.max(0, dir.lastIndexOf('/', end - 1));
      i += 3;
    } else break;
  }
  if (i === rel.length) return end === 0 ? '.' : dir.slice(0, end);
  const tail = i === 0 ? rel : rel.slice(i);
  if (!isNormal(tail)) return undefined;
  return end === 0 ? tail : `${end === dir.length ? dir : dir.slice(0, end)}/${tail}`;
}

/** Relative, and no empty, `.` or `..` segment: already what joinRel would make of it. */
function isNormal(p: string): boolean {
  if (p === '') return false;
  for (let start = 0; start <= p.length; ) {
    let end = p.indexOf('/', start);
    if (end === -1) end = p.length;
    const length = end - start;
    if (length === 0 || (p.charCodeAt(start) === DOT && (length === 1 || (length === 2 && p.charCodeAt(start + 1) === DOT)))) return false;
    start = end + 1;
  }
  return true;
}

function isDotDot(p: string, start: number, end: number): boolean {
  return end - start === 2 && p.charCodeAt(start) === DOT && p.charCodeAt(start + 1) === DOT;
}

/** Directory of a root-relative path (`.` at the top). */
export function dirnameRel(file: string): string {
  // The last `/` is enough for a root-relative file path (asked per file and import); path.posix
  // keeps its rules for the rest (a leading or trailing `/`).
  const slash = file.lastIndexOf('/');
  if (slash === -1) return '.';
  if (file.charCodeAt(0) === SLASH || slash === file.length - 1) return path.posix.dirname(file);
  return file.slice(0, slash);
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
