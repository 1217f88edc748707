import { readFileSync } from 'node:fs';

/**
 * Read a JSONC file (a tsconfig: comments and trailing commas allowed, as tsc allows them), or
 * `undefined` when it is missing or not valid. The verifier only asks a tsconfig whether it has
 * `references`; a file it cannot read is left to tsc, which reports it itself.
 */
export function readJsonc(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(stripJsonc(text));
  } catch {
    return undefined;
  }
}

/** JSONC to JSON: comments and trailing commas removed, strings (which may hold `//`) kept as they are. */
export function stripJsonc(text: string): string {
  let out = '';
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length) {
    const char = text[i] as string;
    const next = text[i + 1];
    if (char === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      out += text.slice(i, end + 1);
      i = end + 1;
    } else if (char === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (char === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
    } else {
      // A trailing comma: the last thing written before a closing bracket (strings end in `"`).
      if (char === '}' || char === ']') {
        const trimmed = out.trimEnd();
        if (trimmed.endsWith(',')) out = trimmed.slice(0, -1) + out.slice(trimmed.length);
      }
      out += char;
      i++;
    }
  }
  return out;
}
