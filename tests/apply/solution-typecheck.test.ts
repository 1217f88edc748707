import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT, runRefactor } from '../helpers/gitFixture.js';
import { tempTree } from '../helpers/tree.js';

// A solution-style repo (root tsconfig `files: []` + `references`, JSONC, packages extending a
// base) without a typecheck script: the default typecheck must be `tsc -b`, which checks the
// referenced projects; `tsc --noEmit -p .` checked no file and let broken code be committed.
// There is no .gitignore for build output: whatever `tsc -b` writes would land in the commit.
const base = {
  compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, composite: true, declaration: true, types: [] },
};
const project = (strict: boolean, references: string[] = []) => ({
  extends: '../../tsconfig.base.json',
  compilerOptions: { rootDir: 'src', outDir: 'dist', ...(strict ? {} : { strict: false }) },
  include: ['src'],
  references: references.map((ref) => ({ path: ref })),
});
const manifest = (name: string, dependencies: Record<string, string> = {}) => ({
  name,
  version: '1.0.0',
  type: 'module',
  exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' }, './*': { types: './dist/*.d.ts', default: './dist/*.js' } },
  dependencies,
});

function solutionRepo(price: string) {
  const tree = tempTree({
    '.gitignore': 'node_modules\n',
    'package.json': { name: 'solution', private: true, type: 'module', workspaces: ['packages/*'] },
    'tsconfig.base.json': base,
    'tsconfig.json': '// the solution: no files of its own\n{\n  "files": [],\n  "references": [{ "path": "packages/a" }, { "path": "packages/b" }],\n}\n',
    // @t/a is not strict: an implicit `any` passes there, and fails once the code is in @t/b.
    'packages/a/package.json': manifest('@t/a'),
    'packages/a/tsconfig.json': project(false),
    'packages/a/src/index.ts': 'export const currency = "EUR";\n',
    'packages/a/src/price.ts': price,
    'packages/b/package.json': manifest('@t/b', { '@t/a': '1.0.0' }),
    'packages/b/tsconfig.json': project(true, ['../a']),
    'packages/b/src/index.ts': "import { currency } from '@t/a';\nimport { price } from '@t/a/price';\n\nexport const label = price(250) + currency;\n",
    // Imports @t/a without declaring it, from the start: a problem of the tree, not of a move.
    'packages/c/package.json': { name: '@t/c', version: '1.0.0', type: 'module' },
    'packages/c/src/index.ts': "export { currency } from '@t/a';\n",
  });
  const modules = path.join(tree.root, 'node_modules');
  mkdirSync(path.join(modules, '@t'), { recursive: true });
  symlinkSync(path.join(REPO_ROOT, 'node_modules/typescript'), path.join(modules, 'typescript'));
  mkdirSync(path.join(modules, '.bin'));
  symlinkSync('../typescript/bin/tsc', path.join(modules, '.bin/tsc'));
  for (const name of ['a', 'b', 'c']) symlinkSync(`../../packages/${name}`, path.join(modules, '@t', name));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: tree.root, encoding: 'utf8' }).trim();
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'initial');
  return { dir: tree.root, git, remove: tree.remove };
}

/** Build output anywhere in the repo (outside node_modules). */
function buildOutput(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => !file.startsWith('node_modules') && !file.startsWith('.git/') && (/(^|\/)dist(\/|$)/.test(file) || file.endsWith('.tsbuildinfo')));
}

const repos: { remove(): void }[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.remove();
});

describe('the default typecheck on a solution-style tsconfig', () => {
  it('rolls back a move that breaks types in a referenced project, naming the error', () => {
    const repo = solutionRepo('export function price(cents) {\n  return (cents / 100).toFixed(2);\n}\n');
    repos.push(repo);
    const result = runRefactor(['apply', '.', '--yes', '--move', 'packages/a/src/price.ts=@t/b'], repo.dir);
    expect(result.exitCode, result.stdout + result.stderr).toBe(1);
    expect(result.stdout).toContain('$ npx --no-install tsc -b');
    // The summary line names the first error, not just the gate.
    expect(result.stdout).toMatch(/failed M1 \(typecheck\): typecheck failed: packages\/b\/src\/price\.ts\(\d+,\d+\): error TS7006: /);
    expect(repo.git('log', '--format=%s')).toBe('initial');
    expect(repo.git('status', '--porcelain')).toBe('');
    expect(existsSync(path.join(repo.dir, 'packages/a/src/price.ts'))).toBe(true);
    expect(buildOutput(repo.dir)).toEqual([]);
  }, 120_000);

  it('carries the error in the --json rollback event', () => {
    const repo = solutionRepo('export function price(cents) {\n  return (cents / 100).toFixed(2);\n}\n');
    repos.push(repo);
    const result = runRefactor(['apply', '.', '--yes', '--json', '--move', 'packages/a/src/price.ts=@t/b'], repo.dir);
    expect(result.exitCode, result.stdout + result.stderr).toBe(1);
    const events = result.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
    const rollback = events.find((event) => event.type === 'rollback');
    expect(rollback?.reason).toMatch(/^typecheck failed: packages\/b\/src\/price\.ts\(\d+,\d+\): error TS7006: /);
  }, 120_000);

  it('commits a move that type-checks, without the build output tsc -b wrote', () => {
    const repo = solutionRepo('export function price(cents: number): string {\n  return (cents / 100).toFixed(2);\n}\n');
    repos.push(repo);
    const result = runRefactor(['apply', '.', '--yes', '--move', 'packages/a/src/price.ts=@t/b'], repo.dir);
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/verify typecheck: ok/);
    expect(existsSync(path.join(repo.dir, 'packages/b/src/price.ts'))).toBe(true);
    const committed = repo.git('show', '--name-only', '--format=', 'HEAD').split('\n');
    expect(committed.filter((file) => /(^|\/)dist\/|\.tsbuildinfo$/.test(file))).toEqual([]);
    expect(repo.git('status', '--porcelain')).toBe('');
    expect(buildOutput(repo.dir)).toEqual([]);
  }, 120_000);
});

describe('refactor verify', () => {
  // verify checks the tree as it is (CI, after a run): a problem the tree already had counts, and
  // the message says what is, not that something changed; apply's gate compares with the last
  // commit and does not fail on it (the first test above got past it to the typecheck).
  it('reports undeclared dependencies of the tree without calling them new', () => {
    const repo = solutionRepo('export function price(cents: number): string {\n  return (cents / 100).toFixed(2);\n}\n');
    repos.push(repo);
    const result = runRefactor(['verify', '.', '--no-tests'], repo.dir);
    expect(result.exitCode, result.stdout + result.stderr).toBe(1);
    expect(result.stdout).toContain('@t/c imports @t/a without declaring it in its package.json (packages/c/src/index.ts)');
    expect(result.stdout).not.toMatch(/\bnow\b|\bnew\b/);
    // The last line names the gate and what failed in it, not the gate alone.
    expect(result.stdout.trim().split('\n').at(-1)).toMatch(/^verify: \S+ failed: .*@t\/a/);
  }, 120_000);
});
