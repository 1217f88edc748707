import { describe, expect, it } from 'vitest';
import { matchExports, splitPackageSpecifier } from './exportsMap.js';

const targets = (...list: string[]) => ({ type: 'targets', targets: list });
const NOT_EXPORTED = { type: 'not-exported' };

describe('matchExports: subpaths', () => {
  it('matches exact keys', () => {
    const exports = { '.': './src/index.ts', './client': './src/client.ts', './package.json': './package.json' };
    expect(matchExports(exports, '.')).toEqual(targets('./src/index.ts'));
    expect(matchExports(exports, './client')).toEqual(targets('./src/client.ts'));
    expect(matchExports(exports, './package.json')).toEqual(targets('./package.json'));
    expect(matchExports(exports, './server')).toEqual(NOT_EXPORTED);
    expect(matchExports(exports, './client/x')).toEqual(NOT_EXPORTED);
  });

  it('treats a string, an array or a conditions object as the "." export', () => {
    expect(matchExports('./dist/index.js', '.')).toEqual(targets('./dist/index.js'));
    expect(matchExports('./dist/index.js', './x')).toEqual(NOT_EXPORTED);
    expect(matchExports(['./a.js', './b.js'], '.')).toEqual(targets('./a.js', './b.js'));
    expect(matchExports({ import: './a.mjs', require: './a.cjs' }, '.')).toEqual(targets('./a.mjs', './a.cjs'));
  });

  it('has nothing for a missing, null or empty field', () => {
    expect(matchExports(undefined, '.')).toEqual(NOT_EXPORTED);
    expect(matchExports(null, '.')).toEqual(NOT_EXPORTED);
    expect(matchExports({}, '.')).toEqual(NOT_EXPORTED);
  });

  it('an exact key wins over a pattern that also matches', () => {
    const exports = { './*': './src/*.ts', './special': './src/other/special.ts' };
    expect(matchExports(exports, './special')).toEqual(targets('./src/other/special.ts'));
    expect(matchExports(exports, './plain')).toEqual(targets('./src/plain.ts'));
  });

  it('substitutes `*` (across slashes, in every place of the target)', () => {
    expect(matchExports({ './*': './src/*.ts' }, './mcp/client')).toEqual(targets('./src/mcp/client.ts'));
    expect(matchExports({ './*': { types: './dist/*.d.ts', default: './dist/*/index.js' } }, './a/b')).toEqual(
      targets('./dist/a/b.d.ts', './dist/a/b/index.js'),
    );
  });

  it('picks the pattern with the longest prefix, whatever the key order', () => {
    const exports = { './*': './src/*.ts', './utils/*': './src/utils/*.js', './utils/internal/*': './src/private/*.ts' };
    expect(matchExports(exports, './utils/retry')).toEqual(targets('./src/utils/retry.js'));
    expect(matchExports(exports, './utils/internal/x')).toEqual(targets('./src/private/x.ts'));
    expect(matchExports(exports, './other')).toEqual(targets('./src/other.ts'));
    const reversed = Object.fromEntries(Object.entries(exports).reverse());
    expect(matchExports(reversed, './utils/retry')).toEqual(targets('./src/utils/retry.js'));
  });

  it('with equal prefixes, prefers the longer key (the one with a suffix)', () => {
    const exports = { './features/*': './src/features/*/index.js', './features/*.js': './src/features/*.js' };
    expect(matchExports(exports, './features/x.js')).toEqual(targets('./src/features/x.js'));
    expect(matchExports(exports, './features/x')).toEqual(targets('./src/features/x/index.js'));
  });

  it('a pattern with a suffix must match the suffix', () => {
    const exports = { './icons/*.svg': './assets/*.svg' };
    expect(matchExports(exports, './icons/home.svg')).toEqual(targets('./assets/home.svg'));
    expect(matchExports(exports, './icons/home.png')).toEqual(NOT_EXPORTED);
  });

  it('null excludes a subpath, also from a broader pattern', () => {
    const exports = { '.': './src/index.ts', './*': './src/*.ts', './internal/*': null, './secret': null };
    expect(matchExports(exports, './internal/db')).toEqual(NOT_EXPORTED);
    expect(matchExports(exports, './secret')).toEqual(NOT_EXPORTED);
    expect(matchExports(exports, './public')).toEqual(targets('./src/public.ts'));
  });

  it('a condition set to null does not hide the other conditions', () => {
    expect(matchExports({ '.': { node: null, default: './index.js' } }, '.')).toEqual(targets('./index.js'));
  });

  it('supports legacy folder mappings ("./utils/": "./src/utils/")', () => {
    expect(matchExports({ './utils/': './src/utils/' }, './utils/a.js')).toEqual(targets('./src/utils/a.js'));
  });
});

