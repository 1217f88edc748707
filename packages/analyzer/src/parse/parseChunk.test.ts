import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractImports } from './extractImports.js';
import { parseChunk } from './parseChunk.js';

/**
 * parseChunk reads a file's bytes straight into the scanner and reads ASCII files from there; any
 * other file is decoded and read as text. Whichever way, the records are those of its text.
 */
describe('parseChunk', () => {
  let root = '';
  const files: Record<string, string> = {
    'ascii.ts': "import { a, b as c } from './a';\nexport * from '@x/y';\nconst m = await import('./lazy');\n",
    'accents.ts': "// héllo wörld 😀\nimport { a } from './a';\nexport const s = 'é';\nimport type { T } from './t';\n",
    'bom.ts': "\uFEFFimport { a } from './a';\nexport { b } from './b';\n",
    'reference.ts': '/// <reference path="./globals.d.ts" />\nimport { a } from \'./a\';\n',
    'large.ts': `import { a } from './a';\n${'export const x = 1;\n'.repeat(10_000)}import './tail';\n`,
    'generic.tsx': "import React from 'react';\nconst f = <T,>(x: T) => x;\nimport { b } from './b';\n",
    'lib.cjs': "const fs = require('node:fs');\nmodule.exports = require('./other.cjs');\n",
  };
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'monorefactor-chunk-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, name), text);
    mkdirSync(path.join(root, 'folder.ts'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('gives the records of each file’s text, its length in UTF-16 units and its fingerprint', () => {
    const names = Object.keys(files);
    const parsed = parseChunk(root, names, true);
    for (const [i, name] of names.entries()) {
      const text = readFileSync(path.join(root, name), 'utf8');
      const expected = extractImports(name, text, { fingerprint: true });
      expect(parsed[i], name).toEqual({ path: name, size: text.length, ...expected });
    }
    expect(parsed[names.indexOf('large.ts')]?.imports.map((edge) => edge.specifier)).toEqual(['./a', './tail']);
    expect(parsed[names.indexOf('reference.ts')]?.imports.map((edge) => `${edge.kind} ${edge.specifier}`)).toEqual(['reference ./globals.d.ts', 'import ./a']);
  });

  it('reports a file it cannot read by its error code', () => {
    expect(parseChunk(root, ['missing.ts', 'folder.ts'], true)).toEqual([
      { path: 'missing.ts', size: 0, imports: [], errors: [], readError: 'ENOENT' },
      { path: 'folder.ts', size: 0, imports: [], errors: [], readError: 'EISDIR' },
    ]);
  });
});
