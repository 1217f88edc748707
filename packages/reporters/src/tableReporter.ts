import { type AnalysisResult, commonPath, isTypeOnlyKind } from '@monorefactor/core';
import { paint } from './ansi.js';
import type { ReportOptions } from './types.js';

/** The default human view: packages, then each kind of finding with its evidence and the suggested moves. */
export function tableReporter(result: AnalysisResult, options: ReportOptions = {}): string {
  const p = paint(options.color);
  const { findings } = result;
  const out: string[] = [];
  out.push(p.bold(`${result.packages.length} packages, ${result.stats.files} files, ${result.stats.edges} imports (${result.stats.ms} ms)`));
  out.push('');
  const nameWidth = Math.max(7, ...result.packages.map((pkg) => pkg.name.length));
  out.push(p.dim(`${'package'.padEnd(nameWidth)}  files  depends on`));
  for (const pkg of result.packages) out.push(`${pkg.name.padEnd(nameWidth)}  ${String(pkg.files).padStart(5)}  ${pkg.dependsOn.join(', ') || p.dim('-')}`);

  section(out, p.bold('Misplaced modules'), findings.misplaced.length, () => {
    for (const m of findings.misplaced) {
      out.push(`${p.cyan(m.id)}  ${m.from} -> ${p.bold(m.to)}  ${p.dim(`score ${m.score.toFixed(2)}`)}  into ${m.targetDir}`);
      for (const file of m.files) out.push(`      ${file}`);
      for (const reason of m.reasons) out.push(p.dim(`      because ${reason}`));
    }
  });
  section(out, p.bold('Package cycles'), findings.cycles.length, () => {
    for (const c of findings.cycles) {
      out.push(`${p.red(c.id)}  ${[...c.packages, c.packages[0]].join(' -> ')}`);
      for (const e of c.edges.slice(0, 8))
        out.push(p.dim(`      ${e.from}${e.line ? `:${e.line}` : ''} -> ${e.specifier}${isTypeOnlyKind(e.kind) ? ' (type only)' : ''}`));
      if (c.edges.length > 8) out.push(p.dim(`      ... ${c.edges.length - 8} more edges`));
    }
  });
  section(out, p.bold('Duplicates'), findings.duplicates.length, () => {
    for (const d of findings.duplicates) out.push(`${p.yellow(d.id)}  ${Math.round(d.similarity * 100)}%  ${d.files.join('  ~  ')}`);
  });
  section(out, p.bold('Undeclared dependencies'), findings.undeclared.length, () => {
    for (const u of findings.undeclared)
      out.push(`${u.package} imports ${p.bold(u.dependency)} without declaring it  ${p.dim(u.files.slice(0, 3).join(', '))}`);
  });
  section(out, p.bold('Unused workspace dependencies'), findings.unused.length, () => {
    for (const u of findings.unused) out.push(`${u.package} declares ${u.dependency} in ${u.field} but never imports it`);
  });
  section(out, p.bold('Boundary violations'), findings.boundaries.length, () => {
    for (const b of findings.boundaries) out.push(`${p.red(b.rule)}  ${b.from} -> ${b.to}`);
  });
  section(out, p.bold('Unresolved imports'), findings.unresolved.length, () => {
    for (const u of findings.unresolved) out.push(`${u.file}${u.line ? `:${u.line}` : ''}  "${u.specifier}"  ${p.dim(u.reason)}`);
  });
  section(out, p.bold('Could not read'), findings.problems.length, () => {
    for (const prob of findings.problems) out.push(`${prob.file}: ${prob.message}${prob.hint ? p.dim(` (fix: ${prob.hint})`) : ''}`);
  });
  if (findings.misplaced.length > 0) {
    out.push('');
    out.push(p.bold('Suggested moves'));
    for (const m of findings.misplaced) out.push(`  refactor apply --move ${commonSource(m.files)}=${m.to}`);
  }
  return `${out.join('\n')}\n`;
}

function section(out: string[], title: string, count: number, body: () => void): void {
  if (count === 0) return;
  out.push('');
  out.push(`${title} (${count})`);
  body();
}

/** The directory all (non-test) files share, or the single file: what a user passes to --move. */
function commonSource(files: string[]): string {
  const nonTest = files.filter((f) => !/\.(test|spec)\./.test(f));
  const list = nonTest.length > 0 ? nonTest : files;
  const common = commonPath(list);
  return common === '.' ? (list[0] as string) : common;
}
