import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MoveError } from '@monorefactor/core';
import { afterEach, describe, expect, it } from 'vitest';
import { makeRepo, read, removeRepo } from '../testing/tempRepo.js';
import { applyChangeSet } from './applyChangeSet.js';

describe('applyChangeSet', () => {
  let root = '';
  afterEach(() => removeRepo(root));

  it('creates, rewrites, renames assets, deletes and prunes emptied directories', async () => {
    root = await makeRepo({ 'a/deep/x.ts': 'old', 'a/deep/data.bin': 'BIN', 'b/y.ts': 'y1' });
    await applyChangeSet(root, {
      moveId: 'M1',
      changes: [
        { path: 'a/deep/x.ts', before: 'old', after: null },
        { path: 'c/new/x.ts', before: null, after: 'new' },
        { path: 'b/y.ts', before: 'y1', after: 'y2' },
      ],
      renames: [
        { from: 'a/deep/x.ts', to: 'c/new/x.ts' },
        { from: 'a/deep/data.bin', to: 'c/new/data.bin' },
      ],
      warnings: [],
      specifierChanges: [],
    });
    expect(await read(root, 'c/new/x.ts')).toBe('new');
    expect(await read(root, 'c/new/data.bin')).toBe('BIN');
    expect(await read(root, 'b/y.ts')).toBe('y2');
    expect(existsSync(path.join(root, 'a'))).toBe(false);
  });

  it('refuses, writing nothing, when a file changed since the change set was computed', async () => {
    root = await makeRepo({ 'b/y.ts': 'y1', 'b/z.ts': 'z1' });
    await writeFile(path.join(root, 'b/z.ts'), 'edited meanwhile');
    const attempt = applyChangeSet(root, {
      moveId: 'M1',
      changes: [
        { path: 'b/y.ts', before: 'y1', after: 'y2' },
        { path: 'b/z.ts', before: 'z1', after: 'z2' },
      ],
      renames: [],
      warnings: [],
      specifierChanges: [],
    });
    await expect(attempt).rejects.toBeInstanceOf(MoveError);
    await expect(attempt).rejects.toThrow('b/z.ts changed since the move was computed');
    expect(await read(root, 'b/y.ts')).toBe('y1');
  });
});
