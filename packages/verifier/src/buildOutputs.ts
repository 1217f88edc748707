import { readdir, realpath, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { git } from './git.js';

/** Never walked: git's own folder and installed packages (a build writes neither). */
const SKIPPED = new Set(['.git', 'node_modules']);

/** Every file and folder under `root`, root-relative with `/` (folders end in `/`): what was there before a build. */
export async function listTree(root: string): Promise<Set<string>> {
  const found = new Set<string>();
  const walk = async (rel: string): Promise<void> => {
    const entries = await readdir(path.join(root, rel), { withFileTypes: true }).catch(() => []);
    await Promise.all(
      entries.map(async (entry) => {
        if (!entry.isDirectory()) {
          found.add(rel + entry.name);
          return;
        }
        if (SKIPPED.has(entry.name)) return;
        found.add(`${rel}${entry.name}/`);
        await walk(`${rel}${entry.name}/`);
      }),
    );
  };
  await walk('');
  return found;
}

/**
 * Undo what a build wrote under `root` (`emitted`: the files it reports writing, absolute) so the
 * tree is again what the batch made of it: files that were not there before are removed (with
 * the folders made for them), tracked files it rewrote are restored from the index, and every
 * `.tsbuildinfo` it wrote goes, as it would vouch for outputs that are gone (the next build
 * starts from scratch, which is always correct). Build output the user had already (ignored,
 * untracked) stays, rewritten.
 *
 * Why not leave the output: `commitAll` stages everything that is not ignored, so a repo without
 * `dist` in its .gitignore would get the build in the batch's commit; and output left from one
 * batch (a moved file's old `.d.ts`) lets the next batch's `tsc -b` accept imports of a file
 * that is no longer there.
 */
export async function removeBuildOutputs(root: string, emitted: string[], before: Set<string>): Promise<void> {
  const bases = [root, await realpath(root).catch(() => root)];
  const relative = (file: string): string | undefined => {
    for (const base of bases) {
      const rel = path.relative(base, path.resolve(root, file));
      if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return rel.split(path.sep).join('/');
    }
    return undefined; // outside the workspace: not part of any commit
  };
  const created: string[] = [];
  const rewritten: string[] = [];
  for (const file of emitted) {
    const rel = relative(file);
    if (rel) (before.has(rel) ? rewritten : created).push(rel);
  }
  const tracked = rewritten.length > 0 ? new Set((await git(root, ['ls-files', '-z'])).split('\u0000')) : new Set<string>();
  const restore = rewritten.filter((file) => tracked.has(file));
  const remove = [...created, ...rewritten.filter((file) => !tracked.has(file) && file.endsWith('.tsbuildinfo'))];
  await Promise.all(remove.map((file) => rm(path.join(root, file), { force: true })));
  for (let i = 0; i < restore.length; i += 200) await git(root, ['checkout', '-q', '--', ...restore.slice(i, i + 200)]);
  // The folders the build made, deepest first; one that holds anything else stays.
  const made = new Set<string>();
  for (const file of created) {
    for (let dir = path.posix.dirname(file); dir !== '.' && !before.has(`${dir}/`); dir = path.posix.dirname(dir)) made.add(dir);
  }
  for (const dir of [...made].sort((a, b) => b.length - a.length)) await rmdir(path.join(root, dir)).catch(() => {});
}
