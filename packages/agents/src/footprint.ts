import picomatch from 'picomatch';

/** `./a/b/` -> `a/b`. */
function normalizeEntry(entry: string): string {
  return entry
    .replaceAll('\\', '/')
    .replace(/^(?:\.\/)+/, '')
    .replace(/\/+$/, '');
}

/**
 * A footprint entry is a glob (`packages/agents/**`) or a plain path; a plain path allows
 * that file and, when it is a directory, everything under it.
 */
export function footprintMatcher(footprint: string[]): (file: string) => boolean {
  const globs: string[] = [];
  const paths: string[] = [];
  for (const raw of footprint) {
    const entry = normalizeEntry(raw);
    if (entry === '' || entry === '.') {
      paths.push('');
      continue;
    }
    if (picomatch.scan(entry).isGlob) globs.push(entry);
    else paths.push(entry);
  }
  const isMatch = globs.length > 0 ? picomatch(globs, { dot: true }) : () => false;
  return (file) => paths.some((p) => p === '' || file === p || file.startsWith(`${p}/`)) || isMatch(file);
}

/** Changed files the footprint does not allow, sorted. */
export function outsideFootprint(files: string[], footprint: string[]): string[] {
  const allowed = footprintMatcher(footprint);
  return files.filter((file) => !allowed(file)).sort();
}
