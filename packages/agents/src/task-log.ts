import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';

/** Longest line passed on as one event; longer output is cut into pieces. */
const MAX_LINE = 8192;

/** Splits a byte stream into lines (UTF-8 safe across chunks, `\n` or `\r\n`). */
export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private buffer = '';

  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: Buffer | string): void {
    this.buffer += typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    let newline = this.buffer.indexOf('\n');
    while (newline !== -1) {
      this.emit(this.buffer.slice(0, newline));
      this.buffer = this.buffer.slice(newline + 1);
      newline = this.buffer.indexOf('\n');
    }
    while (this.buffer.length > MAX_LINE) {
      this.onLine(this.buffer.slice(0, MAX_LINE));
      this.buffer = this.buffer.slice(MAX_LINE);
    }
  }

  end(): void {
    this.buffer += this.decoder.end();
    if (this.buffer !== '') this.emit(this.buffer);
    this.buffer = '';
  }

  private emit(line: string): void {
    this.onLine(line.endsWith('\r') ? line.slice(0, -1) : line);
  }
}

/** A task's log file: every attempt's output, stderr lines marked, plus the orchestrator's notes. */
export class TaskLog {
  private readonly stream: WriteStream;

  constructor(readonly file: string) {
    mkdirSync(path.dirname(file), { recursive: true });
    this.stream = createWriteStream(file, { flags: 'a' });
    this.stream.on('error', () => {
      // A log that cannot be written must not fail the task.
    });
  }

  line(stream: 'stdout' | 'stderr' | 'info', text: string): void {
    const mark = stream === 'stdout' ? '' : stream === 'stderr' ? '[stderr] ' : '[refactor] ';
    this.stream.write(`${mark}${text}\n`);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.stream.end(resolve));
  }
}
