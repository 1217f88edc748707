// What a tool did to a repo, from the trees alone: files created, deleted and modified, and how
// many import specifiers it rewrote. The same count for every tool, so equal work can be shown.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const SOURCE = /\.[cm]?[jt]sx?$/;
// Module specifiers: `from '...'`, `import '...'`, `import('...')`, `require('...')`,
// `import x = require('...')`, `export * from '...'`.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)(['"])([^'"\n]+)\1/g;

/** Root-relative path -> content of every file under `root` (not node_modules, not dot folders). */
export function readTree(root) {
  const out = new Map();
  const walk = (rel) => {
    for (const entry of readdirSync(path.join(root, rel), { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) out.set(child, readFileSync(path.join(root, child), 'utf8'));
    }
  };
  walk('');
  return out;
}

export function specifiersOf(text) {
  return [...text.matchAll(SPECIFIER)].map((m) => m[2]);
}

/** Specifiers rewritten between two texts: the larger of those gone and those new (multisets). */
function rewrittenSpecifiers(before, after) {
  const count = (list) => {
    const map = new Map();
    for (const spec of list) map.set(spec, (map.get(spec) ?? 0) + 1);
    return map;
  };
  const surplus = (a, b) => {
    let n = 0;
    for (const [spec, k] of a) n += Math.max(0, k - (b.get(spec) ?? 0));
    return n;
  };
  const a = count(specifiersOf(before));
  const b = count(specifiersOf(after));
  // a replaced specifier is gone once and new once; a split-off import is only new
  return Math.max(surplus(a, b), surplus(b, a));
}

/**
 * Compare the tree before (a Map from readTree) with `afterRoot` on disk. `moves` ({ from, to },
 * root-relative) pairs each moved file's old and new path, so its own rewritten imports count too.
 */
export function diffTrees(before, afterRoot, moves) {
  const after = readTree(afterRoot);
  const movedTo = new Map(moves.map((m) => [m.to, m.from]));
  const result = {
    created: [],
    deleted: [],
    modified: [],
    sourceFilesRewritten: 0,
    specifiersRewritten: 0,
    manifestsModified: 0,
    otherModified: 0,
    movedFilesPresent: 0,
  };
  for (const [file, text] of after) {
    const old = before.get(file);
    if (old === undefined) {
      result.created.push(file);
      const from = movedTo.get(file);
      if (from !== undefined && before.has(from)) {
        result.movedFilesPresent++;
        result.specifiersRewritten += rewrittenSpecifiers(before.get(from), text);
      }
      continue;
    }
    if (old === text) continue;
    result.modified.push(file);
    if (SOURCE.test(file)) {
      result.sourceFilesRewritten++;
      result.specifiersRewritten += rewrittenSpecifiers(old, text);
    } else if (file.endsWith('package.json')) result.manifestsModified++;
    else result.otherModified++;
  }
  for (const file of before.keys()) if (!after.has(file)) result.deleted.push(file);
  return result;
}
