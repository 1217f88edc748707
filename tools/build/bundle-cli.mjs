#!/usr/bin/env node
// Bundles the `refactor` CLI into packages/cli/dist/bundle/ after `tsc -b`: one module graph of a
// few files instead of ~250 ES modules to resolve and compile at every start (0.2 s of every
// `refactor apply` before it, ~0.05 s of an `analyze`). Lazy imports stay lazy (code splitting),
// the parse worker is its own entry next to the chunk that starts it, and native or heavy
// packages (oxc-parser, ink, React) are loaded from node_modules as before.
// packages/cli/bin/refactor.js runs the bundle when it is newer than every package's build.
//
//   node tools/build/bundle-cli.mjs
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

/**
 * commander loads `node:child_process` when it loads, for subcommands that are executables of
 * their own (which `refactor` has none of): with the streams it pulls in, ~7 ms of every start.
 * Its one use is `childProcess.spawn`, so it gets an object that loads the module on that call.
 */
const lazyChildProcessInCommander = {
  name: 'lazy-child-process-in-commander',
  setup(build) {
    build.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      if (!text.includes(eager)) throw new Error(`${args.path}: commander no longer has "${eager}"; update tools/build/bundle-cli.mjs`);
      const lazy = "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };";
      return { contents: text.replace(eager, lazy), loader: 'js' };
    });
  },
};

const root = path.resolve(import.meta.dirname, '..', '..');
const outdir = path.join(root, 'packages', 'cli', 'dist', 'bundle');
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: {
    refactor: path.join(root, 'packages', 'cli', 'dist', 'bin.js'),
    // parseFiles starts `new URL('./parseWorker.js', import.meta.url)`: the same name in the same folder.
    parseWorker: path.join(root, 'packages', 'analyzer', 'dist', 'parse', 'parseWorker.js'),
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // ESM builds first: jsonc-parser's UMD main `require`s its own files at run time.
  mainFields: ['module', 'main'],
  external: ['oxc-parser', '@oxc-parser/*', 'ink', 'ink-*', 'react', 'react/*', 'react-dom', 'yoga-layout', 'yaml'],
  // Bundled CommonJS dependencies may call `require` (execa's cross-spawn, picomatch).
  banner: { js: "import { createRequire as __monorefactorRequire } from 'node:module'; const require = __monorefactorRequire(import.meta.url);" },
  plugins: [lazyChildProcessInCommander],
  logLevel: 'warning',
});
