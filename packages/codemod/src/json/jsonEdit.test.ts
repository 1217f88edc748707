import { describe, expect, it } from 'vitest';
import { insertArrayItem, removeArrayItem, removeProperty, setProperty } from './jsonEdit.js';
import { parseJsonTree, toValue } from './jsonTree.js';

const manifest = '{\n  "name": "@a/b",\n  "dependencies": {\n    "@a/c": "*",\n    "@a/e": "*"\n  }\n}\n';

describe('JSON edits keep the layout', () => {
  it('inserts a dependency at its sorted place', () => {
    expect(setProperty(manifest, ['dependencies', '@a/d'], '"*"', { sorted: true })).toBe(
      '{\n  "name": "@a/b",\n  "dependencies": {\n    "@a/c": "*",\n    "@a/d": "*",\n    "@a/e": "*"\n  }\n}\n',
    );
  });

  it('creates a missing field, and removes properties', () => {
    const added = setProperty(manifest, ['devDependencies', 'x'], '"1.0.0"');
    expect(added).toBe(
      '{\n  "name": "@a/b",\n  "dependencies": {\n    "@a/c": "*",\n    "@a/e": "*"\n  },\n  "devDependencies": {\n    "x": "1.0.0"\n  }\n}\n',
    );
    expect(removeProperty(manifest, ['dependencies', '@a/e'])).toBe('{\n  "name": "@a/b",\n  "dependencies": {\n    "@a/c": "*"\n  }\n}\n');
    expect(removeProperty(removeProperty(manifest, ['dependencies', '@a/c']), ['dependencies', '@a/e'])).toBe(
      '{\n  "name": "@a/b",\n  "dependencies": {}\n}\n',
    );
  });

  it('edits JSONC with comments and trailing commas', () => {
    const tsconfig = '{\n  // refs\n  "references": [\n    { "path": "../a" }, // a\n  ],\n}\n';
    const added = insertArrayItem(tsconfig, ['references'], '{ "path": "../b" }');
    expect(added).toBe('{\n  // refs\n  "references": [\n    { "path": "../a" },\n    { "path": "../b" }, // a\n  ],\n}\n');
    expect(toValue(parseJsonTree(removeArrayItem(added, ['references'], 0)))).toEqual({ references: [{ path: '../b' }] });
  });
});
