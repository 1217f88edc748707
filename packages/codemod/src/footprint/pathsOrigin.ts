import type { TsconfigInfo } from '@monorefactor/core';

/** Where a tsconfig's `paths` are written: the file itself, or one it `extends`. */
export type PathsOrigin =
  | { type: 'file'; file: string }
  /** Declared in a file the codemod must not edit (outside the workspace, in node_modules), or not found. */
  | { type: 'outside'; file?: string };

/**
 * The tsconfig whose `compilerOptions.paths` a tsconfig ends up with, as the analyzer found it
 * following `extends` the way tsc does (`TsconfigInfo.pathsFile`); editable only inside the workspace.
 */
export function pathsOrigin(info: TsconfigInfo): PathsOrigin {
  const file = info.pathsFile;
  if (file === undefined) return { type: 'outside' };
  const inside = !file.startsWith('../') && !file.split('/').includes('node_modules');
  return inside ? { type: 'file', file } : { type: 'outside', file };
}
