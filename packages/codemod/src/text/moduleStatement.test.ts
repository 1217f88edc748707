import { describe, expect, it } from 'vitest';
import { applyEdits, statementRemovalRange } from './edits.js';
import { scanExports } from './exportNames.js';
import { statementAtSpecifier } from './moduleStatement.js';

const at = (source: string, spec: string) => statementAtSpecifier(source, source.indexOf(spec));

describe('statementAtSpecifier', () => {
  it('reads named, default, type and renamed entries', () => {
    const source = "// lead\nimport Def, { a, type B, c as d, type as, type as as, type as as e } from '@x/y' with { type: 'json' };\nconst z = 1;";
    const statement = at(source, '@x/y');
    expect(statement).toMatchObject({ keyword: 'import', typeOnly: false, defaultName: 'Def', semicolon: true });
    expect(statement?.named?.entries.map(({ typeOnly, imported, local }) => ({ typeOnly, imported, local }))).toEqual([
      { typeOnly: false, imported: 'a', local: 'a' },
      { typeOnly: true, imported: 'B', local: 'B' },
      { typeOnly: false, imported: 'c', local: 'd' },
      { typeOnly: true, imported: 'as', local: 'as' },
      { typeOnly: false, imported: 'type', local: 'as' },
      { typeOnly: true, imported: 'as', local: 'e' },
    ]);
    expect(source.slice(statement?.start, statement?.end)).toBe(
      "import Def, { a, type B, c as d, type as, type as as, type as as e } from '@x/y' with { type: 'json' };",
    );
  });

  it('reads export forms across lines and comments, and skips look-alikes', () => {
    const source = "export type {\n  A, // first\n  B as C,\n} from \"./types.js\"\nexport * as ns from './ns';\nexport * from './all'\n";
    expect(at(source, './types.js')).toMatchObject({ keyword: 'export', typeOnly: true, semicolon: false, spec: { quote: '"', value: './types.js' } });
    expect(at(source, './ns')).toMatchObject({ namespace: 'ns', star: false });
    expect(at(source, './all')).toMatchObject({ star: true });
    expect(at("const x = require('./r');", './r')).toBeUndefined();
    expect(at("const m = await import('./m');", './m')).toBeUndefined();
    expect(at("import x = require('./eq');", './eq')).toBeUndefined();
  });

  it('removes a statement with its line', () => {
    const source = "export * from './a';\n  export * from './b';\nexport * from './c';\n";
    const statement = at(source, './b');
    const range = statementRemovalRange(source, statement?.start ?? 0, statement?.end ?? 0);
    expect(applyEdits(source, [{ ...range, text: '' }])).toBe("export * from './a';\nexport * from './c';\n");
  });
});

describe('scanExports', () => {
  it('lists declarations, lists, defaults and namespaces', () => {
    const source = [
      'export const a = 1;',
      'export async function b() {}',
      'export default class {}',
      'export interface I {}',
      'export type T = string;',
      'export const enum E { X }',
      'export declare namespace N {}',
      'export { x as y, type Z };',
      "export * as ns from './ns';",
      "export * from './star';",
      'export const { p, q: r, ...rest } = obj;',
      '  export const nested = 1;',
    ].join('\n');
    const scanned = scanExports(source);
    expect([...scanned.names].sort()).toEqual(['E', 'I', 'N', 'T', 'Z', 'a', 'b', 'default', 'ns', 'p', 'r', 'rest', 'y'].sort());
    expect(scanned.starSpecifiers).toEqual([source.indexOf('./star')]);
  });
});
