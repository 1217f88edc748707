import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { createPackageLocator } from '@monorefactor/analyzer';
import {
  type FileMove,
  type ImportGraph,
  isInside,
  joinRel,
  type MoveSpec,
  type PlannedMove,
  relocate,
  UsageError,
  type WorkspacePackage,
} from '@monorefactor/core';
import { moveFootprint } from '../footprint/moveFootprint.js';
import { colocatedFiles, filesUnder, modulesByDir } from './colocated.js';

const SOURCE_EXTENSION = /\.(?:d\.)?[cm]?[jt]sx?$/;

/**
 * Turn a `--move <source>=<target>` request into a planned move. `source` is a file or directory
 * (root-relative); `target` a workspace package name (the path inside the source root is kept) or
 * a directory (a source directory becomes it; a source file goes into it, or is renamed when the
 * target names a source file). A file takes its co-located tests and mocks along.
 */
export function resolveMoveSpec(graph: ImportGraph, spec: MoveSpec, id: string): PlannedMove {
  const { workspace } = graph;
  const root = workspace.root;
  const source = normalize(root, spec.from);
  const packageOf = createPackageLocator(workspace);
  const names = () => [...workspace.packages.keys()].sort().join(', ');

  const onDisk = statOf(path.join(root, source));
  const isModule = graph.modules.has(source);
  const isDir = !isModule && (onDisk?.isDirectory() ?? [...graph.modules.keys()].some((f) => f.startsWith(`${source}/`)));
  if (!isModule && !isDir && !onDisk?.isFile()) {
    throw new UsageError(`move source "${spec.from}" does not exist`, { hint: 'give a file or directory path relative to the workspace root' });
  }
  const wholePackage = isDir ? [...workspace.packages.values()].find((p) => isInside(p.dir, source)) : undefined;
  if (wholePackage) {
    throw new UsageError(`move source "${spec.from}" holds the whole package ${wholePackage.name}`, {
      hint: 'move directories inside a package, not packages',
    });
  }
  const fromPkg = packageOf(isDir ? `${source}/_` : source);
  if (!fromPkg) throw new UsageError(`move source "${spec.from}" is not inside a workspace package`, { hint: `move files of one of: ${names()}` });

  const target = spec.to.trim();
  let toPkg: WorkspacePackage | undefined = workspace.packages.get(target);
  let destination: string;
  if (toPkg) {
    // The path inside the source root is kept, as the analyzer's suggested targetDir does.
    destination = (relocate([source], fromPkg, toPkg).files[0] as { to: string }).to;
    if (toPkg.name === fromPkg.name) {
      throw new UsageError(`"${spec.from}" is already in ${toPkg.name}`, { hint: 'give a directory path as the target to move it inside its package' });
    }
  } else {
    const looksLikePackage = target.startsWith('@') || (!target.includes('/') && !statOf(path.join(root, target))?.isDirectory());
    if (looksLikePackage) throw new UsageError(`unknown package "${target}" in --move ${spec.from}=${spec.to}`, { hint: `use one of: ${names()}` });
    const targetPath = normalize(root, target);
    destination = isDir || SOURCE_EXTENSION.test(targetPath) ? targetPath : joinRel(targetPath, path.posix.basename(source));
    toPkg = packageOf(isDir ? `${destination}/_` : destination);
    if (!toPkg) throw new UsageError(`move target "${spec.to}" is not inside a workspace package`, { hint: `give a directory inside one of: ${names()}` });
  }

  const files: FileMove[] = [];
  if (isDir) {
    const all = new Set([...filesUnder(root, source), ...[...graph.modules.keys()].filter((f) => f.startsWith(`${source}/`))]);
    for (const file of [...all].sort()) files.push({ from: file, to: destination + file.slice(source.length) });
  } else {
    files.push({ from: source, to: destination });
    const sourceDir = path.posix.dirname(source);
    const destinationDir = path.posix.dirname(destination);
    const renamed = stem(source) !== stem(destination) ? { from: stem(source), to: stem(destination) } : undefined;
    for (const file of colocatedFiles(graph, source, modulesByDir(graph))) {
      let tail = file.slice(sourceDir.length);
      if (renamed) tail = tail.replace(new RegExp(`/${escapeRegExp(renamed.from)}(?=[.])`), `/${renamed.to}`);
      files.push({ from: file, to: destinationDir + tail });
    }
  }
  if (files.length === 0) throw new UsageError(`move source "${spec.from}" has no files`, { hint: 'give a non-empty directory or a file' });
  for (const file of files) {
    if (file.from === file.to) throw new UsageError(`move ${spec.from}=${spec.to} leaves ${file.from} where it is`, { hint: 'give a different target' });
    if (graph.modules.has(file.to) || existsSync(path.join(root, file.to))) {
      throw new UsageError(`move target ${file.to} already exists`, { file: file.to, hint: 'move or delete it first, or choose another target directory' });
    }
  }
  return {
    id,
    files,
    fromPackage: fromPkg.name,
    toPackage: toPkg.name,
    footprint: moveFootprint(graph, files, fromPkg.name, toPkg.name),
    executor: 'codemod',
  };
}

function normalize(root: string, input: string): string {
  const rel = path.isAbsolute(input) ? path.relative(root, input) : input;
  return joinRel(rel.split(path.sep).join('/'));
}

function statOf(abs: string): import('node:fs').Stats | undefined {
  try {
    return statSync(abs);
  } catch {
    return undefined;
  }
}

function stem(file: string): string {
  return path.posix.basename(file).replace(SOURCE_EXTENSION, '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
