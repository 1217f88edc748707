/** A replacement of `source.slice(start, end)` by `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** Apply non-overlapping edits (any order); throws on overlap, which would be a codemod bug. */
export function applyEdits(source: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return source;
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor) throw new Error(`overlapping edits at offset ${edit.start}`);
    out += source.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return out + source.slice(cursor);
}

/**
 * The range to delete for a statement at [start, end): whole lines when the statement is alone on
 * its lines (leading indentation and the line break go too), else just the statement.
 */
export function statementRemovalRange(source: string, start: number, end: number): { start: number; end: number } {
  let lineStart = start;
  while (lineStart > 0 && (source[lineStart - 1] === ' ' || source[lineStart - 1] === '\t')) lineStart--;
  const aloneBefore = lineStart === 0 || source[lineStart - 1] === '\n';
  let lineEnd = end;
  while (lineEnd < source.length && (source[lineEnd] === ' ' || source[lineEnd] === '\t')) lineEnd++;
  if (source[lineEnd] === '\r') lineEnd++;
  const aloneAfter = lineEnd === source.length || source[lineEnd] === '\n';
  if (aloneBefore && aloneAfter) return { start: lineStart, end: Math.min(source.length, lineEnd + 1) };
  return { start, end };
}

/** The line break the file uses. */
export function newlineOf(source: string): string {
  return source.includes('\r\n') ? '\r\n' : '\n';
}

/** Leading whitespace of the line holding `offset`. */
export function indentationAt(source: string, offset: number): string {
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  const match = /^[ \t]*/.exec(source.slice(lineStart, offset));
  return match ? match[0] : '';
}
