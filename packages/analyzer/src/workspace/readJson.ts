import { readFileSync } from 'node:fs';
import { type ParseError, parse, printParseErrorCode } from 'jsonc-parser';

export type JsonReadResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Read a JSON file strictly (package.json): a syntax error is reported, never guessed around. */
export function readJsonFile<T>(file: string): JsonReadResult<T> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, error: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
  try {
    return { ok: true, value: JSON.parse(stripBom(text)) as T };
  } catch (error) {
    return { ok: false, error: `invalid JSON: ${(error as Error).message}` };
  }
}

/** Read a JSONC file (tsconfig): comments and trailing commas allowed, as tsc allows them. */
export function readJsoncFile<T>(file: string): JsonReadResult<T> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, error: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
  const stripped = stripBom(text);
  // Most manifests and many tsconfigs are plain JSON: the native parser first (the JSONC one costs
  // ~10 ms of warm-up on every run), the JSONC one for comments and trailing commas.
  try {
    return { ok: true, value: JSON.parse(stripped) as T };
  } catch {}
  const errors: ParseError[] = [];
  const value = parse(stripped, errors, { allowTrailingComma: true, disallowComments: false }) as T;
  const first = errors[0];
  if (first) {
    const line = text.slice(0, first.offset).split('\n').length;
    return { ok: false, error: `invalid JSON (${printParseErrorCode(first.error)} at line ${line})` };
  }
  return { ok: true, value };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
