import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dirnameRel, isFixtureFile, isTestFile, joinRel, relocate } from './paths.js';

const shared = { dir: 'packages/shared', sourceRoot: 'packages/shared/src' };
const mcp = { dir: 'packages/mcp', sourceRoot: 'packages/mcp/src' };
const flat = { dir: 'packages/lib', sourceRoot: 'packages/lib' };

describe('relocate', () => {
  it('keeps the path inside the source root', () => {
    expect(relocate(['packages/shared/src/mcp/client.ts', 'packages/shared/src/mcp/transport.ts'], shared, mcp)).toEqual({
      files: [
        { from: 'packages/shared/src/mcp/client.ts', to: 'packages/mcp/src/mcp/client.ts' },
        { from: 'packages/shared/src/mcp/transport.ts', to: 'packages/mcp/src/mcp/transport.ts' },
      ],
      targetDir: 'packages/mcp/src/mcp',
    });
  });

  it('targets the common folder of files in different folders', () => {
    expect(relocate(['packages/shared/src/a/x.ts', 'packages/shared/src/a/b/y.ts', 'packages/shared/src/z.ts'], shared, mcp).targetDir).toBe(
      'packages/mcp/src',
    );
    expect(relocate(['packages/shared/src/a/x.ts', 'packages/shared/src/a/b/y.ts'], shared, mcp).targetDir).toBe('packages/mcp/src/a');
  });

  it('keeps the path inside the package folder when a file is outside the source root', () => {
    expect(relocate(['packages/shared/src/a.ts', 'packages/shared/test/a.test.ts'], shared, mcp)).toEqual({
      files: [
        { from: 'packages/shared/src/a.ts', to: 'packages/mcp/src/a.ts' },
        { from: 'packages/shared/test/a.test.ts', to: 'packages/mcp/test/a.test.ts' },
      ],
      targetDir: 'packages/mcp',
    });
  });

  it('puts the files of a package without src/ under the target source root', () => {
    expect(relocate(['packages/lib/server/a.ts'], flat, mcp).files[0]?.to).toBe('packages/mcp/src/server/a.ts');
    expect(relocate(['packages/shared/src/x/a.ts'], shared, flat).files[0]?.to).toBe('packages/lib/x/a.ts');
  });

  it('works for the root package', () => {
    expect(relocate(['src/a/x.ts'], { dir: '.', sourceRoot: 'src' }, mcp).files[0]?.to).toBe('packages/mcp/src/a/x.ts');
    expect(relocate(['tools/x.ts'], { dir: '.', sourceRoot: '.' }, mcp).files[0]?.to).toBe('packages/mcp/src/tools/x.ts');
  });
});

describe('isTestFile / isFixtureFile', () => {
  it('knows tests, type tests, cypress specs and fixtures', () => {
    for (const file of ['src/a.test.ts', 'src/__tests__/a.ts', 'src/a.test-d.ts', 'cypress/e2e/a.cy.ts', 'transforms/x/__testfixtures__/basic.input.ts']) {
      expect(isTestFile(file), file).toBe(true);
    }
    expect(isTestFile('src/contest.ts')).toBe(false);
    expect(isFixtureFile('test/e2e/fixtures/app/index.ts')).toBe(true);
    expect(isFixtureFile('src/fixture.ts')).toBe(false);
  });
});

describe('joinRel', () => {
  /** The definition joinRel's scan must match. */
  const reference = (...parts: string[]) => {
    const joined = path.posix.normalize(path.posix.join(...parts));
    return joined === '' ? '.' : joined.replace(/\/$/, '');
  };

  it('normalises like path.posix', () => {
    expect(joinRel('packages/a/src', './x')).toBe('packages/a/src/x');
    expect(joinRel('packages/a/src', '../lib/x.js')).toBe('packages/a/lib/x.js');
    expect(joinRel('.', 'index')).toBe('index');
    expect(joinRel('a', '../../b')).toBe('../b');
    expect(joinRel('a/', './')).toBe('a');
    expect(joinRel('', '')).toBe('.');
    expect(joinRel('/')).toBe('');
  });

  it('agrees with path.posix on every small combination of segments', () => {
    const pieces = ['a', 'bc', '.', '..', '', '...', '.x', 'x.'];
    let paths = [''];
    for (let length = 1; length <= 4; length++)
      paths = [...paths, ...paths.filter((p) => p.split('/').length === length).flatMap((p) => pieces.map((x) => `${p}/${x}`))];
    for (const joined of paths) {
      const relative = joined.slice(1);
      const bases = ['packages/x/src', 'a', '.', '..', 'a/..', '../a', 'a/', '/a', 'a//b', '.x/y', 'x./..y'];
      for (const parts of [[relative], [`/${relative}`], relative.split(/(?<=^[^/]*)\//), ...bases.map((base) => [base, relative])]) {
        expect(joinRel(...parts), parts.join(' , ')).toBe(reference(...parts));
      }
    }
  });
});

describe('dirnameRel', () => {
  it('agrees with path.posix.dirname', () => {
    for (const file of ['a', 'a/b', 'a/b/c.ts', 'a//b', 'a/b/', '/a', '/', '', '.', 'a/.', './a', '../a', '//a', 'a///', '///a/b', 'a/b//c', 'a//']) {
      expect(dirnameRel(file), file).toBe(path.posix.dirname(file));
    }
  });
});
