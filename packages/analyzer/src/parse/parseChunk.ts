import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { isDeclarationFile, isTestFile } from '@monorefactor/core';
import { type ExtractedFile, extractImports, extractSlowly, fromModuleRead } from './extractImports.js';
import { inputArea, inputIsAscii, inputText, MAX_SCANNED, readInputModule } from './scanner.js';

export interface ParsedFile extends ExtractedFile {
  path: string;
  size: number;
  /** Set when the file could not be read at all. */
  readError?: string;
}

/** An options object, not the string 'utf8': Node then skips building one per call (~20% of a read). */
const UTF8 = { encoding: 'utf8' } as const;

/** The file's text, or the parse result of a file that cannot be read. */
export function readSource(root: string, file: string): string | ParsedFile {
  try {
    // `root` is absolute and `file` a clean relative path: no path.join (it normalises) per file.
    return readFileSync(`${root}/${file}`, UTF8);
  } catch (error) {
    return unreadable(file, error);
  }
}

function unreadable(file: string, error: unknown): ParsedFile {
  const code = (error as NodeJS.ErrnoException).code ?? String(error);
  return { path: file, size: 0, imports: [], errors: [], readError: code };
}

/** Room first offered for a file's bytes: most source files are smaller. */
const FIRST_ROOM = 1 << 16;

/**
 * Reads the file's bytes into the scanner's input area; their count, or -1 for a file too large
 * to scan (read it as text instead). One read into memory the scanner already has: no string is
 * decoded and encoded back for the (ASCII) files the module reader then reads from there.
 */
function readIntoScanner(file: string): number {
  const fd = openSync(file, 'r');
  try {
    let area = inputArea(FIRST_ROOM);
    let length = readSync(fd, area, 0, area.length, 0);
    if (length < area.length) return length;
    const size = fstatSync(fd).size;
    if (size > MAX_SCANNED) return -1;
    area = inputArea(size + 1);
    for (let got = -1; got !== 0 && length < area.length; length += got) got = readSync(fd, area, length, area.length - length, length);
    return length;
  } finally {
    closeSync(fd);
  }
}

/** Read and parse a chunk of files: the work of one thread between two progress reports. */
export function parseChunk(root: string, files: string[], fingerprint: boolean): ParsedFile[] {
  return files.map((file) => {
    const print = fingerprint && wantsFingerprint(file);
    let length: number;
    let source: string | undefined;
    try {
      // `root` is absolute and `file` a clean relative path: no path.join (it normalises) per file.
      length = readIntoScanner(`${root}/${file}`);
      if (length < 0) source = readFileSync(`${root}/${file}`, UTF8);
    } catch (error) {
      return unreadable(file, error);
    }
    if (source === undefined && inputIsAscii(length)) {
      // Read where it lies; an ASCII file's byte count is its length in UTF-16 units.
      const read = readInputModule(file, length, { fingerprint: print });
      if (read && !read.tripleSlash) return parsedFile(file, length, { imports: read.imports, errors: [], fingerprint: read.fingerprint });
      source = inputText(length);
      return parsedFile(file, length, read ? fromModuleRead(read, source) : extractSlowly(file, source, { fingerprint: print }));
    }
    source ??= inputText(length);
    return parsedFile(file, source.length, extractImports(file, source, { fingerprint: print }));
  });
}

function parsedFile(
  file: string,
  size: number,
  { imports, errors, fingerprint }: { imports: ExtractedFile['imports']; errors: string[]; fingerprint?: ExtractedFile['fingerprint'] | undefined },
): ParsedFile {
  const parsed: ParsedFile = { path: file, size, imports, errors };
  if (fingerprint) parsed.fingerprint = fingerprint;
  return parsed;
}

/** Duplicate detection ignores tests and declarations: do not pay for their fingerprints. */
export function wantsFingerprint(file: string): boolean {
  return !isTestFile(file) && !isDeclarationFile(file);
}
