/**
 * Maps UTF-16 offsets to 1-based line numbers by counting newlines from the last offset asked
 * for. Imports are asked for in (nearly) file order and sit near the top, so a file's tail is
 * never scanned and no array of line starts is built for it: this runs for every file.
 */
export class LineIndex {
  private offset = 0;
  private line = 1;
  constructor(private readonly text: string) {}

  lineOf(offset: number): number {
    if (offset < this.offset) {
      // Asked out of order (oxc lists imports before exports): count again from the start.
      this.offset = 0;
      this.line = 1;
    }
    const text = this.text;
    let line = this.line;
    for (let i = text.indexOf('\n', this.offset); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
    this.offset = offset;
    this.line = line;
    return line;
  }
}
