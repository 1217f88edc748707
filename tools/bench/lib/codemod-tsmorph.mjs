#!/usr/bin/env node
// ts-morph 28 on the same move, as the codemod benchmark's child. Prints one JSON line per phase
// as it ends (so a run killed by the timeout still shows how far it got):
//
//   load        new Project({ tsConfigFilePath }): reads and parses every file of the tsconfig
//   program     the ts.Program and its type checker (module resolution, binding)
//   references  ts-morph's reference index (every import literal of every file, resolved through
//               the checker): what move() needs first, and the bulk of its cost
//   move        sourceFile.move(newPath) for each moved file (rewrites relative specifiers only)
//   bare        --complete: the package specifiers move() leaves pointing at the old place are set
//               to the new package's subpath, as a user scripting ts-morph would have to
//   save        project.save()
//
//   node tools/bench/lib/codemod-tsmorph.mjs <dir> --move <from>=<to> [--move ...]
//        [--package <name>=<source dir>] [--complete]
//
// Paths are root-relative. --package names the target package and its source directory (which its
// `exports` maps `./*` onto), for --complete.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Project } from 'ts-morph';

const args = process.argv.slice(2);
const dir = path.resolve(args[0] ?? '.');
const moves = [];
let target;
let complete = false;
for (let i = 1; i < args.length; i++) {
  if (args[i] === '--move') {
    const [from, to] = args[++i].split('=');
    moves.push({ from: path.join(dir, from), to: path.join(dir, to) });
  } else if (args[i] === '--package') {
    const [name, src] = args[++i].split('=');
    target = { name, src: path.join(dir, src) };
  } else if (args[i] === '--complete') complete = true;
}
if (moves.length === 0 || (complete && !target)) {
  console.error('usage: codemod-tsmorph.mjs <dir> --move <from>=<to>... [--package <name>=<src dir>] [--complete]');
  process.exit(2);
}

// ts-morph works synchronously for minutes: a worker thread reports the process's memory every
// 2 s straight to fd 1, so a run the bench kills still leaves its peak behind.
const heartbeat = new Worker(
  `const { writeSync } = require('node:fs');
   const started = Date.now();
   setInterval(() => writeSync(1, JSON.stringify({ heartbeat: Date.now() - started, rssMb: process.memoryUsage.rss() / 2 ** 20 }) + '\\n'), 2000);`,
  { eval: true },
);
heartbeat.unref();

let last = performance.now();
const phase = (name, extra = {}) => {
  const now = performance.now();
  process.stdout.write(`${JSON.stringify({ phase: name, ms: now - last, rssMb: process.memoryUsage.rss() / 2 ** 20, ...extra })}\n`);
  last = now;
};

const project = new Project({ tsConfigFilePath: path.join(dir, 'tsconfig.json') });
phase('load', { sourceFiles: project.getSourceFiles().length });

project.getProgram().compilerObject;
project.getTypeChecker().compilerObject;
phase('program');

const files = moves.map((m) => ({ ...m, sourceFile: project.getSourceFileOrThrow(m.from) }));
const referencing = [];
for (const file of files) {
  for (const literal of file.sourceFile.getReferencingLiteralsInOtherSourceFiles()) referencing.push({ literal, file });
}
const bareLiterals = referencing.filter(({ literal }) => !literal.getLiteralText().startsWith('.'));
const movedPaths = new Set(moves.map((m) => m.from));
const importerFiles = new Set(referencing.map(({ literal }) => literal.getSourceFile().getFilePath()).filter((f) => !movedPaths.has(f)));
phase('references', { literals: referencing.length, bare: bareLiterals.length, importerFiles: importerFiles.size });

for (const file of files) file.sourceFile.move(file.to);
phase('move');

if (complete) {
  // move() leaves non-relative specifiers alone; point them at the new package's subpath
  for (const { literal, file } of bareLiterals) {
    const importer = literal.getSourceFile();
    const inTarget = importer.getFilePath().startsWith(`${path.dirname(target.src)}/`);
    const next = inTarget
      ? importer.getRelativePathAsModuleSpecifierTo(file.sourceFile)
      : `${target.name}/${path.relative(target.src, file.to).replace(/\.[cm]?tsx?$/, '')}`;
    literal.setLiteralValue(next);
  }
  phase('bare', { rewritten: bareLiterals.length });
}

await project.save();
phase('save');
await heartbeat.terminate();
