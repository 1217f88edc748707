import { describe, expect, it } from 'vitest';
import { extractImports } from './extractImports.js';
import { readModule } from './scanner.js';

/** The records of the one-pass reader as `kind specifier [names]`; undefined when it gives up. */
function read(source: string, file = 'x.ts'): string[] | undefined {
  return readModule(file, source)?.imports.map(({ kind, specifier, names }) => `${kind} ${specifier}${names.length ? ` [${names.join(',')}]` : ''}`);
}

/** The same records from oxc's full parse. */
function oxc(source: string, file = 'x.ts'): string[] {
  return extractImports(file, source, { parser: 'oxc' }).imports.map(
    ({ kind, specifier, names }) => `${kind} ${specifier}${names.length ? ` [${names.join(',')}]` : ''}`,
  );
}

describe('readModule: every import record in one pass of the scanner', () => {
  // The ESM forms lexImports.test.ts lists are checked there for both readers; these are the rest.
  it('reads the other static forms as the full parse does', () => {
    const source = [
      "import type from './default-named-type';",
      "import './side-effect';",
      "import json from './data.json' with { type: 'json' };",
      'export { local };',
      'export const local = 1;',
      "import Y = require('./y');",
      'import Z = Namespace.Inner;',
      "export type { T } from './t';",
    ].join('\n');
    const expected = [
      'import ./default-named-type [default]',
      'import ./side-effect',
      'import ./data.json [default]',
      'import-equals ./y',
      'export-type ./t [T]',
    ];
    expect(read(source)).toEqual(expected);
    expect(oxc(source)).toEqual(expected);
  });

  it('reads import(), require() and test-runner mocks among the statements, in file order', () => {
    const source = [
      "const lazy = () => import('./lazy');",
      "const mod = await import('./awaited').then((m) => m.default);",
      "const cjs = require('./cjs');",
      "const path = require.resolve('./resolved');",
      "vi.mock('./mocked', () => ({}));",
      "const actual = await vi.importActual<typeof import_x>('./actual');",
      'const dynamic = import(`./templated/${name}`);',
      "x.import('./not-an-import');",
    ].join('\n');
    const expected = ['dynamic-import ./lazy', 'dynamic-import ./awaited', 'require ./cjs', 'require-resolve ./resolved', 'mock ./mocked', 'mock ./actual'];
    expect(read(source)).toEqual(expected);
    expect(oxc(source)).toEqual(expected);
  });

  it('gives exact UTF-16 offsets and lines when the file has non-ASCII text (and a byte order mark)', () => {
    const source = "\uFEFF// Größe: 𝒳 ✓\nconst label = 'naïve 😀';\nimport { a } from './ä/b';\n";
    const imports = readModule('x.ts', source)?.imports ?? [];
    expect(imports.map(({ specifier, line, start, end }) => ({ specifier, line, text: source.slice(start, end) }))).toEqual([
      { specifier: './ä/b', line: 3, text: './ä/b' },
    ]);
  });

  it('leaves out imports inside `declare module` blocks and namespaces, as the module record does', () => {
    const source = "declare module '*.vue' {\n  import { DefineComponent } from 'vue';\n  export * from 'vue';\n}\nimport { real } from './real';\n";
    expect(read(source)).toEqual(['import ./real [real]']);
    expect(oxc(source)).toEqual(['import ./real [real]']);
  });

  it('gives up where it cannot be sure (the caller then reads the file the slow way)', () => {
    const cases = {
      'a type import in a type position': "let m: typeof import('./m');",
      'a member of an import type': "function f(a: import('./m').T) {}",
      'a generic arrow in a .tsx file': "import { A } from './a';\nexport const id = <T,>(x: T) => x;",
      'an unclosed bracket (a syntax error)': "import { a } from './a';\nf(a;",
      'an unterminated string': "import { a } from './a';\nconst s = 'abc\n';",
      'a specifier with an escape': "import { a } from './\\x61';",
      'import defer': "import defer * as m from './m';",
      'a non-ASCII identifier': "import { a } from './a';\nconst café = 1;",
      'a `/` after `}`': "import { a } from './a';\nconst x = {} / 2;",
      'an optional call of require': "const m = require?.('./m');",
    };
    for (const [what, source] of Object.entries(cases)) expect(readModule(what.includes('.tsx') ? 'x.tsx' : 'x.ts', source), what).toBeUndefined();
    // extractImports then takes the other path and still finds the imports.
    expect(extractImports('x.tsx', cases['a generic arrow in a .tsx file']).imports.map((edge) => edge.specifier)).toEqual(['./a']);
    expect(extractImports('x.ts', cases['a member of an import type']).imports.map((edge) => `${edge.kind} ${edge.specifier}`)).toEqual(['import-type ./m']);
  });

  it('reads JSX: markup as markup, the JavaScript in `{}` as JavaScript', () => {
    const source = [
      "import React, { lazy } from 'react';",
      "import type { Props } from './types';",
      "const Chart = lazy(() => import('./chart'));",
      'export function Page({ items }: Props) {',
      '  return (',
      '    <>',
      "      <Header title=\"Don't import x from 'y'\" subtitle='a \"quoted\" word' />",
      "      <p className={cls('a', items.length > 2 && 'b')}>It's 3 // not a comment, import z from 'w'</p>",
      '      {items.map((item) => <Row key={item.id} {...item}>{item.name}</Row>)}',
      "      <Slot render={() => require('./slot')} />",
      '      <svg:path d="M0 0" data-x={`${items.length / 2}`} />',
      '      {/* a comment */}',
      '    </>',
      '  );',
      '}',
      'export const ratio = Page.length / 2;',
      "export { Footer } from './footer';",
    ].join('\n');
    const expected = ['import react [default,lazy]', 'import-type ./types [Props]', 'dynamic-import ./chart', 'require ./slot', 'export ./footer [Footer]'];
    expect(read(source, 'page.tsx')).toEqual(expected);
    expect(oxc(source, 'page.tsx')).toEqual(expected);
    // Plain JavaScript with JSX, as React apps write it.
    const js = "import { render } from 'react-dom';\nimport App from './App';\nrender(<App />, document.getElementById('root'));";
    expect(read(js, 'index.js')).toEqual(['import react-dom [render]', 'import ./App [default]']);
  });

  it('gives the same fingerprint to a component read in one pass and by the lenient reading', async () => {
    const { scanSource } = await import('./scanner.js');
    // Ending with an element after a block's `}` (a `<` both readings open JSX at).
    const component = `${Array.from({ length: 12 }, (_, i) => `export const C${i} = ({ a }: P) => <div className="c${i}">{a * ${i}} items</div>;`).join('\n')}\nfunction f() {}\n<C0 a={1} />;`;
    const print = readModule('c.tsx', component, { fingerprint: true })?.fingerprint;
    expect(print).toBeDefined();
    expect(scanSource(component, true, 'c.tsx').fingerprint).toEqual(print);
  });

  it('reads JSX-free .tsx and .js files, and TypeScript type assertions in .ts files', () => {
    expect(read("import { a } from './a';\nexport const n = a < 2 ? 1 : 0;", 'x.tsx')).toEqual(['import ./a [a]']);
    expect(read("import { a } from './a';\nconst v = <number>a;", 'x.ts')).toEqual(['import ./a [a]']);
    expect(read("import { a } from './a';\nconst v = <number>a;", 'x.js')).toBeUndefined();
  });

  it('reads regular expressions, templates and comments without seeing imports in them', () => {
    const source = [
      "const re = /import x from 'y'/g;",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a template literal in the source under test.
      "const t = `import a from 'b' ${f(`nested ${import('./in-template')}`)} end`;",
      "/* import c from 'd' */ // export * from 'e'",
      'if (ok) /export/.test(s);',
      'const half = total / 2 / count;',
      'export { re };',
    ].join('\n');
    expect(read(source)).toEqual(['dynamic-import ./in-template']);
    expect(oxc(source)).toEqual(['dynamic-import ./in-template']);
  });

  it('reuses a text read from an earlier file only when it is the same text', () => {
    const first = readModule('a.ts', "import { shared } from '@scope/package-aaaa';")?.imports[0];
    const again = readModule('b.ts', "import { shared } from '@scope/package-aaaa';\n")?.imports[0];
    const other = readModule('c.ts', "import { Shared } from '@scope/package-bbbb';")?.imports[0];
    expect([first?.specifier, again?.specifier, other?.specifier]).toEqual(['@scope/package-aaaa', '@scope/package-aaaa', '@scope/package-bbbb']);
    expect([first?.names, other?.names]).toEqual([['shared'], ['Shared']]);
  });

  it('gives the fingerprint the scanner gives for the same source', async () => {
    const { scanSource } = await import('./scanner.js');
    const source = Array.from({ length: 20 }, (_, i) => `export function f${i}(a: number) { return a * ${i} + g(a); }`).join('\n');
    expect(readModule('x.ts', source, { fingerprint: true })?.fingerprint).toEqual(scanSource(source, true).fingerprint);
  });
});
