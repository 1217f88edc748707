import { constants } from 'node:fs';
import { access, chmod, mkdir, readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { compareStrings, MoveError } from '@monorefactor/core';
import type { MoveChangeSet } from '../types.js';

/**
 * Write a change set to disk: check first that every file is as the change set expects (a created
 * file must not exist, a changed one must still have its `before` text), then write, move the
 * files that have no text change (assets), delete, and remove directories the move emptied.
 * Nothing is written when a check fails.
 */
export async function applyChangeSet(root: string, changeSet: MoveChangeSet): Promise<void> {
  const abs = (file: string) => path.join(root, ...file.split('/'));
  const created = new Set(changeSet.changes.filter((c) => c.before === null).map((c) => c.path));
  const plainRenames = changeSet.renames.filter((r) => !created.has(r.to) && !changeSet.changes.some((c) => c.path === r.from));

  // every check before any write; in sorted order, so the first failure reported is stable
  const current = await pool(changeSet.changes, (change) => readText(abs(change.path)));
  changeSet.changes.forEach((change, i) => {
    if (change.before === null) {
      if (current[i] !== undefined)
        throw new MoveError(`${change.path} already exists`, { file: change.path, hint: 'move or delete it, then plan the move again' });
    } else if (current[i] !== change.before) {
      throw new MoveError(`${change.path} changed since the move was computed`, { file: change.path, hint: 'analyze and plan the move again' });
    }
  });
  for (const move of plainRenames) {
    if (!(await exists(abs(move.from)))) throw new MoveError(`${move.from} does not exist`, { file: move.from, hint: 'analyze and plan the move again' });
    if (await exists(abs(move.to))) throw new MoveError(`${move.to} already exists`, { file: move.to, hint: 'move or delete it, then plan the move again' });
  }

  const modes = new Map<string, number>();
  for (const move of changeSet.renames) {
    if (created.has(move.to)) modes.set(move.to, (await stat(abs(move.from))).mode);
  }
  for (const move of plainRenames) {
    await mkdir(path.dirname(abs(move.to)), { recursive: true });
    await rename(abs(move.from), abs(move.to));
  }
  const written = changeSet.changes.filter((c) => c.after !== null);
  for (const dir of new Set(written.map((c) => path.dirname(abs(c.path))))) await mkdir(dir, { recursive: true });
  await pool(written, async (change) => {
    await writeFile(abs(change.path), change.after as string);
    const mode = modes.get(change.path);
    if (mode !== undefined) await chmod(abs(change.path), mode & 0o7777);
  });
  const deleted = changeSet.changes.filter((c) => c.after === null).map((c) => c.path);
  await pool(deleted, (file) => rm(abs(file), { force: true }));
  const removed: string[] = [...plainRenames.map((m) => m.from), ...deleted];
  await pruneEmptyDirectories(root, removed);
}

/** Remove directories left empty by the move, deepest first, never the root itself. */
async function pruneEmptyDirectories(root: string, removedFiles: string[]): Promise<void> {
  const dirs = new Set<string>();
  for (const file of removedFiles) {
    for (let dir = path.posix.dirname(file); dir !== '.' && dir !== ''; dir = path.posix.dirname(dir)) dirs.add(dir);
  }
  const deepestFirst = [...dirs].sort((a, b) => b.split('/').length - a.split('/').length || compareStrings(b, a));
  for (const dir of deepestFirst) {
    const full = path.join(root, ...dir.split('/'));
    try {
      if ((await readdir(full)).length === 0) await rmdir(full);
    } catch {
      // already gone, or not empty by the time we got there
    }
  }
}

/** `work` over `items`, at most 32 at a time (a move may write hundreds of files); results in order. */
async function pool<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await work(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(32, items.length) }, worker));
  return out;
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}
