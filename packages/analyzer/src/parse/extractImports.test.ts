import { describe, expect, it } from 'vitest';
import { extractImports } from './extractImports.js';

/** The expected edge for the n-th quoted occurrence of `specifier` in `source` (UTF-16 offsets). */
function at(source: string, kind: string, specifier: string, line: number, nth = 0) {
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    const found = ["'", '"', '`'].map((quote) => source.indexOf(`${quote}${specifier}${quote}`, index + 1)).filter((n) => n !== -1);
    if (found.length === 0) throw new Error(`${specifier} is not in the source`);
    index = Math.min(...found);
  }
  return { kind, specifier, line, start: index + 1, end: index + 1 + specifier.length };
}

/** The edges without `names`, to compare with `at(...)`. */
function edges(source: string, file = 'src/x.ts') {
  const out = extractImports(file, source);
  for (const edge of out.imports) expect(source.slice(edge.start, edge.end)).toBe(edge.specifier);
  return out.imports.map(({ kind, specifier, line, start, end }) => ({ kind, specifier, line, start, end }));
}

const EVERY_FORM = [
  '// Ünïcödé 🎉🎉 — comments before imports: offsets are UTF-16 code units, not UTF-8 bytes.',
  "import a from './a';",
  "import './side-effect';",
  "import * as ns from './ns';",
  "import type { T } from './types';",
  "import { type A, b } from './mixed';",
  "export * from './star';",
  "export { x as y } from './named';",
  "export type { U } from './type-export';",
  "import eq = require('./import-equals');",
  "const r = require('./required');",
  "const p = require.resolve('./resolved');",
  "const d = () => import('./dynamic');",
  'const t = () => import(`./template`);',
  "type Q = typeof import('./type-query');",
  "vi.mock('./mocked', () => ({}));",
  "const real = await vi.importActual('./actual');",
  "jest.mock('./jest-mocked');",
  "/* import z from './in-comment'; */ // require('./in-line-comment')",
  'const text = "import(\'./in-string\')";',
].join('\n');

describe('extractImports: every import form', () => {
  it('gives kind, specifier, line and exact UTF-16 offsets for each', () => {
    const s = EVERY_FORM;
    expect(edges(s)).toEqual([
      at(s, 'import', './a', 2),
      at(s, 'import', './side-effect', 3),
      at(s, 'import', './ns', 4),
      at(s, 'import-type', './types', 5),
      at(s, 'import', './mixed', 6),
      at(s, 'export', './star', 7),
      at(s, 'export', './named', 8),
      at(s, 'export-type', './type-export', 9),
      at(s, 'import-equals', './import-equals', 10),
      at(s, 'require', './required', 11),
      at(s, 'require-resolve', './resolved', 12),
      at(s, 'dynamic-import', './dynamic', 13),
      at(s, 'dynamic-import', './template', 14),
      at(s, 'import-type', './type-query', 15),
      at(s, 'mock', './mocked', 16),
      at(s, 'mock', './actual', 17),
      at(s, 'mock', './jest-mocked', 18),
    ]);
  });

  it('offsets are UTF-16: a literal check after astral characters', () => {
    const source = "// 🎉é\nimport a from './a';";
    // '// 🎉é\n' is 7 UTF-16 units (the emoji is 2) but 10 UTF-8 bytes; the quote is at 21.
    expect(edges(source)).toEqual([{ kind: 'import', specifier: './a', line: 2, start: 22, end: 25 }]);
  });

  it('records the binding names', () => {
    const names = extractImports('x.ts', EVERY_FORM).imports.map((edge) => [edge.specifier, edge.names]);
    expect(Object.fromEntries(names)).toMatchObject({
      './a': ['default'],
      './side-effect': [],
      './ns': ['*'],
      './types': ['T'],
      './mixed': ['A', 'b'],
      './star': ['*'],
      './named': ['x'],
      './required': [],
    });
  });

  it('tells `export * as ns from` (the names stay inside `ns`) from `export * from`, on every reader', async () => {
    const { lexImports } = await import('./lexImports.js');
    const { LineIndex } = await import('./lineIndex.js');
    const source =
      "export * as ns from './x';\nexport * from './y';\nexport type * as T from './t';\nimport * as z from './z';\nexport * as default from './d';\nexport * as 'a b' from './s';\n";
    const expected = [['* as ns'], ['*'], ['* as T'], ['*'], ['* as default'], ['* as a b']];
    expect(extractImports('x.ts', source).imports.map((edge) => edge.names)).toEqual(expected);
    expect(extractImports('x.ts', source, { parser: 'oxc' }).imports.map((edge) => edge.names)).toEqual(expected);
    expect(lexImports(source, new LineIndex(source), { jsx: false, hints: 0 })?.map((edge) => edge.names)).toEqual(expected);
  });

  it('a `/// <reference path>` at the top of a file', () => {
    const source = '/// <reference path="./globals.d.ts" />\n/// <reference types="node" />\nexport {};';
    expect(edges(source)).toEqual([at(source, 'reference', './globals.d.ts', 1)]);
  });

  it('`import type X = require()` is type-only; `import {} from` is a value import', () => {
    const source = "import type X = require('./tx');\nimport type {} from './te';\nimport {} from './empty';\nimport { type Only } from './inline-type';";
    expect(edges(source)).toEqual([
      at(source, 'import-type', './tx', 1),
      at(source, 'import-type', './te', 2),
      at(source, 'import', './empty', 3),
      at(source, 'import-type', './inline-type', 4),
    ]);
  });

  it('the line of a multi-line import is the line of its specifier; CRLF counts as one line break', () => {
    const source = "import {\r\n  a,\r\n  b,\r\n} from './multi';\r\nimport c from './c';";
    expect(edges(source)).toEqual([at(source, 'import', './multi', 4), at(source, 'import', './c', 5)]);
  });

  it('a dynamic import with a comment before its parenthesis, after non-ASCII text', () => {
    const source = "// 日本語 🎉\nexport const load = () => import /* lazy */ ('./lazy');\nexport const t = () => import(`./tpl`);";
    expect(edges(source)).toEqual([at(source, 'dynamic-import', './lazy', 2), at(source, 'dynamic-import', './tpl', 3)]);
    const withoutCallText = "// 日本語 🎉\nexport const load = () => import /* lazy */ ('./lazy');";
    expect(edges(withoutCallText)).toEqual([at(withoutCallText, 'dynamic-import', './lazy', 2)]);
  });

  it('every mock helper of vitest and jest', () => {
    const source = [
      "vi.doMock('./a');",
      "vi.unmock('./b');",
      "vi.importMock('./c');",
      "jest.requireActual('./d');",
      "jest.requireMock('./e');",
      "jest.unmock('./f');",
    ].join('\n');
    expect(edges(source, 'src/x.test.ts').map((e) => `${e.kind} ${e.specifier}`)).toEqual([
      'mock ./a',
      'mock ./b',
      'mock ./c',
      'mock ./d',
      'mock ./e',
      'mock ./f',
    ]);
  });

  it('CommonJS in a .cjs file and createRequire in a .mjs file', () => {
    const cjs = "'use strict';\nconst { EventEmitter } = require('node:events');\nmodule.exports = require('./impl.cjs');";
    expect(edges(cjs, 'src/x.cjs')).toEqual([at(cjs, 'require', 'node:events', 2), at(cjs, 'require', './impl.cjs', 3)]);
    const mjs = "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\nconst pool = require('./pool.cjs');";
    expect(edges(mjs, 'src/x.mjs')).toEqual([at(mjs, 'import', 'node:module', 1), at(mjs, 'require', './pool.cjs', 3)]);
  });
});

