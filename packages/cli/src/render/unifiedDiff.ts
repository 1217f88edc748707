import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';

/** A unified diff of one file's change, made by git so it reads like every other diff a user sees. */
export async function unifiedDiff(file: string, before: string | null, after: string | null): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'refactor-diff-'));
  try {
    const a = path.join(dir, 'a');
    const b = path.join(dir, 'b');
    writeFileSync(a, before ?? '');
    writeFileSync(b, after ?? '');
    const result = await execa('git', ['diff', '--no-index', '--no-color', '--', a, b], { reject: false });
    const body = result.stdout.split('\n').slice(4).join('\n'); // drop git's temp-file headers
    const from = before === null ? '/dev/null' : `a/${file}`;
    const to = after === null ? '/dev/null' : `b/${file}`;
    return `--- ${from}\n+++ ${to}\n${body}\n`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
