import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** File path (relative, `/`-separated) -> text, or a value written as JSON. */
export type Tree = Record<string, string | object>;

/** Write `tree` under `root` (created when missing). */
export function writeTree(root: string, tree: Tree): void {
  for (const [file, content] of Object.entries(tree)) {
    const abs = path.join(root, ...file.split('/'));
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
  }
}

/** A small repo written into a fresh temp dir (fs.mkdtemp under os.tmpdir()); `remove()` deletes it. */
export function tempTree(tree: Tree, prefix = 'monorefactor-tree-'): { root: string; remove(): void } {
  const root = mkdtempSync(path.join(os.tmpdir(), prefix));
  writeTree(root, tree);
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
