import { describe, expect, it } from 'vitest';
import { extractImports } from './extractImports.js';
import { findModuleCalls } from './scanner.js';

/** The calls found, as `kind specifier`; undefined when the scanner leaves the file to oxc. */
function calls(source: string): string[] | undefined {
  return findModuleCalls(source)?.map((call) => `${call.kind} ${source.slice(call.start, call.end)}`);
}

/** What the full parse (oxc) reports for the same calls. */
function oxcCalls(source: string): string[] {
  return extractImports('x.ts', source, { parser: 'oxc' })
    .imports.filter((record) => record.kind === 'require' || record.kind === 'require-resolve' || record.kind === 'mock')
    .map((record) => `${record.kind} ${record.specifier}`);
}

describe('findModuleCalls: module-path calls read by the scanner instead of an AST', () => {
  it('finds require, require.resolve and the test-runner mock methods, with type arguments', () => {
    const source = [
      "const a = require('a');",
      'const b = require.resolve("b");',
      "vi.mock('./c', () => ({}));",
      "jest.requireActual('d');",
      'const e = await vi.importActual<typeof import_e>(`e`);',
      "const f = await vi.importMock<{ run: () => void; n: Array<number> }>('f');",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a template literal in the source under test.
      'const g = `${require("g")}`;',
    ].join('\n');
    const expected = ['require a', 'require-resolve b', 'mock ./c', 'mock d', 'mock e', 'mock f', 'require g'];
    expect(calls(source)).toEqual(expected);
    expect(oxcCalls(source)).toEqual(expected);
  });

  it('leaves out what is not such a call, as the full parse does', () => {
    const source = [
      "obj.require('a');",
      "new require('b');",
      "import c = require('c');",
      "require('d' + suffix);",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a template literal in the source under test.
      'require(`e${x}`);',
      "require('f\\\\g');",
      "vi.fn('h');",
      "a.vi.mock('i');",
      "// require('j')",
      'const k = \'require("k")\';',
      'const l = /require\\("l"\\)/;',
      "if (ok) /'/.test(s); require('m');",
    ].join('\n');
    expect(calls(source)).toEqual(['require m']);
    expect(oxcCalls(source)).toEqual(['require m']);
  });

  it('gives up where its reading could be wrong: JSX, a / after a closing brace, optional calls, non-ASCII code', () => {
    expect(calls("const a = <div>Don't</div>;\nrequire('x');")).toBeUndefined();
    expect(calls("const o = {} / 2;\nrequire('x');")).toBeUndefined();
    expect(calls("const s = 'unterminated\nrequire('x');")).toBeUndefined();
    expect(calls("const café = require('x');")).toBeUndefined();
    expect(calls("const a =\u00a0require('x');")).toBeUndefined();
    // Optional and parenthesised calls: left to the full parse, whatever it makes of them.
    for (const source of ["require?.('x');", "vi?.mock('x');", "vi.mock?.('x');", "(require)('x');"]) {
      expect(calls(source), source).toBeUndefined();
      expect(extractImports('x.ts', source).imports, source).toEqual(extractImports('x.ts', source, { parser: 'oxc' }).imports);
    }
  });

  it('reads non-ASCII strings and comments, with offsets in UTF-16 units', () => {
    const source = "\ufeff// Größe 🚀\nconst s = 'naïve';\nvi.mock('./ü-module', () => ({}));\nrequire(`./x`);\n";
    expect(calls(source)).toEqual(['mock ./ü-module', 'require ./x']);
    expect(oxcCalls(source)).toEqual(['mock ./ü-module', 'require ./x']);
  });

  it('is what extractImports uses for a test file with mocks', () => {
    const source = "import { it } from 'vitest';\nimport { run } from './run';\nvi.mock('./run');\nit('runs', () => run());\n";
    const auto = extractImports('run.test.ts', source).imports.map(({ specifier, kind, line }) => `${kind} ${specifier} ${line}`);
    const full = extractImports('run.test.ts', source, { parser: 'oxc' }).imports.map(({ specifier, kind, line }) => `${kind} ${specifier} ${line}`);
    expect(auto).toEqual(['import vitest 1', 'import ./run 2', 'mock ./run 3']);
    expect(auto).toEqual(full);
  });
});
