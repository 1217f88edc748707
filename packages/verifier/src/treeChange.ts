import type { GraphChange } from '@monorefactor/analyzer';
import { git } from './git.js';

/**
 * What the work tree changed since HEAD under `root`, as root-relative paths, with `touched` (the
 * executors' own list) added: HEAD is the last committed state, the one the verifier's graph
 * describes. git sees what an executor forgot to report (an agent's extra file); the executors'
 * list covers a path git ignores. Ignored files are not listed by git.
 */
export async function changeSinceHead(root: string, touched: string[] = []): Promise<GraphChange> {
  const prefix = await git(root, ['rev-parse', '--show-prefix']);
  const status = await git(root, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames', '--', '.']);
  const change: GraphChange = { changed: [], added: [], deleted: [] };
  const seen = new Set<string>();
  for (const entry of status.split('\u0000')) {
    if (entry.length < 4) continue;
    const code = entry.slice(0, 2);
    // Porcelain paths are relative to the repository's top level, whatever the cwd.
    const file = entry.slice(3);
    if (!file.startsWith(prefix)) continue;
    const rel = file.slice(prefix.length);
    seen.add(rel);
    if (code === '??' || code.includes('A')) change.added.push(rel);
    else if (code.includes('D')) change.deleted.push(rel);
    else change.changed.push(rel);
  }
  for (const file of touched) if (!seen.has(file)) change.changed.push(file);
  return change;
}

/** Every path a change names. */
export function changedPaths(change: GraphChange): Set<string> {
  return new Set([...change.changed, ...change.added, ...change.deleted, ...(change.renamed ?? []).flatMap((m) => [m.from, m.to])]);
}
