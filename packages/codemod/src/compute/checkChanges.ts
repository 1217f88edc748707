import { extractImports } from '@monorefactor/analyzer';
import { isSourceFile } from '@monorefactor/core';
import type { FileChange } from '../types.js';
import { type Session, warn } from './session.js';

const ASSET = /\.(?!(?:d\.)?[cm]?[jt]sx?$)[A-Za-z0-9]+$/;

/**
 * Self-check: re-read each rewritten source file and resolve its imports in the post-move
 * workspace. A file that gained a syntax error or an import that no longer resolves is a warning
 * (a bug of the codemod or a form it could not rewrite), never silently written.
 */
export function checkChanges(session: Session, changes: FileChange[]): void {
  const { ctx, world } = session;
  const oldPathOf = new Map([...ctx.moves].map(([from, to]) => [to, from]));
  for (const change of changes) {
    if (change.after === null || !isSourceFile(change.path) || change.after === change.before) continue;
    const node = ctx.graph.modules.get(oldPathOf.get(change.path) ?? change.path);
    const extracted = extractImports(change.path, change.after);
    if (extracted.errors.length > (node?.parseErrors.length ?? 0)) {
      warn(session, `${change.path}: the rewritten file does not parse: ${extracted.errors[0]}`);
      continue;
    }
    const before = new Set(node?.imports.filter((e) => e.target.type === 'unresolved').map((e) => e.specifier) ?? []);
    for (const item of extracted.imports) {
      if (before.has(item.specifier) || ASSET.test(item.specifier)) continue;
      const found = world.resolve(change.path, item.specifier, item.kind);
      if (found.type === 'unresolved')
        warn(session, `${change.path}: after the move '${item.specifier}' (line ${item.line}) does not resolve: ${found.reason}`);
    }
  }
}
