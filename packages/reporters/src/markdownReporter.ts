import { type AnalysisResult, isTypeOnlyKind } from '@monorefactor/core';
import { mermaidReporter } from './graphReporters.js';
import type { ReportOptions } from './types.js';

/** A report a user can paste into a pull request: summary, package graph, findings with evidence. */
export function markdownReporter(result: AnalysisResult, options: ReportOptions = {}): string {
  const { findings } = result;
  const out: string[] = ['# Monorepo analysis', ''];
  out.push(`${result.packages.length} packages, ${result.stats.files} files, ${result.stats.edges} imports.`, '');
  out.push('| finding | count |', '| --- | --- |');
  for (const [kind, list] of Object.entries(findings)) out.push(`| ${kind} | ${list.length} |`);
  out.push('', '## Package graph', '', '```mermaid', mermaidReporter(result, options).trimEnd(), '```');
  if (findings.misplaced.length) {
    out.push('', '## Misplaced modules', '');
    for (const m of findings.misplaced) {
      out.push(`### ${m.id}: \`${m.from}\` -> \`${m.to}\` (score ${m.score.toFixed(2)})`, '');
      out.push(`Target directory: \`${m.targetDir}\``, '');
      for (const file of m.files) out.push(`- \`${file}\``);
      out.push('', ...m.reasons.map((r) => `> ${r}`), '');
    }
  }
  if (findings.cycles.length) {
    out.push('', '## Package cycles', '');
    for (const c of findings.cycles) {
      out.push(`- **${c.id}** ${c.packages.map((p) => `\`${p}\``).join(' <-> ')}`);
      for (const e of c.edges)
        out.push(`  - \`${e.from}${e.line ? `:${e.line}` : ''}\` imports \`${e.specifier}\`${isTypeOnlyKind(e.kind) ? ' (type only)' : ''}`);
    }
  }
  if (findings.duplicates.length) {
    out.push('', '## Duplicates', '');
    for (const d of findings.duplicates) out.push(`- **${d.id}** ${Math.round(d.similarity * 100)}%: ${d.files.map((f) => `\`${f}\``).join(' ~ ')}`);
  }
  if (findings.undeclared.length) {
    out.push('', '## Undeclared dependencies', '');
    for (const u of findings.undeclared) out.push(`- \`${u.package}\` imports \`${u.dependency}\` (${u.files.map((f) => `\`${f}\``).join(', ')})`);
  }
  if (findings.boundaries.length) {
    out.push('', '## Boundary violations', '');
    for (const b of findings.boundaries) out.push(`- \`${b.rule}\`: \`${b.from}\` -> \`${b.to}\``);
  }
  if (findings.unresolved.length) {
    out.push('', '## Unresolved imports', '');
    for (const u of findings.unresolved) out.push(`- \`${u.file}${u.line ? `:${u.line}` : ''}\` \`${u.specifier}\`: ${u.reason}`);
  }
  if (findings.problems.length) {
    out.push('', '## Files that could not be read', '');
    for (const p of findings.problems) out.push(`- \`${p.file}\`: ${p.message}`);
  }
  return `${out.join('\n')}\n`;
}
