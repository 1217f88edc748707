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

/**
 * A `git diff` of many files cut into one section per path, each with the usual `a/x b/x` header:
 * `git diff --no-index` names a created file `b/x b/x` and a deleted one `a/x a/x` (it has one side).
 */
export function diffSections(diff: string): Map<string, string> {
  const out = new Map<string, string>();
  const starts = [...diff.matchAll(/^diff --git /gm)].map((m) => m.index ?? 0);
  starts.forEach((start, i) => {
    const section = diff.slice(start, starts[i + 1] ?? diff.length);
    const newline = section.indexOf('\n');
    const header = newline === -1 ? section : section.slice(0, newline);
    const side = firstSide(header.slice('diff --git '.length));
    if (!side) {
      out.set(`\u0000${i}`, section); // unreadable header: the people's diff keeps it as git wrote it
      return;
    }
    const named = (prefix: 'a' | 'b') => (side.quoted ? `"${prefix}/${side.raw.slice(3)}` : `${prefix}/${side.raw.slice(2)}`);
    out.set(side.path, `diff --git ${named('a')} ${named('b')}${newline === -1 ? '' : section.slice(newline)}`);
  });
  return out;
}

/** The first of a `diff --git` header's two equal-named sides: its text as written and the path without its `a/`/`b/` prefix. */
function firstSide(sides: string): { raw: string; path: string; quoted: boolean } | undefined {
  if (!sides.startsWith('"')) {
    // unquoted, both sides have the same length: `<p>/x <p>/x`
    const raw = sides.slice(0, (sides.length - 1) / 2);
    return /^[ab]\//.test(raw) ? { raw, path: raw.slice(2), quoted: false } : undefined;
  }
  // git C-quotes names with special bytes: `"b/caf\303\251.ts"`, escapes as in C, octal for bytes
  const bytes: number[] = [];
  for (let i = 1; i < sides.length; i++) {
    const ch = sides[i] as string;
    if (ch === '"') {
      const raw = sides.slice(0, i + 1);
      const path = Buffer.from(bytes).toString('utf8');
      return /^[ab]\//.test(path) ? { raw, path: path.slice(2), quoted: true } : undefined;
    }
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'));
      continue;
    }
    const next = sides[++i] ?? '';
    const octal = /^[0-7]{3}/.exec(sides.slice(i, i + 3));
    if (octal) {
      bytes.push(Number.parseInt(octal[0], 8));
      i += 2;
    } else bytes.push(({ n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11 } as Record<string, number>)[next] ?? next.charCodeAt(0));
  }
  return undefined;
}
