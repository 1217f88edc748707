import type { ImportEdge } from '@monorefactor/core';
import { packageSpecifier } from '../specifiers/packageSpecifier.js';
import type { ModuleStatement } from '../text/moduleStatement.js';
import type { Origin } from './barrels.js';
import { chooseSpecifier } from './chooseSpecifier.js';
import type { EdgeAfter, Session } from './session.js';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Result of pointing an import of a barrel at where its moved names went. */
export interface BarrelSplit {
  /** The import named moved symbols and was rewritten. */
  handled: boolean;
  /** Part of it still imports the barrel. */
  remaining: boolean;
  edges: EdgeAfter[];
}

/**
 * Where an importer reaches a moved name after the move: the new package's entry when that
 * re-exports it now (from another package), else the moved module itself. `inTarget` is the name
 * there (`*`: the module's namespace, for `export * as ns`).
 */
export function originTarget(session: Session, file: string, edge: ImportEdge, origin: Origin): { specifier: string; inTarget: string } {
  const { ctx, world } = session;
  const fileAfter = ctx.moves.get(file) ?? file;
  if (world.packageNameOf(fileAfter) !== ctx.to.name && origin.viaEntry && ctx.targetEntry && session.addedEntryReexports.has(origin.file)) {
    const entryAfter = ctx.moves.get(ctx.targetEntry) ?? ctx.targetEntry;
    return { specifier: packageSpecifier(session, ctx.to.name, entryAfter, fileAfter, [origin.directName]) ?? ctx.to.name, inTarget: origin.directName };
  }
  const movedFrom = [...ctx.moves].find(([, to]) => to === origin.file)?.[0] ?? origin.file;
  const specifier = chooseSpecifier(session, {
    file,
    fileAfter,
    specifier: edge.specifier,
    kind: edge.kind,
    targetBefore: movedFrom,
    target: origin.file,
    names: [origin.name],
  });
  return { specifier, inTarget: origin.name };
}

export function nameText(name: string): string {
  return IDENTIFIER.test(name) ? name : JSON.stringify(name);
}

export function newStatements(statement: ModuleStatement, specifier: string, group: { named: string[]; namespaces: string[] }): string[] {
  const spec = statement.spec as NonNullable<ModuleStatement['spec']>;
  const head = `${statement.keyword}${statement.typeOnly ? ' type' : ''}`;
  const tail = ` from ${spec.quote}${specifier}${spec.quote}${statement.semicolon ? ';' : ''}`;
  const out: string[] = [];
  if (group.named.length > 0) out.push(`${head} { ${group.named.join(', ')} }${tail}`);
  for (const local of group.namespaces) out.push(`${head} * as ${nameText(local)}${tail}`);
  return out;
}
