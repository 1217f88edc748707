#!/usr/bin/env node
// Runs madge (node_modules/madge, its documented JS API) the way `madge --json` does, with a
// TypeScript config it can actually use.
//
//   node tools/bench/lib/madge.mjs <dir> <src>...     prints madge's JSON tree (like --json)
//
// Why not plain `madge --json --ts-config tsconfig.json`: madge 8 parses the tsconfig with
// TypeScript (enums become numbers, e.g. moduleResolution: 100) and hands the parsed options to
// filing-cabinet, which parses them again as JSON options; the numeric `moduleResolution` is
// rejected there and silently dropped, so resolution falls back to node10, which ignores
// package.json `exports`: every import of a workspace package (`@bench/pkg-03`,
// `@bench/pkg-03/util-1`) is then skipped. Passing the tsconfig as an object with its raw
// (string) compilerOptions — a form madge's API documents — keeps "moduleResolution": "Bundler".
// The work madge does is the same as its CLI's: walk, parse with its detectives, resolve.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const repoRoot = process.env.BENCH_REPO_ROOT ?? path.resolve(import.meta.dirname, '..', '..', '..');
const require = createRequire(path.join(repoRoot, 'package.json'));
const madge = require('madge');
const ts = require('typescript');

const [dirArg, ...srcArgs] = process.argv.slice(2);
const dir = path.resolve(dirArg ?? '.');
const sources = (srcArgs.length > 0 ? srcArgs : ['.']).map((src) => path.resolve(dir, src));

/** compilerOptions of a tsconfig as written (strings kept), following relative `extends`. */
function rawCompilerOptions(file, seen = new Set()) {
  if (!existsSync(file) || seen.has(file)) return {};
  seen.add(file);
  const { config } = ts.parseConfigFileTextToJson(file, readFileSync(file, 'utf8'));
  let merged = {};
  const parents = config?.extends === undefined ? [] : [].concat(config.extends);
  for (const parent of parents) {
    if (typeof parent !== 'string' || !parent.startsWith('.')) continue;
    const resolved = path.resolve(path.dirname(file), parent);
    merged = { ...merged, ...rawCompilerOptions(resolved.endsWith('.json') ? resolved : `${resolved}.json`, seen) };
  }
  const own = { ...(config?.compilerOptions ?? {}) };
  if (typeof own.baseUrl === 'string') own.baseUrl = path.resolve(path.dirname(file), own.baseUrl);
  return { ...merged, ...own };
}

const tsconfigFile = path.join(dir, 'tsconfig.json');
const config = {
  fileExtensions: ['ts', 'tsx', 'js', 'jsx', 'cjs', 'mjs', 'mts', 'cts'],
  baseDir: dir,
  tsConfig: existsSync(tsconfigFile) ? { compilerOptions: rawCompilerOptions(tsconfigFile) } : null,
};
const result = await madge(sources, config);
process.stdout.write(`${JSON.stringify(result.obj(), null, 2)}\n`);
process.stderr.write(`${JSON.stringify({ skipped: result.warnings().skipped.length })}\n`);