describe('extractImports: what is not an import', () => {
  it('ignores non-literal import() and require(), and template literals with substitutions', () => {
    // biome-ignore-start lint/suspicious/noTemplateCurlyInString: source text under test
    const source = [
      "const name = './x';",
      'await import(name);',
      'await import(`./plugins/${name}`);',
      "await import('./a' + name);",
      'require(name);',
      'require.resolve(`${name}/b`);',
      'vi.mock(name);',
      "await import('./kept');",
    ].join('\n');
    // biome-ignore-end lint/suspicious/noTemplateCurlyInString: source text under test
    expect(edges(source)).toEqual([at(source, 'dynamic-import', './kept', 8)]);
  });

  it('ignores calls that only look like require: other objects, aliases, methods', () => {
    const source = "const r = require;\nr('./alias');\nfoo.require('./method');\nmodule.require?.('./optional');\nother.mock('./not-a-runner');";
    expect(edges(source)).toEqual([]);
  });

  it('ignores module names in comments and strings', () => {
    const source = "// import a from './a'\n/* require('./b') */\nconst s = \"import('./c')\";\nconst t = `export * from './d'`;";
    expect(edges(source)).toEqual([]);
  });

  it('a local `export { x }` of an imported binding is not another edge', () => {
    // `export { a }` has no `from`: the only import of './x' is the import statement.
    const source = "import { a, type T } from './x';\nexport { a };\nexport type { T };\nexport const local = 1;";
    expect(edges(source)).toEqual([at(source, 'import', './x', 1)]);
  });
});

describe('extractImports: the full parse', () => {
  it('keeps one record per dynamic import where oxc lists it twice (a destructuring assignment)', () => {
    const source = "let reset;\n({ reset } = await import('./error'));\nexport {};\n";
    expect(extractImports('x.ts', source, { parser: 'oxc' }).imports.map((edge) => `${edge.kind} ${edge.specifier}`)).toEqual(['dynamic-import ./error']);
    expect(extractImports('x.ts', source).imports.map((edge) => `${edge.kind} ${edge.specifier}`)).toEqual(['dynamic-import ./error']);
  });
});

describe('extractImports: syntax errors', () => {
  it('JSX in a .js file is not a syntax error', () => {
    const source =
      "import React from 'react';\nimport { lazy } from 'react';\nconst Page = lazy(() => import('./page'));\nexport default function App() {\n  return <main><Page /></main>;\n}\n";
    const out = extractImports('src/App.js', source);
    expect(out.errors).toEqual([]);
    expect(out.imports.map((edge) => edge.specifier)).toEqual(['react', 'react', './page']);
  });

  it('reports the error and keeps the imports read before it', () => {
    const source = "import { slugify } from '@brk/util';\n\nexport const parts = path.split('/').filter(Boolean;\n";
    const out = extractImports('src/parser.ts', source);
    expect(out.errors.length).toBeGreaterThan(0);
    expect(out.imports.map(({ kind, specifier, line }) => ({ kind, specifier, line }))).toEqual([{ kind: 'import', specifier: '@brk/util', line: 1 }]);
  });

  it('a clean file has no errors', () => {
    expect(extractImports('src/ok.ts', EVERY_FORM).errors).toEqual([]);
  });
});
