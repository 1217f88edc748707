import { EventEmitter } from 'node:events';

// biome-ignore lint/suspicious/noControlCharactersInRegex: escape codes
const ONLY_ESCAPES = /\u001B\[[0-?]*[ -/]*[@-~]/g;

/**
 * Test doubles for the streams ink renders to and reads from. Render with `debug: true` so each
 * frame is written whole (no cursor movement), then read `lastFrame()`.
 */
export class FakeStdout extends EventEmitter {
  readonly isTTY: boolean;
  columns: number;
  rows: number;
  readonly frames: string[] = [];

  constructor(columns = 100, rows = 40, options: { isTTY?: boolean } = {}) {
    super();
    this.columns = columns;
    this.rows = rows;
    this.isTTY = options.isTTY ?? true;
  }

  write(chunk: string | Uint8Array, callback?: (error?: Error | null) => void): boolean {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (text.length > 0) this.frames.push(text);
    callback?.();
    return true;
  }

  /**
   * The last frame written. Writes that are only escape codes (showing the cursor) or blank (ink
   * under `CI=true` writes a bare newline on unmount) are skipped.
   */
  lastFrame(): string {
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const frame = this.frames[i] as string;
      if (frame.replace(ONLY_ESCAPES, '').trim().length > 0) return frame;
    }
    return '';
  }

  /** Change the size and tell listeners, as a terminal does. */
  resize(columns: number, rows: number): void {
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }

  asWriteStream(): NodeJS.WriteStream {
    return this as unknown as NodeJS.WriteStream;
  }
}

/** A raw-mode capable stdin: `press()` queues a chunk and signals `readable`, as a TTY does. */
export class FakeStdin extends EventEmitter {
  readonly isTTY: boolean;
  isRaw = false;
  private readonly queue: string[] = [];

  constructor(options: { isTTY?: boolean } = {}) {
    super();
    this.isTTY = options.isTTY ?? true;
  }

  setRawMode(mode: boolean): this {
    this.isRaw = mode;
    return this;
  }

  setEncoding(): this {
    return this;
  }

  ref(): this {
    return this;
  }

  unref(): this {
    return this;
  }

  pause(): this {
    return this;
  }

  resume(): this {
    return this;
  }

  read(): string | null {
    return this.queue.shift() ?? null;
  }

  /** Type `keys` (one chunk; pass escape sequences such as `KEYS.down` whole). */
  press(keys: string): void {
    this.queue.push(keys);
    this.emit('readable');
  }

  asReadStream(): NodeJS.ReadStream {
    return this as unknown as NodeJS.ReadStream;
  }
}

export const KEYS = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  enter: '\r',
  escape: '\u001B',
  tab: '\t',
  backspace: '\u007F',
  space: ' ',
  ctrlC: '\u0003',
} as const;

/** Resolve once `predicate` holds for the latest frame, polling; reject with the frame after `ms`. */
export async function waitForFrame(stdout: FakeStdout, predicate: (frame: string) => boolean, ms = 5000): Promise<string> {
  const deadline = Date.now() + ms;
  for (;;) {
    const frame = stdout.lastFrame();
    if (predicate(frame)) return frame;
    if (Date.now() > deadline) throw new Error(`timed out waiting for frame; last frame:\n${frame}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
