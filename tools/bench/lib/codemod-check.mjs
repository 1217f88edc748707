#!/usr/bin/env node
// Correctness of a repo after a move, by our analyzer (packages/analyzer/dist): imports that do not
// resolve, and who imports each moved file at its new path. Prints one JSON line.
//
//   node tools/bench/lib/codemod-check.mjs <dir> [--target <root-relative file>]...
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const repoRoot = process.env.BENCH_REPO_ROOT ?? path.resolve(import.meta.dirname, '..', '..', '..');
const args = process.argv.slice(2);
const dir = path.resolve(args[0] ?? '.');
const targets = args.flatMap((a, i) => (args[i - 1] === '--target' ? [a] : []));

const { analyze } = await import(pathToFileURL(path.join(repoRoot, 'packages', 'analyzer', 'dist', 'index.js')).href);
const { graph, findings } = await analyze({ cwd: dir });
const unresolved = findings.unresolved;
process.stdout.write(
  `${JSON.stringify({
    files: graph.modules.size,
    unresolved: unresolved.length,
    unresolvedSample: unresolved.slice(0, 5).map((u) => `${u.file}:${u.line} '${u.specifier}' (${u.reason})`),
    undeclared: findings.undeclared.length,
    cycles: findings.cycles.length,
    importers: Object.fromEntries(targets.map((t) => [t, graph.modules.get(t)?.importedBy.size ?? null])),
  })}\n`,
);
