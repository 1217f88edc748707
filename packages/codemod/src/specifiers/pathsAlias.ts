import { joinRel, type TsconfigInfo } from '@monorefactor/core';

/**
 * Specifiers that tsconfig `paths` turn into `file` (`@/mcp/client` for `"@/*": ["src/*"]`), from
 * the pattern keys whose targets can name it. The caller checks them with the resolver.
 */
export function pathsAliasCandidates(tsconfig: TsconfigInfo | undefined, file: string): string[] {
  if (!tsconfig?.paths || tsconfig.pathsBase === undefined) return [];
  const out: string[] = [];
  const stem = file.replace(/\.(?:d\.)?[cm]?[jt]sx?$/, '');
  const forms = [...new Set([file, stem, stem.replace(/\/index$/, '')])];
  for (const [key, targets] of Object.entries(tsconfig.paths)) {
    const star = key.indexOf('*');
    for (const target of targets) {
      const full = joinRel(tsconfig.pathsBase, target);
      if (star === -1) {
        if (forms.includes(full.replace(/\.(?:d\.)?[cm]?[jt]sx?$/, '')) || forms.includes(full)) out.push(key);
        continue;
      }
      const at = full.indexOf('*');
      if (at === -1) continue;
      const prefix = full.slice(0, at);
      const suffix = full.slice(at + 1);
      for (const form of forms) {
        if (form.length <= prefix.length + suffix.length || !form.startsWith(prefix) || !form.endsWith(suffix)) continue;
        out.push(key.slice(0, star) + form.slice(prefix.length, form.length - suffix.length) + key.slice(star + 1));
      }
    }
  }
  return [...new Set(out)].sort((a, b) => a.length - b.length);
}
