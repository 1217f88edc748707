import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';

export interface FileChange {
  path: string;
  /** `null`: the file is created. */
  before: string | null;
  /** `null`: the file is deleted. */
  after: string | null;
}

/**
 * One unified diff of many files' changes, made by git so it reads like every other diff a user
 * sees: both sides are written under a temp dir and compared with a single `git diff --no-index`
 * (one process for the whole change set: one per file was most of a 250-file dry run).
 */
export async function unifiedDiff(changes: readonly FileChange[]): Promise<string> {
  if (changes.length === 0) return '';
  const dir = mkdtempSync(path.join(tmpdir(), 'refactor-diff-'));
  try {
    for (const side of ['a', 'b'] as const) {
      mkdirSync(path.join(dir, side));
      for (const change of changes) {
        const text = side === 'a' ? change.before : change.after;
        if (text === null) continue;
        const file = path.join(dir, side, change.path);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, text);
      }
    }
    // Run inside the temp dir with side names as prefixes: headers read `a/<path>` and `b/<path>`.
    const result = await execa('git', ['diff', '--no-index', '--no-color', '--no-renames', '--no-prefix', '--', 'a', 'b'], { cwd: dir, reject: false });
    return result.stdout ? `${result.stdout}\n` : '';
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
