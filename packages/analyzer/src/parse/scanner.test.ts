import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fingerprintSource, HINT_IMPORT_CALL, HINT_MOCK, HINT_REFERENCE, HINT_REQUIRE, MAX_SCANNED, MIN_FINGERPRINT_TOKENS, scanSource } from './scanner.js';
import { SCANNER_SOURCE_SHA256, SCANNER_SOURCES } from './scannerWasm.js';

/** A module of ~150 tokens; `names` renames its identifiers, `literal` changes its strings. */
function moduleText(names: [string, string, string] = ['Store', 'items', 'load'], literal = 'ready'): string {
  const [type, field, method] = names;
  return [
    `import { helper } from './helper.js';`,
    `export class ${type} {`,
    `  private ${field}: string[] = [];`,
    `  ${method}(value: string): number {`,
    `    if (value === '${literal}') return 1;`,
    `    for (const entry of this.${field}) { if (entry.length > 3) this.${field}.push(entry); }`,
    `    const copy = [...this.${field}].map((x) => x ?? helper(x));`,
    `    return copy.length + 42;`,
    '  }',
    `  async reset(): Promise<void> { this.${field} = []; await Promise.resolve(null); }`,
    `  size(): number { return this.${field}.length > 0 && this.${field}.length < 10 ? 1 : 0; }`,
    '}',
  ].join('\n');
}

describe('scanSource', () => {
  it('embeds the module built from the current C sources (run tools/build/scanner-wasm.mjs after editing them)', () => {
    const hash = createHash('sha256');
    for (const file of SCANNER_SOURCES) hash.update(readFileSync(new URL(`../../wasm/${file}`, import.meta.url)));
    expect(hash.digest('hex')).toBe(SCANNER_SOURCE_SHA256);
    // Every C file and header of wasm/ is built (a new one must be added to the build's list).
    const present = readdirSync(new URL('../../wasm/', import.meta.url)).filter((file) => /\.[ch]$/.test(file));
    expect([...SCANNER_SOURCES].sort()).toEqual(present.sort());
  });

  it('normalises identifiers and literals, and ignores whitespace, comments and imports', () => {
    const base = fingerprintSource(moduleText());
    expect(base?.tokens).toBeGreaterThan(MIN_FINGERPRINT_TOKENS);
    const renamed = fingerprintSource(moduleText(['Cache', 'entries', 'fetch'], 'other'));
    const reformatted = fingerprintSource(
      `// a comment\n/* block\n comment */\n${moduleText()
        .replace("import { helper } from './helper.js';", "import { helper, other } from '../../elsewhere/helper.js';")
        .replaceAll('\n', '\n\n  ')}`,
    );
    expect(renamed?.hash).toBe(base?.hash);
    expect(reformatted?.hash).toBe(base?.hash);
    expect([...(renamed?.shingles ?? [])]).toEqual([...(base?.shingles ?? [])]);
  });

  it('keeps keywords and operators, so a changed structure changes the hash', () => {
    const base = fingerprintSource(moduleText());
    expect(fingerprintSource(moduleText().replace('===', '!=='))?.hash).not.toBe(base?.hash);
    expect(fingerprintSource(moduleText().replace('for (const', 'for (let'))?.hash).not.toBe(base?.hash);
    expect(fingerprintSource(moduleText().replace('...this', 'this'))?.hash).not.toBe(base?.hash);
  });

  it('samples about a quarter of the shingles, and none for tiny files', () => {
    const fp = fingerprintSource(moduleText().repeat(20));
    const shingles = (fp?.tokens ?? 0) - 7;
    expect(fp?.shingles.length).toBeGreaterThan(shingles / 8);
    expect(fp?.shingles.length).toBeLessThan(shingles / 2);
    expect(fingerprintSource("export * from './a';\nexport * from './b';\n")).toBeUndefined();
  });

  it('reads non-ASCII identifiers as identifiers and non-ASCII spaces as spaces', () => {
    const base = fingerprintSource(moduleText());
    expect(fingerprintSource(moduleText(['Größe', 'café', 'naïve']))?.hash).toBe(base?.hash);
    expect(fingerprintSource(moduleText().replaceAll(' ', '\u00a0'))?.hash).toBe(base?.hash);
    expect(fingerprintSource(`\ufeff${moduleText()}`)?.hash).toBe(base?.hash);
  });

  it('scans files larger than its initial memory', () => {
    const small = fingerprintSource(moduleText());
    const big = fingerprintSource(moduleText().repeat(3000)); // ~1.3 MB
    expect(big?.tokens).toBeGreaterThan((small?.tokens ?? 0) * 2900);
    // The memory grew under the scanner's views: a small file afterwards reads the same.
    expect(fingerprintSource(moduleText())).toEqual(small);
  });

  it('leaves sources over MAX_SCANNED characters unfingerprinted, with the same hints', () => {
    const huge = `${"const a = require('a');\n".repeat(Math.ceil(MAX_SCANNED / 24))}vi.mock('./m');\n`;
    expect(huge.length).toBeGreaterThan(MAX_SCANNED);
    expect(scanSource(huge, true)).toEqual({ hints: HINT_REQUIRE | HINT_MOCK });
  });

  it('flags require, test-runner mocks and import( wherever they are, across its 16-byte blocks', () => {
    const hintsOf = (text: string) => scanSource(text, false).hints;
    expect(hintsOf('export const x = 1;')).toBe(0);
    expect(hintsOf("const a = require('a');")).toBe(HINT_REQUIRE);
    expect(hintsOf("vi.mock('./x');")).toBe(HINT_MOCK);
    expect(hintsOf("jest.mock('./x');")).toBe(HINT_MOCK);
    expect(hintsOf("const m = import ('./m');")).toBe(HINT_IMPORT_CALL);
    expect(hintsOf("// require('x') and import('y')")).toBe(HINT_REQUIRE | HINT_IMPORT_CALL);
    expect(hintsOf('/// <reference path="./globals.d.ts" />')).toBe(HINT_REFERENCE);
    // Every offset, so each pattern starts in every lane of a block and in the unblocked tail.
    for (let pad = 0; pad < 40; pad++) {
      const space = ' '.repeat(pad);
      expect(hintsOf(`${space}require`)).toBe(HINT_REQUIRE);
      expect(hintsOf(`${space}jest.fn(); ${space}`)).toBe(HINT_MOCK);
      expect(hintsOf(`${space}await import('x')${space}`)).toBe(HINT_IMPORT_CALL);
      expect(hintsOf(`${space}requir${space}`)).toBe(0);
      expect(hintsOf(`${space}import x from 'y'`)).toBe(0);
      expect(hintsOf(`${space}/// <reference types="node" />`)).toBe(HINT_REFERENCE);
    }
  });
});
