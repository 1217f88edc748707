import path from 'node:path';
import { type ExportsField, joinRel, type WorkspacePackage } from '@monorefactor/core';

const SOURCE = /\.[cm]?tsx?$/;
const DECLARATION = /\.d\.[cm]?ts$/;

/**
 * The folder `exports` subpaths are counted from: the package's source root, or, when that is the
 * package folder itself (a tsconfig with `rootDir: "."` for its config files), the folder of the
 * source entry its manifest names (`"./src/index.ts"` under a custom condition, or `main`): then
 * `src/utils.ts` is `./utils`, never `./src/utils`, and `./build/utils.js` mirrors `./build/index.js`.
 */
export function subpathRoot(pkg: WorkspacePackage): string {
  if (pkg.sourceRoot !== pkg.dir) return pkg.sourceRoot;
  for (const target of entryTargets(pkg)) {
    if (!SOURCE.test(target) || DECLARATION.test(target)) continue;
    const dir = path.posix.dirname(path.posix.normalize(target));
    if (dir === '.' || dir.startsWith('..')) continue;
    return joinRel(pkg.dir, dir);
  }
  return pkg.sourceRoot;
}

/** Paths the manifest gives for its `.` entry: every condition of `exports["."]`, then the legacy fields. */
function entryTargets(pkg: WorkspacePackage): string[] {
  const { manifest } = pkg;
  const exports = manifest.exports;
  const isMap = typeof exports === 'object' && exports !== null && !Array.isArray(exports) && Object.keys(exports).some((k) => k.startsWith('.'));
  const dot: ExportsField | undefined = isMap ? exports['.'] : exports;
  const fields = [manifest.source, manifest.main, manifest.module, manifest.types, manifest['react-native']];
  return [...strings(dot), ...fields.filter((f): f is string => typeof f === 'string')];
}

function strings(value: ExportsField | undefined): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  return Object.values(value).flatMap(strings);
}
