import { IMPORT_KINDS } from '@monorefactor/core';
import { describe, expect, it } from 'vitest';
import { packChunk, unpackChunk } from './packedChunk.js';
import type { ParsedFile } from './parseChunk.js';

describe('packChunk / unpackChunk', () => {
  it('gives back equal files: every import kind, names, errors, unreadable files, fingerprints or none', () => {
    const chunk: ParsedFile[] = [
      {
        path: 'packages/a/src/ünïcode.ts',
        size: 120,
        imports: IMPORT_KINDS.map((kind, i) => ({
          specifier: `./m${i % 3}`,
          kind,
          line: i + 1,
          start: i * 10,
          end: i * 10 + 4,
          names: i % 2 ? ['default', 'x'] : [],
        })),
        errors: [],
        fingerprint: { tokens: 80, hash: 'abc123', shingles: Uint32Array.from([1, 2, 0xffffffff]) },
      },
      { path: 'packages/a/src/broken.ts', size: 9, imports: [], errors: ['Unexpected token (1:4)', 'Unexpected token (1:4)'] },
      { path: 'packages/a/src/gone.ts', size: 0, imports: [], errors: [], readError: 'EACCES' },
      {
        path: 'packages/b/src/index.ts',
        size: 40,
        imports: [{ specifier: '@x/a', kind: 'export', line: 1, start: 15, end: 19, names: ['*'] }],
        errors: [],
        fingerprint: { tokens: 61, hash: 'abc123', shingles: Uint32Array.from([7]) },
      },
    ];
    const packed = packChunk(chunk);
    // Each string once: the repeated specifiers, error and hash are not sent twice.
    expect(packed.strings.filter((text) => text === 'abc123')).toHaveLength(1);
    expect(packed.strings.filter((text) => text === './m0')).toHaveLength(1);
    expect(unpackChunk(packed)).toEqual(chunk);
  });

  it('packs an empty chunk', () => {
    expect(unpackChunk(packChunk([]))).toEqual([]);
  });
});
