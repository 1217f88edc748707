import { describe, expect, it } from 'vitest';
import { analysisSchema } from '../helpers/analysis.js';
import { validateSchema } from '../helpers/validateSchema.js';

/** A minimal valid version-1 document, cloned and broken by each case below. */
function validDoc() {
  return {
    version: 1,
    root: '/tmp/repo',
    packages: [{ name: '@acme/shared', dir: 'packages/shared', files: 2, dependsOn: ['@acme/mcp'], dependents: [] }],
    stats: { files: 2, edges: 1, ms: 5 },
    findings: {
      misplaced: [
        {
          id: 'M1',
          files: ['packages/shared/src/mcp/client.ts'],
          from: '@acme/shared',
          to: '@acme/mcp',
          targetDir: 'packages/mcp/src/mcp',
          score: 0.9,
          reasons: ['imported only by @acme/mcp (3 files)'],
        },
      ],
      duplicates: [{ id: 'D1', files: ['packages/a/src/x.ts', 'packages/b/src/y.ts'], similarity: 0.97 }],
      cycles: [
        {
          id: 'C1',
          packages: ['@acme/shared', '@acme/mcp'],
          edges: [
            { from: 'packages/shared/src/db.ts', to: 'packages/mcp/src/r.ts', specifier: '@acme/mcp/r' },
            { from: 'packages/mcp/src/r.ts', to: 'packages/shared/src/db.ts', specifier: '@acme/shared/db' },
          ],
        },
      ],
      undeclared: [{ package: '@acme/shared', dependency: '@acme/mcp', files: ['packages/shared/src/db.ts'] }],
      unused: [{ package: '@acme/app', dependency: '@acme/util', field: 'dependencies' }],
      boundaries: [{ rule: 'shared-is-a-leaf', from: 'packages/shared/src/db.ts', to: 'packages/mcp/src/r.ts' }],
      unresolved: [{ file: 'packages/app/src/a.ts', specifier: './missing', reason: 'no such file', line: 3 }],
      problems: [{ file: 'packages/legacy/package.json', message: 'invalid JSON', hint: 'fix it' }],
    },
    modules: [
      {
        path: 'packages/shared/src/db.ts',
        package: '@acme/shared',
        imports: [{ specifier: '@acme/mcp/r', kind: 'import', resolved: 'packages/mcp/src/r.ts', line: 1 }],
      },
    ],
  };
}

type Doc = ReturnType<typeof validDoc>;

describe('analysis.schema.json + validateSchema', () => {
  it('accepts a complete version-1 document (with and without modules)', () => {
    expect(validateSchema(validDoc(), analysisSchema)).toEqual([]);
    const { modules: _modules, ...withoutModules } = validDoc();
    expect(validateSchema(withoutModules, analysisSchema)).toEqual([]);
  });

  const broken: [string, (doc: Doc) => void, string][] = [
    ['a wrong version', (d) => Object.assign(d, { version: 2 }), '/version: 2 is not one of [1]'],
    ['a missing top-level key', (d) => Reflect.deleteProperty(d, 'stats'), '/: missing required "stats"'],
    ['an unknown top-level key', (d) => Object.assign(d, { extra: true }), '/extra: unknown property'],
    ['a missing finding kind', (d) => Reflect.deleteProperty(d.findings, 'problems'), '/findings: missing required "problems"'],
    ['an unknown finding kind', (d) => Object.assign(d.findings, { smells: [] }), '/findings/smells: unknown property'],
    ['a negative file count', (d) => Object.assign(d.stats, { files: -1 }), '/stats/files: -1 < minimum 0'],
    ['a fractional edge count', (d) => Object.assign(d.stats, { edges: 1.5 }), '/stats/edges: expected integer, got number'],
    ['a score above 1', (d) => Object.assign(d.findings.misplaced[0] as object, { score: 1.2 }), '/findings/misplaced/0/score: 1.2 > maximum 1'],
    [
      'a string similarity',
      (d) => Object.assign(d.findings.duplicates[0] as object, { similarity: '0.9' }),
      '/findings/duplicates/0/similarity: expected number, got string',
    ],
    [
      'a misplaced group without targetDir',
      (d) => Reflect.deleteProperty(d.findings.misplaced[0] as object, 'targetDir'),
      '/findings/misplaced/0: missing required "targetDir"',
    ],
    ['a bad finding id', (d) => Object.assign(d.findings.cycles[0] as object, { id: 'X1' }), '/findings/cycles/0/id: does not match ^C[1-9][0-9]*$'],
    ['a non-string in dependsOn', (d) => Object.assign(d.packages[0] as object, { dependsOn: [3] }), '/packages/0/dependsOn/0: expected string, got number'],
    [
      'an unknown import kind',
      (d) => Object.assign(d.modules[0]?.imports[0] as object, { kind: 'include' }),
      '/modules/0/imports/0/kind: "include" is not one of',
    ],
    ['packages as an object', (d) => Object.assign(d, { packages: {} }), '/packages: expected array, got object'],
    [
      'an undeclared finding with no files',
      (d) => Object.assign(d.findings.undeclared[0] as object, { files: [] }),
      '/findings/undeclared/0/files: fewer than 1 items',
    ],
    [
      'a Windows path',
      (d) => Object.assign(d.findings.unresolved[0] as object, { file: 'packages\\app\\a.ts' }),
      '/findings/unresolved/0/file: does not match',
    ],
  ];
  for (const [what, breakIt, expected] of broken) {
    it(`rejects ${what}`, () => {
      const doc = validDoc();
      breakIt(doc);
      const errors = validateSchema(doc, analysisSchema);
      expect(errors.length).toBeGreaterThan(0);
      expect(
        errors.some((e) => e.startsWith(expected)),
        errors.join('\n'),
      ).toBe(true);
    });
  }

  it('reports every problem of a malformed document, not only the first', () => {
    const errors = validateSchema({ version: '1', root: 7, packages: [], stats: {}, findings: {} }, analysisSchema);
    expect(errors).toContain('/version: "1" is not one of [1]');
    expect(errors).toContain('/root: expected string, got number');
    expect(errors).toContain('/stats: missing required "ms"');
    expect(errors.filter((e) => e.startsWith('/findings: missing required')).length).toBe(8);
  });

  it('refuses a schema keyword it does not implement, and an unresolvable $ref', () => {
    expect(() => validateSchema(1, { oneOf: [] })).toThrow(/unsupported keyword "oneOf"/);
    expect(() => validateSchema(1, { $ref: '#/$defs/nope' })).toThrow(/cannot resolve \$ref/);
  });
});
