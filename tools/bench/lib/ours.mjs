#!/usr/bin/env node
// Runs our analyzer through its API (packages/analyzer/dist), for when the CLI is not built.
//
//   node tools/bench/lib/ours.mjs <dir>                  one JSON line: { stats, counts }
//   node tools/bench/lib/ours.mjs <dir> --audit <file>   also writes the edge breakdown and the
//                                                        distinct file->file pairs (untimed use)
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const repoRoot = process.env.BENCH_REPO_ROOT ?? path.resolve(import.meta.dirname, '..', '..', '..');
const args = process.argv.slice(2);
const dir = path.resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--audit') ?? '.');
const ai = args.indexOf('--audit');
const auditFile = ai === -1 ? undefined : args[ai + 1];

const { analyze } = await import(pathToFileURL(path.join(repoRoot, 'packages', 'analyzer', 'dist', 'index.js')).href);
const analysis = await analyze({ cwd: dir });
const counts = Object.fromEntries(Object.entries(analysis.findings).map(([kind, list]) => [kind, list.length]));
process.stdout.write(`${JSON.stringify({ stats: analysis.result.stats, counts })}\n`);

if (auditFile) {
  const byKind = {};
  const byTarget = {};
  const pairs = new Set();
  let fileEdges = 0;
  for (const node of analysis.graph.modules.values()) {
    for (const edge of node.imports) {
      byKind[edge.kind] = (byKind[edge.kind] ?? 0) + 1;
      byTarget[edge.target.type] = (byTarget[edge.target.type] ?? 0) + 1;
      if (edge.target.type === 'file') {
        fileEdges++;
        pairs.add(`${node.path}\t${edge.target.path}`);
      }
    }
  }
  const findings = analysis.findings;
  writeFileSync(
    auditFile,
    JSON.stringify({
      modules: analysis.graph.modules.size,
      edges: analysis.result.stats.edges,
      byKind,
      byTarget,
      fileEdges,
      pairs: [...pairs],
      misplaced: findings.misplaced.map((m) => ({ files: m.files, from: m.from, to: m.to, score: m.score })),
      duplicates: findings.duplicates.map((d) => d.files),
    }),
  );
}
