#!/usr/bin/env node
// The read+lex floor: list every JS/TS source file of a workspace (the same walk rules as the
// analyzer: skip node_modules, dot-directories and build output), read it and lex its imports
// with es-module-lexer (what the analyzer's fast path uses), or with `--parser oxc` parse it with
// oxc-parser's parseSync touching only the module record. Either way: the import records any
// import graph needs, and nothing else: no resolution, no AST walk, no fingerprints.
//
//   node tools/bench/lib/floor.mjs <dir> [--workers N] [--parser lex|oxc]
//                                   (workers 0 = this thread; prints one JSON line)
//
// Both are loaded from the analyzer package so the floor uses the same builds.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const repoRoot = process.env.BENCH_REPO_ROOT ?? path.resolve(import.meta.dirname, '..', '..', '..');
const requireFromAnalyzer = createRequire(path.join(repoRoot, 'packages', 'analyzer', 'package.json'));
const parser = isMainThread ? (process.argv.includes('--parser') ? process.argv[process.argv.indexOf('--parser') + 1] : 'lex') : workerData.parser;
const { parseSync } = parser === 'oxc' ? await import(pathToFileURL(requireFromAnalyzer.resolve('oxc-parser')).href) : {};
const lexer = parser === 'oxc' ? undefined : await import(pathToFileURL(requireFromAnalyzer.resolve('es-module-lexer')).href);

/** Import records of one file: es-module-lexer's, or oxc's module record. */
function importCount(file, source) {
  if (lexer) {
    try {
      return lexer.parse(source)[0].length;
    } catch {
      return 0; // the analyzer would hand this file to oxc; rare, and not part of the floor
    }
  }
  const module = parseSync(file, source, { sourceType: 'unambiguous' }).module;
  return module.staticImports.length + module.staticExports.length + module.dynamicImports.length;
}

const DEPENDENCY_DIRS = new Set(['node_modules', 'bower_components', 'jspm_packages']);
/** Build output, skipped beside a package.json only (as the analyzer does). */
const OUTPUT_DIRS = new Set(['dist', 'build', 'out', 'coverage', 'lib-cov']);
const SOURCE = /\.(?:[cm]?[jt]sx?)$/;

function listFiles(root) {
  const files = [];
  const walk = (rel) => {
    const entries = readdirSync(rel ? path.join(root, rel) : root, { withFileTypes: true });
    const besideManifest = entries.some((entry) => entry.name === 'package.json');
    for (const entry of entries) {
      const name = entry.name;
      const child = rel ? `${rel}/${name}` : name;
      if (entry.isDirectory()) {
        if (!name.startsWith('.') && !DEPENDENCY_DIRS.has(name) && !(besideManifest && OUTPUT_DIRS.has(name))) walk(child);
      } else if (entry.isFile() && SOURCE.test(name)) files.push(child);
    }
  };
  walk('');
  return files.sort();
}

/** Read as the analyzer does: an options object (Node skips building one per call) and no path.join. */
const UTF8 = { encoding: 'utf8' };

/** Read and parse `files`; returns totals only, so nothing large crosses a thread boundary. */
function readAndParse(root, files) {
  let bytes = 0;
  let imports = 0;
  let readMs = 0;
  let parseMs = 0;
  for (const file of files) {
    const t0 = performance.now();
    const source = readFileSync(`${root}/${file}`, UTF8);
    const t1 = performance.now();
    imports += importCount(file, source);
    parseMs += performance.now() - t1;
    readMs += t1 - t0;
    bytes += source.length;
  }
  return { files: files.length, bytes, imports, readMs, parseMs };
}

if (!isMainThread) {
  parentPort.on('message', (files) => {
    if (files === null) process.exit(0);
    parentPort.postMessage(readAndParse(workerData.root, files));
  });
} else {
  const args = process.argv.slice(2);
  const root = path.resolve(args.find((a) => !a.startsWith('--')) ?? '.');
  const wi = args.indexOf('--workers');
  const workers = wi === -1 ? 0 : Number(args[wi + 1]);
  const started = performance.now();
  const files = listFiles(root);
  const listMs = performance.now() - started;
  let totals;
  if (workers <= 0) {
    totals = readAndParse(root, files);
  } else {
    // Same scheduling idea as the analyzer: small chunks handed out on demand.
    const chunk = Math.max(25, Math.min(250, Math.ceil(files.length / (workers * 8))));
    totals = { files: 0, bytes: 0, imports: 0, readMs: 0, parseMs: 0 };
    let next = 0;
    const run = () =>
      new Promise((resolve, reject) => {
        const worker = new Worker(new URL(import.meta.url), { workerData: { root, parser } });
        const send = () => {
          if (next >= files.length) {
            worker.postMessage(null);
            return;
          }
          worker.postMessage(files.slice(next, next + chunk));
          next += chunk;
        };
        worker.on('message', (part) => {
          for (const key of Object.keys(totals)) totals[key] += part[key];
          send();
        });
        worker.once('online', send);
        worker.once('error', reject);
        worker.once('exit', resolve);
      });
    await Promise.all(Array.from({ length: workers }, run));
  }
  const ms = performance.now() - started;
  process.stdout.write(
    `${JSON.stringify({
      workers,
      parser,
      files: totals.files,
      bytes: totals.bytes,
      imports: totals.imports,
      listMs: Math.round(listMs),
      // Summed over threads: CPU-ish time of each phase.
      readMs: Math.round(totals.readMs),
      parseMs: Math.round(totals.parseMs),
      ms: Math.round(ms),
    })}\n`,
  );
}