describe('matchExports: `*` must stand for at least one character (Node PACKAGE_EXPORTS_RESOLVE)', () => {
  it('does not match a subpath that is only the pattern prefix', () => {
    expect(matchExports({ './utils/*': './src/utils/*.ts' }, './utils/')).toEqual(NOT_EXPORTED);
  });
});

describe('matchExports: conditions', () => {
  it('keeps every condition in manifest order, nested ones expanded in place', () => {
    const exports = {
      '.': {
        types: './dist/index.d.ts',
        import: { types: './dist/index.d.mts', default: './dist/index.mjs' },
        require: './dist/index.cjs',
        default: './dist/index.js',
      },
    };
    // An import tries `require`'s target last, a require() tries `import`'s last: each in manifest order otherwise.
    expect(matchExports(exports, '.')).toEqual(targets('./dist/index.d.ts', './dist/index.d.mts', './dist/index.mjs', './dist/index.js', './dist/index.cjs'));
    expect(matchExports(exports, '.', 'require')).toEqual(
      targets('./dist/index.d.ts', './dist/index.cjs', './dist/index.js', './dist/index.d.mts', './dist/index.mjs'),
    );
  });

  it('puts the other module system last at any depth, and `module` counts as import', () => {
    const exports = { '.': { node: { require: './cjs/node.js', import: './esm/node.js' }, module: './esm/index.js', default: './cjs/index.js' } };
    expect(matchExports(exports, '.')).toEqual(targets('./esm/node.js', './esm/index.js', './cjs/index.js', './cjs/node.js'));
    expect(matchExports(exports, '.', 'require')).toEqual(targets('./cjs/node.js', './cjs/index.js', './esm/node.js', './esm/index.js'));
  });

  it('keeps custom conditions (source) in their place', () => {
    const exports = { '.': { types: './dist/index.d.ts', source: './src/index.ts', default: './dist/index.js' } };
    expect(matchExports(exports, '.')).toEqual(targets('./dist/index.d.ts', './src/index.ts', './dist/index.js'));
  });

  it('drops browser / react-native / deno targets and de-duplicates', () => {
    const exports = { '.': { browser: './browser.js', 'react-native': './native.js', deno: './deno.js', import: './index.js', default: './index.js' } };
    expect(matchExports(exports, '.')).toEqual(targets('./index.js'));
  });

  it('expands a fallback array in order', () => {
    expect(matchExports({ './x': ['./x.mjs', { default: './x.js' }] }, './x')).toEqual(targets('./x.mjs', './x.js'));
  });
});

describe('matchExports: package.json "imports" (#specifiers)', () => {
  const imports = {
    '#internal/*': './src/internal/*.ts',
    '#config': { node: './src/config.node.ts', default: './src/config.ts' },
    '#dep': 'some-package',
    '#internal/hidden': null,
  };

  it('matches exact and pattern keys', () => {
    expect(matchExports(imports, '#internal/assert')).toEqual(targets('./src/internal/assert.ts'));
    expect(matchExports(imports, '#config')).toEqual(targets('./src/config.node.ts', './src/config.ts'));
  });

  it('passes a bare package target through', () => {
    expect(matchExports(imports, '#dep')).toEqual(targets('some-package'));
  });

  it('excludes null and unknown keys', () => {
    expect(matchExports(imports, '#internal/hidden')).toEqual(NOT_EXPORTED);
    expect(matchExports(imports, '#nope')).toEqual(NOT_EXPORTED);
  });
});

describe('splitPackageSpecifier', () => {
  it('splits plain and scoped names from their subpath', () => {
    expect(splitPackageSpecifier('react')).toEqual({ name: 'react', subpath: '.' });
    expect(splitPackageSpecifier('lodash/fp/map')).toEqual({ name: 'lodash', subpath: './fp/map' });
    expect(splitPackageSpecifier('@acme/shared')).toEqual({ name: '@acme/shared', subpath: '.' });
    expect(splitPackageSpecifier('@acme/shared/mcp/client')).toEqual({ name: '@acme/shared', subpath: './mcp/client' });
  });
});
