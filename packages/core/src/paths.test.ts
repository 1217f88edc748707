import { describe, expect, it } from 'vitest';
import { isFixtureFile, isTestFile, relocate } from './paths.js';

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
