import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { RefactorError } from '@monorefactor/core';
import { parseFollowUps } from './follow-ups.js';
import { outsideFootprint } from './footprint.js';
import { git, gitBytes, type RepoInfo, splitZ } from './git.js';
import { FOLLOW_UPS_FILE } from './prompt.js';
import type { AgentTask } from './types.js';

export interface CollectedChanges {
  /** Root-relative (a file outside the workspace root starts with `../`), sorted. */
  changedFiles: string[];
  /** Changed files outside the footprint. */
  offending: string[];
  patch: string;
  followUps: AgentTask[];
  problems: string[];
}

const DIFF_ARGS = ['--cached', '--no-renames', '--no-color', '--no-ext-diff', '--no-textconv', '--no-relative', '--src-prefix=a/', '--dst-prefix=b/'];

/**
 * The worktree's changes vs the base, committed or not: follow-ups are taken out of
 * `tasks.json` first (unless the repo tracks such a file), then everything is staged in the
 * worktree's own index and diffed against the base.
 */
export async function collectChanges(repo: RepoInfo, worktree: string, baseSha: string, task: AgentTask): Promise<CollectedChanges> {
  const agentCwd = path.join(worktree, repo.prefix);
  const followUpsFile = path.join(agentCwd, FOLLOW_UPS_FILE);
  let followUps: AgentTask[] = [];
  let problems: string[] = [];
  if (existsSync(followUpsFile)) {
    const tracked = await git(worktree, ['cat-file', '-e', `${baseSha}:${repo.prefix}${FOLLOW_UPS_FILE}`], { allowFail: true });
    if (tracked.exitCode !== 0) {
      ({ tasks: followUps, problems } = parseFollowUps(await readFile(followUpsFile, 'utf8'), task));
      await rm(followUpsFile, { force: true });
    }
  }

  await git(worktree, ['add', '--all']);
  // Both read the index just staged: run side by side (this is on every task's critical path).
  const [names, patch] = await Promise.all([git(worktree, ['diff', ...DIFF_ARGS, '--name-only', '-z', baseSha]), diffText(worktree, baseSha)]);
  const changedFiles = splitZ(names.stdout)
    .map((file) => path.posix.relative(repo.prefix.replace(/\/$/, '') || '.', file))
    .sort();
  return { changedFiles, offending: outsideFootprint(changedFiles, task.footprint), patch, followUps, problems };
}

/**
 * The binary-safe patch as a string. Text diffs of files that are not UTF-8 (latin1 sources)
 * would not survive a string round trip, so then every file is diffed as binary instead.
 */
async function diffText(worktree: string, baseSha: string): Promise<string> {
  const bytes = await gitBytes(worktree, ['diff', ...DIFF_ARGS, '--binary', baseSha]);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const attributes = path.join(path.dirname(worktree), 'binary.gitattributes');
    await writeFile(attributes, '* -diff -merge\n');
    const binary = await gitBytes(worktree, ['-c', `core.attributesFile=${attributes}`, 'diff', ...DIFF_ARGS, '--binary', baseSha]);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(binary);
    } catch {
      // The repo's own .gitattributes forces a text diff of a non-UTF-8 file.
      throw new RefactorError('E_AGENT', 'the changes include a non-UTF-8 text diff that cannot be carried as a patch', {
        hint: 'mark the file binary in .gitattributes or convert it to UTF-8',
      });
    }
  }
}
