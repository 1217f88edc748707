import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractImports } from './extractImports.js';
import { lexImports } from './lexImports.js';
import { LineIndex } from './lineIndex.js';
import { readModule } from './scanner.js';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');

/** Every JS/TS source file under `dir`, skipping dependencies and build output. */
function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules' || entry.name === 'dist') continue;
    const child = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(child));
    else if (/\.[cm]?[jt]sx?$/.test(entry.name)) out.push(child);
  }
  return out;
}

const comparable = (file: string, source: string, parser: 'auto' | 'oxc') =>
  extractImports(file, source, { parser }).imports.map(({ specifier, kind, line, start, end, names }) => ({ specifier, kind, line, start, end, names }));

describe('lexImports: the fast path gives what the full parse gives', () => {
  it('on every source file of this repo and its fixtures (real code in many styles)', () => {
    const files = [
      ...sourceFiles(path.join(repoRoot, 'packages')),
      ...sourceFiles(path.join(repoRoot, 'fixtures')),
      ...sourceFiles(path.join(repoRoot, 'tests')),
    ];
    expect(files.length).toBeGreaterThan(200);
    let lexed = 0;
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      if (extractImports(file, source, { parser: 'oxc' }).errors.length > 0) continue;
      if (lexImports(source, new LineIndex(source))) lexed++;
      expect(comparable(file, source, 'auto'), file).toEqual(comparable(file, source, 'oxc'));
    }
    // Most files take the lexer path, so the comparison above is about it.
    expect(lexed).toBeGreaterThan(files.length / 2);
  });

  it('names and type-only flags of every ESM form', () => {
    const source = [
      "import D, * as E from './d';",
      "import F, { g, type H, 'quoted' as q } from './f';",
      "import type { I } from './i';",
      "import type J from './j';",
      "import { type K, type L } from './k';",
      "import {} from './empty';",
      "import type {} from './type-empty';",
      "import { /* a comment, with a comma */ m } from './m';",
      "export { n as o, default as p } from './n';",
      "export { type R, s } from './r';",
      "export type { T } from './t';",
      "export type * from './type-star';",
      "export * as ns from './ns';",
      "export * from './star';",
      "const lazy = () => import('./lazy');",
      "import type X = require('./x-type');",
      'import.meta.url;',
    ].join('\n');
    const lexed = lexImports(source, new LineIndex(source));
    const read = readModule('x.ts', source)?.imports;
    // The one-pass reader (the default path) and the lexer (its fallback) read them alike.
    expect(read?.map(({ specifier, kind, names }) => [specifier, kind, names.join(',')])).toEqual(
      lexed?.map(({ specifier, kind, names }) => [specifier, kind, names.join(',')]),
    );
    expect(lexed?.map(({ specifier, kind, names }) => [specifier, kind, names.join(',')])).toEqual([
      ['./d', 'import', 'default,*'],
      ['./f', 'import', 'default,g,H,quoted'],
      ['./i', 'import-type', 'I'],
      ['./j', 'import-type', 'default'],
      ['./k', 'import-type', 'K,L'],
      ['./empty', 'import', ''],
      ['./type-empty', 'import-type', ''],
      ['./m', 'import', 'm'],
      ['./n', 'export', 'n,default'],
      ['./r', 'export', 'R,s'],
      ['./t', 'export-type', 'T'],
      ['./type-star', 'export-type', '*'],
      ['./ns', 'export', '* as ns'],
      ['./star', 'export', '*'],
      ['./lazy', 'dynamic-import', ''],
      ['./x-type', 'import-type', ''],
    ]);
    expect(comparable('x.ts', source, 'auto')).toEqual(comparable('x.ts', source, 'oxc'));
  });

  it('a JSX component: the import header is lexed alone when nothing after it can import', () => {
    const tsx =
      "import { Card } from './card';\nimport type { Props } from './types';\n\nexport function Page(p: Props) {\n  return <Card title=\"don't\">{p.children}</Card>;\n}\n";
    const lexed = lexImports(tsx, new LineIndex(tsx), { jsx: true });
    expect(lexImports(tsx, new LineIndex(tsx))).toBeUndefined();
    expect(lexed?.map((edge) => `${edge.kind} ${edge.specifier}`)).toEqual(['import ./card', 'import-type ./types']);
    expect(comparable('page.tsx', tsx, 'auto')).toEqual(comparable('page.tsx', tsx, 'oxc'));
  });

  it('gives up (so oxc parses the file) when a JSX body may hold an import', () => {
    const lazy = "import { lazy } from 'react';\nconst Chart = lazy(() => import('./chart'));\nexport const A = () => <div><Chart /></div>;";
    expect(lexImports(lazy, new LineIndex(lazy), { jsx: true })).toBeUndefined();
    expect(extractImports('a.tsx', lazy).imports.map((edge) => edge.specifier)).toEqual(['react', './chart']);
    const tail = "import React from 'react';\nexport const A = () => <p>x</p>;\nexport { B } from './b';";
    expect(lexImports(tail, new LineIndex(tail), { jsx: true })).toBeUndefined();
    expect(extractImports('a.tsx', tail).imports.map((edge) => edge.specifier)).toEqual(['react', './b']);
  });
});
