import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildImportGraph } from '@monorefactor/analyzer';
import type { ImportGraph, MoveSpec, PlannedMove } from '@monorefactor/core';
import { applyChangeSet } from '../apply/applyChangeSet.js';
import { computeMoveChanges } from '../compute/computeMoveChanges.js';
import { resolveMoveSpec } from '../spec/resolveMoveSpec.js';
import type { MoveChangeSet } from '../types.js';

/** The monorefactor repository (for its node_modules and fixtures). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const TSC = path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/** A temp directory holding `files` (root-relative path -> content). */
export async function makeRepo(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'codemod-'));
  for (const [file, content] of Object.entries(files)) {
    const abs = path.join(root, file);
    await mkdir(path.dirname(abs), { recursive: true });
    await writeFile(abs, content);
  }
  return root;
}

/** `value` as a file's JSON text (2-space indent, final newline), as manifests are written. */
export const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/**
 * The root of a NodeNext monorepo (`./x.js` names `./x.ts`): an npm workspaces manifest over
 * `packages/*` (`"type": "module"` when `esm`), and one strict tsconfig over every package's src.
 */
export function nodenextRoot(name: string, options: { esm?: boolean } = {}): Record<string, string> {
  return {
    'package.json': json({ name, private: true, ...(options.esm ? { type: 'module' } : {}), workspaces: ['packages/*'] }),
    'tsconfig.json': json({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noEmit: true,
        verbatimModuleSyntax: true,
        types: [],
      },
      include: ['packages/*/src'],
    }),
  };
}

/** A temp copy of `fixtures/<name>`. */
export async function copyFixture(name: string): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), `codemod-${name}-`));
  await cp(path.join(REPO_ROOT, 'fixtures', name), root, { recursive: true });
  return root;
}

/** `node_modules/<name>` links to workspace package dirs, and to this repo's TypeScript and Node types. */
export async function linkPackages(root: string, packages: Record<string, string>): Promise<void> {
  for (const [name, dir] of Object.entries(packages)) {
    const link = path.join(root, 'node_modules', ...name.split('/'));
    await mkdir(path.dirname(link), { recursive: true });
    await symlink(path.join(root, dir), link, 'dir');
  }
  for (const dep of ['typescript', '@types/node', 'undici-types', 'vitest']) {
    const link = path.join(root, 'node_modules', ...dep.split('/'));
    await mkdir(path.dirname(link), { recursive: true });
    await symlink(path.join(REPO_ROOT, 'node_modules', ...dep.split('/')), link, 'dir');
  }
}

/** Run the real `tsc` in `root`; resolves with its exit code and output. */
export function runTsc(root: string, args: string[] = ['-p', '.']): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [TSC, ...args], { cwd: root, timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, output: `${stdout}${stderr}` });
    });
  });
}

export async function graphOf(root: string): Promise<ImportGraph> {
  return buildImportGraph({ root, fingerprints: false, workers: 0 });
}

/** Analyze, plan one move, compute and apply it. */
export async function moveIn(
  root: string,
  spec: MoveSpec,
  options: { shim?: boolean } = {},
): Promise<{ move: PlannedMove; changeSet: MoveChangeSet; graph: ImportGraph }> {
  const graph = await graphOf(root);
  const move = resolveMoveSpec(graph, spec, 'M1');
  const changeSet = await computeMoveChanges(graph, move, options);
  await applyChangeSet(root, changeSet);
  return { move, changeSet, graph };
}

export function read(root: string, file: string): Promise<string> {
  return readFile(path.join(root, file), 'utf8');
}

export function removeRepo(root: string): Promise<void> {
  return rm(root, { recursive: true, force: true });
}
