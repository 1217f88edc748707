import { describe, expect, it } from 'vitest';
import { maskNonCode } from './codeMask.js';

describe('maskNonCode', () => {
  it('blanks comments, strings and template text, keeps template expressions and offsets', () => {
    // a template literal as text: `s.v ${s.u + `${s.k}`} s.t`
    const template = ['`s.v $', '{s.u + `$', '{s.k}`} s.t`'].join('');
    const source = `a.b; // s.x\nconst t = 's.y' + "s.z";\n/* s.w */ ${template};\n`;
    const masked = maskNonCode(source);
    expect(masked).toHaveLength(source.length);
    expect([...masked.matchAll(/s\.(\w)/g)].map((m) => m[1])).toEqual(['u', 'k']);
    expect(masked.split('\n')[0]).toBe(`a.b;${' '.repeat(7)}`);
  });

  it('handles escapes and braces outside templates', () => {
    const masked = maskNonCode("const o = { a: 'it\\'s s.q' };\nif (x) { s.ok(); }\n");
    expect([...masked.matchAll(/s\.(\w+)/g)].map((m) => m[1])).toEqual(['ok']);
  });
});
