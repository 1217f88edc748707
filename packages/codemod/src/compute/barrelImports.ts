import type { ImportEdge } from '@monorefactor/core';
import { indentationAt, newlineOf, statementRemovalRange } from '../text/edits.js';
import { type ModuleStatement, statementAtSpecifier } from '../text/moduleStatement.js';
import type { BarrelPlan, Origin } from './barrels.js';
import { type BarrelSplit, nameText, newStatements, originTarget } from './barrelTargets.js';
import { mergeIntoExistingImport } from './mergeImports.js';
import { splitNamespaceImport } from './namespaceImports.js';
import { addEdit, type EdgeAfter, type Session, warn } from './session.js';

/**
 * `import { a, Moved } from '@old'` -> `import { a } from '@old'` + `import { Moved } from '@new'`
 * (or just a new specifier when every name moved; or `Moved` joins the file's existing import of
 * `@new`). Names are renamed where the barrel renamed them; `type` modifiers, quotes and semicolons
 * follow the original statement. A namespace import is `splitNamespaceImport`'s.
 */
export function splitBarrelImport(session: Session, plan: BarrelPlan, file: string, edge: ImportEdge, text: string): BarrelSplit {
  const none: BarrelSplit = { handled: false, remaining: true, edges: [] };
  const { ctx } = session;
  if (edge.target.type !== 'file') return none;
  const barrel = edge.target.path;
  const names = plan.names.get(barrel);
  if (!names || names.size === 0) return none;
  const statement = statementAtSpecifier(text, edge.start);
  if (!statement?.spec) return none;
  const fileAfter = ctx.moves.get(file) ?? file;
  if (statement.namespace) {
    if (statement.keyword === 'import') return splitNamespaceImport(session, file, edge, text, statement, names, plan.partial.has(barrel));
    warn(session, `${fileAfter}: re-exports '${edge.specifier}' as a namespace; names that moved to ${ctx.to.name} are no longer in it`);
    return none;
  }
  const entries = statement.named?.entries ?? [];
  if (statement.defaultName && names.has('default'))
    warn(session, `${fileAfter}: the default import from '${edge.specifier}' moved to ${ctx.to.name}; update it by hand`);
  if (plan.partial.has(barrel) && entries.some((e) => !names.has(e.imported))) {
    warn(session, `${fileAfter}: '${edge.specifier}' re-exports moved modules through \`export *\` chains that could not all be read; check its imports`);
  }
  const moving = entries.filter((e) => names.has(e.imported));
  if (moving.length === 0) return none;

  const groups = new Map<string, { named: string[]; namespaces: string[]; unchanged: boolean }>();
  for (const item of moving) {
    const origin = names.get(item.imported) as Origin;
    const { specifier, inTarget } = originTarget(session, file, edge, origin);
    session.specifierChanges.push({ file: fileAfter, from: edge.specifier, to: specifier, target: origin.file, names: [origin.directName] });
    const group = groups.get(specifier) ?? { named: [], namespaces: [], unchanged: true };
    if (inTarget === '*') {
      group.namespaces.push(item.local);
      group.unchanged = false;
    } else {
      const rename = inTarget === item.local ? nameText(inTarget) : `${nameText(inTarget)} as ${nameText(item.local)}`;
      group.named.push(`${item.typeOnly ? 'type ' : ''}${rename}`);
      if (inTarget !== item.imported) group.unchanged = false;
    }
    groups.set(specifier, group);
  }
  const edges: EdgeAfter[] = [...groups.keys()].map(() => ({ workspacePackage: ctx.to.name }));
  const allMoving = moving.length === entries.length && !statement.defaultName;
  // names for a specifier the file already imports join that import (no second import of it)
  let merged = false;
  if (statement.keyword === 'import') {
    for (const [specifier, group] of groups) {
      if (group.named.length > 0 && mergeIntoExistingImport(session, file, text, statement, specifier, group.named, statement.typeOnly)) {
        group.named = [];
        merged = true;
      }
    }
  }
  const [onlySpecifier, onlyGroup] = [...groups][0] ?? [];
  if (!merged && allMoving && groups.size === 1 && onlyGroup?.unchanged && onlySpecifier !== undefined) {
    addEdit(session, file, { start: edge.start, end: edge.end, text: onlySpecifier });
    return { handled: true, remaining: false, edges };
  }
  const newline = newlineOf(text);
  const indent = indentationAt(text, statement.start);
  const created = [...groups].flatMap(([specifier, group]) => newStatements(statement, specifier, group));
  if (allMoving) {
    const range = created.length === 0 ? statementRemovalRange(text, statement.start, statement.end) : statement;
    addEdit(session, file, { start: range.start, end: range.end, text: created.join(newline + indent) });
    return { handled: true, remaining: false, edges };
  }
  removeEntries(session, file, text, statement, new Set(moving));
  if (created.length > 0) addEdit(session, file, { start: statement.end, end: statement.end, text: created.map((s) => newline + indent + s).join('') });
  return { handled: true, remaining: true, edges };
}

/** Delete `moving` entries from the statement's `{ }` list, keeping the others' layout. */
function removeEntries(session: Session, file: string, text: string, statement: ModuleStatement, moving: Set<unknown>): void {
  const named = statement.named;
  if (!named) return;
  const entries = named.entries;
  const kept = entries.filter((e) => !moving.has(e));
  if (kept.length === 0) {
    // `import d, { a, b } from` -> `import d from`
    const comma = text.lastIndexOf(',', named.open);
    const start = comma > statement.start ? comma : named.open;
    addEdit(session, file, { start, end: named.close + 1, text: '' });
    return;
  }
  const lastKept = kept[kept.length - 1] as (typeof entries)[number];
  const lastKeptIndex = entries.indexOf(lastKept);
  entries.forEach((entry, i) => {
    if (!moving.has(entry)) return;
    if (i < lastKeptIndex) addEdit(session, file, { start: entry.start, end: (entries[i + 1] as (typeof entries)[number]).start, text: '' });
  });
  const tail = entries.slice(lastKeptIndex + 1);
  if (tail.length > 0) addEdit(session, file, { start: lastKept.end, end: (tail[tail.length - 1] as (typeof entries)[number]).end, text: '' });
}
