import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { RefactorError } from '@monorefactor/core';
import { git, repoInfo, splitZ } from './git.js';
import type { MergeResult, TaskOutcome } from './types.js';

/**
 * Apply the 'done' tasks' patches to the user's work tree, in order, with
 * `git apply --3way --index`: a patch whose context moved is merged three-way against its
 * base blobs. A task that conflicts (or does not apply) is rolled back alone, to the state
 * before it, and reported with its files; the others stay. The result is staged, not committed.
 */
export async function mergeOutcomes(root: string, outcomes: TaskOutcome[]): Promise<MergeResult> {
  const repo = await repoInfo(root);
  const unmerged = await git(repo.top, ['ls-files', '--unmerged']);
  if (unmerged.stdout.trim() !== '') {
    throw new RefactorError('E_GIT_DIRTY', 'the work tree has unresolved merge conflicts', { hint: 'resolve or reset them before merging agent results' });
  }
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'refactor-merge-'));
  const result: MergeResult = { merged: [], conflicts: [] };
  try {
    if (await applyAllAtOnce(repo.top, scratch, outcomes)) {
      result.merged = outcomes.filter((outcome) => outcome.status === 'done').map((outcome) => outcome.id);
      return result;
    }
    for (const outcome of outcomes) {
      if (outcome.status !== 'done') continue;
      if (outcome.patch === '') {
        result.merged.push(outcome.id);
        continue;
      }
      const patchFile = path.join(scratch, 'task.patch');
      await writeFile(patchFile, outcome.patch);
      const touched = await patchPaths(repo.top, patchFile);
      const checkpoint = (await git(repo.top, ['write-tree'])).stdout.trim();
      const applied = await git(repo.top, ['apply', '--3way', '--index', '--whitespace=nowarn', patchFile], { allowFail: true });
      if (applied.exitCode === 0) {
        result.merged.push(outcome.id);
        continue;
      }
      const conflicted = splitZ((await git(repo.top, ['diff', '--name-only', '--diff-filter=U', '-z'])).stdout);
      // A 3-way conflict leaves the patch half applied; a patch that did not apply at all left
      // nothing (and the files may hold the user's own edits): only the first is rolled back.
      const changed = conflicted.length > 0 || (await git(repo.top, ['write-tree'])).stdout.trim() !== checkpoint;
      if (changed) await rollback(repo.top, checkpoint, touched);
      const files = conflicted.length > 0 ? conflicted : failedPaths(applied.stderr, touched);
      result.conflicts.push({ id: outcome.id, files: toRootRelative(files, repo.prefix) });
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return result;
}

/**
 * The common case in one git call instead of three per task: patches of pairwise disjoint files
 * (a batch's footprints are disjoint) concatenated into one patch, applied to index and work tree.
 * `git apply` checks a whole patch before writing anything, so when this returns false nothing
 * changed and the careful one-by-one merge takes over.
 */
async function applyAllAtOnce(top: string, scratch: string, outcomes: TaskOutcome[]): Promise<boolean> {
  const patches = outcomes.filter((outcome) => outcome.status === 'done' && outcome.patch !== '');
  if (patches.length < 2) return false;
  const seen = new Set<string>();
  for (const file of patches.flatMap((outcome) => outcome.changedFiles)) {
    if (seen.has(file)) return false;
    seen.add(file);
  }
  const patchFile = path.join(scratch, 'all.patch');
  await writeFile(patchFile, patches.map((outcome) => (outcome.patch.endsWith('\n') ? outcome.patch : `${outcome.patch}\n`)).join(''));
  const applied = await git(top, ['apply', '--index', '--whitespace=nowarn', patchFile], { allowFail: true });
  return applied.exitCode === 0;
}

/** Paths (git top level relative) a patch touches. */
async function patchPaths(top: string, patchFile: string): Promise<string[]> {
  const stat = await git(top, ['apply', '--numstat', '-z', patchFile], { allowFail: true });
  // `added\tdeleted\tpath\0` per file (renames are off in our patches).
  return splitZ(stat.stdout)
    .map((entry) => entry.split('\t').slice(2).join('\t'))
    .filter(Boolean)
    .sort();
}

/** The files named in `git apply` errors ("patch failed: x:3", "x: already exists in index"), else all of the patch's. */
function failedPaths(stderr: string, touched: string[]): string[] {
  const named = touched.filter((file) => stderr.includes(`${file}:`) || stderr.includes(`'${file}'`));
  return named.length > 0 ? named : touched;
}

/** Put the patch's files back as they were in the checkpoint tree (index and work tree). */
async function rollback(top: string, checkpoint: string, files: string[]): Promise<void> {
  if (files.length === 0) return;
  const existing = new Set(splitZ((await git(top, ['ls-tree', '-z', '--name-only', '-r', checkpoint, '--', ...files], { literal: true })).stdout));
  const restore = files.filter((file) => existing.has(file));
  const remove = files.filter((file) => !existing.has(file));
  if (remove.length > 0) {
    await git(top, ['rm', '--cached', '--quiet', '--force', '--ignore-unmatch', '--', ...remove], { literal: true });
    await Promise.all(remove.map((file) => rm(path.join(top, file), { force: true })));
  }
  if (restore.length > 0) await git(top, ['checkout', checkpoint, '--', ...restore], { literal: true });
}

function toRootRelative(files: string[], prefix: string): string[] {
  const dir = prefix.replace(/\/$/, '') || '.';
  return files.map((file) => path.posix.relative(dir, file)).sort();
}
