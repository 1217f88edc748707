import { compareStrings } from '@monorefactor/core';
import { consumerResolver, consumerSpecifier, isWorkspacePackageSpecifier } from '../specifiers/consumerSpecifier.js';
import type { MoveChangeSet } from '../types.js';
import type { Session, SpecifierChange } from './session.js';

/** What MIGRATION.md shows for a moved module that code outside the repository cannot import any more. */
export const NOT_PUBLIC = (file: string) => `(no longer public: ${file})`;

/**
 * The move's specifier changes for MIGRATION.md. A change from a package specifier (`@old/x`) is
 * what code outside the repository must change too, so its `to` must be a specifier such code can
 * write: a file that now reaches the module relatively (`./charts/series`, inside the new package)
 * or through a tsconfig alias gets the module's public specifier instead, or `NOT_PUBLIC` when the
 * new package does not expose it. Computed after every `exports` entry the move adds.
 */
export function consumerChanges(session: Session): MoveChangeSet['specifierChanges'] {
  let resolve: ReturnType<typeof consumerResolver> | undefined;
  const memo = new Map<string, string>();
  const forConsumers = (change: SpecifierChange): string => {
    const key = `${change.target}\u0000${change.names.join(',')}`;
    let to = memo.get(key);
    if (to === undefined) {
      resolve ??= consumerResolver(session);
      to = consumerSpecifier(session, resolve, change.target, change.names) ?? NOT_PUBLIC(change.target);
      memo.set(key, to);
    }
    return to;
  };
  const out = session.specifierChanges.map((change) => {
    const published = !isWorkspacePackageSpecifier(session, change.from) || isWorkspacePackageSpecifier(session, change.to);
    return { file: change.file, from: change.from, to: published ? change.to : forConsumers(change) };
  });
  return dedupe(out);
}

function dedupe(list: MoveChangeSet['specifierChanges']): MoveChangeSet['specifierChanges'] {
  const seen = new Set<string>();
  const out: MoveChangeSet['specifierChanges'] = [];
  for (const item of list) {
    const key = `${item.file}\u0000${item.from}\u0000${item.to}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(item);
  }
  return out.sort((a, b) => compareStrings(a.file, b.file) || compareStrings(a.from, b.from) || compareStrings(a.to, b.to));
}
