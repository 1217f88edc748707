/**
 * `source` with the insides of comments, string literals and the static parts of template literals
 * blanked (newlines kept), so offsets stay the same and a regex over it only sees code. Template
 * `${...}` expressions stay code, nested to any depth. Regex literals are not recognised (a quote
 * inside one can hide code up to the end of its line).
 */
export function maskNonCode(source: string): string {
  const out = source.split('');
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n' && out[k] !== '\r') out[k] = ' ';
  };
  // brace depth at which each open `${` returns to its template
  const templates: number[] = [];
  let depth = 0;
  let i = 0;
  const n = source.length;
  const scanTemplate = (from: number): number => {
    // from: just after a backtick or the `}` closing an expression; returns where code resumes
    let j = from;
    while (j < n) {
      const ch = source[j];
      if (ch === '\\') j += 2;
      else if (ch === '`') {
        blank(from, j);
        return j + 1;
      } else if (ch === '$' && source[j + 1] === '{') {
        blank(from, j);
        templates.push(depth);
        depth++;
        return j + 2;
      } else j++;
    }
    blank(from, n);
    return n;
  };
  while (i < n) {
    const ch = source[i];
    const next = source[i + 1];
    if (ch === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      const stop = end === -1 ? n : end;
      blank(i, stop);
      i = stop;
    } else if (ch === '/' && next === '*') {
      const close = source.indexOf('*/', i + 2);
      const stop = close === -1 ? n : close + 2;
      blank(i, stop);
      i = stop;
    } else if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < n && source[j] !== ch && source[j] !== '\n') j += source[j] === '\\' ? 2 : 1;
      blank(i + 1, Math.min(j, n));
      i = j + 1;
    } else if (ch === '`') {
      i = scanTemplate(i + 1);
    } else if (ch === '{') {
      depth++;
      i++;
    } else if (ch === '}') {
      depth--;
      if (templates.length > 0 && templates[templates.length - 1] === depth) {
        templates.pop();
        i = scanTemplate(i + 1);
      } else i++;
    } else i++;
  }
  return out.join('');
}
