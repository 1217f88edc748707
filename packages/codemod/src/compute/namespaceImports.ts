import type { ImportEdge } from '@monorefactor/core';
import { maskNonCode } from '../text/codeMask.js';
import { indentationAt, newlineOf } from '../text/edits.js';
import type { ModuleStatement } from '../text/moduleStatement.js';
import type { Origin } from './barrels.js';
import { type BarrelSplit, newStatements, originTarget } from './barrelTargets.js';
import { addEdit, type EdgeAfter, type Session, warn } from './session.js';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const RESERVED = new Set(
  (
    'await break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
    'implements import in instanceof interface let new null package private protected public return static super switch this throw ' +
    'true try typeof var void while with yield'
  ).split(' '),
);

/** A use of the namespace binding: `s.Name` (a member) or anything else (bare). */
interface MemberUse {
  start: number;
  end: number;
  name: string;
}

/**
 * `import * as s from '@old'` where `s.Moved` names moved away: those uses read a namespace import
 * of where the names went now (`import * as agents from '@new'` ... `agents.Moved`), named after
 * it and unique in the file. The old import stays for the names that stayed; when every use moved
 * to one place under the same names, only its specifier changes. `s` used as a value (passed,
 * spread) cannot be followed: a warning says so.
 */
export function splitNamespaceImport(
  session: Session,
  file: string,
  edge: ImportEdge,
  text: string,
  statement: ModuleStatement,
  names: Map<string, Origin>,
  partial: boolean,
): BarrelSplit {
  const none: BarrelSplit = { handled: false, remaining: true, edges: [] };
  const { ctx } = session;
  const fileAfter = ctx.moves.get(file) ?? file;
  const local = statement.namespace as string;
  const code = maskNonCode(text);
  const uses = usesOf(code, local, statement);
  if (uses.bare > 0) {
    warn(session, `${fileAfter}: uses the namespace '${local}' of '${edge.specifier}' as a value; names that moved to ${ctx.to.name} are no longer in it`);
  }
  if (partial && uses.members.some((u) => !names.has(u.name))) {
    warn(session, `${fileAfter}: '${edge.specifier}' re-exports moved modules through \`export *\` chains that could not all be read; check its imports`);
  }
  const moving = uses.members.filter((u) => names.has(u.name));
  if (moving.length === 0) return none;

  const targets = moving.map((use) => ({ use, origin: names.get(use.name) as Origin, ...originTarget(session, file, edge, names.get(use.name) as Origin) }));
  const specifiers = [...new Set(targets.map((t) => t.specifier))];
  for (const { specifier, origin } of targets) {
    session.specifierChanges.push({ file: fileAfter, from: edge.specifier, to: specifier, target: origin.file, names: [origin.directName] });
  }
  const edges: EdgeAfter[] = specifiers.map(() => ({ workspacePackage: ctx.to.name }));
  const everyUseMoves = moving.length === uses.members.length && uses.bare === 0 && !statement.defaultName;
  if (everyUseMoves && specifiers.length === 1 && targets.every((t) => t.inTarget === t.use.name)) {
    addEdit(session, file, { start: edge.start, end: edge.end, text: specifiers[0] as string });
    return { handled: true, remaining: false, edges };
  }

  const taken = new Set(code.match(/[A-Za-z_$][\w$]*/g) ?? []);
  const namespaces = new Map<string, string>();
  for (const specifier of specifiers) {
    const name = freshName(baseName(specifier), taken);
    taken.add(name);
    namespaces.set(specifier, name);
  }
  for (const { use, specifier, inTarget } of targets) {
    const ns = namespaces.get(specifier) as string;
    const text = inTarget === '*' ? ns : IDENTIFIER.test(inTarget) ? `${ns}.${inTarget}` : `${ns}[${JSON.stringify(inTarget)}]`;
    addEdit(session, file, { start: use.start, end: use.end, text });
  }
  const created = [...namespaces].flatMap(([specifier, ns]) => newStatements(statement, specifier, { named: [], namespaces: [ns] }));
  const newline = newlineOf(text);
  const indent = indentationAt(text, statement.start);
  if (everyUseMoves) {
    addEdit(session, file, { start: statement.start, end: statement.end, text: created.join(newline + indent) });
    return { handled: true, remaining: false, edges };
  }
  addEdit(session, file, { start: statement.end, end: statement.end, text: created.map((s) => newline + indent + s).join('') });
  return { handled: true, remaining: true, edges };
}

/** The statement's namespace binding is used other than as `ns.Member` (passed, spread, re-exported): its members cannot be followed. */
export function namespaceUsedAsValue(text: string, statement: ModuleStatement): boolean {
  return statement.namespace !== undefined && usesOf(maskNonCode(text), statement.namespace, statement).bare > 0;
}

/** Member accesses `local.Name` (offsets of the whole expression) and the count of other uses, outside the import itself. */
function usesOf(code: string, local: string, statement: ModuleStatement): { members: MemberUse[]; bare: number } {
  const members: MemberUse[] = [];
  let bare = 0;
  const escaped = local.replace(/[$]/g, '\\$');
  for (const match of code.matchAll(new RegExp(`(?<![\\w$])${escaped}(?![\\w$])`, 'g'))) {
    const start = match.index ?? 0;
    if (start >= statement.start && start < statement.end) continue;
    // `x.s` is another object's property; `...s` spreads the namespace (a bare use)
    if (code[start - 1] === '.' && code.slice(Math.max(0, start - 3), start) !== '...') continue;
    const member = /^\s*\.\s*([A-Za-z_$][\w$]*)/.exec(code.slice(start + local.length, start + local.length + 200));
    if (member) members.push({ start, end: start + local.length + member[0].length, name: member[1] as string });
    else bare++;
  }
  return { members, bare };
}

/** `agents` for `@acme/agents`, `claudeClient` for `./claude/claude-client.js`. */
function baseName(specifier: string): string {
  const parts = specifier.split('/').filter((p) => p !== '' && p !== '.' && p !== '..');
  let last = (parts[parts.length - 1] ?? '').replace(/\.(?:d\.)?[cm]?[jt]sx?$/, '');
  if (last === 'index' && parts.length > 1) last = parts[parts.length - 2] as string;
  const camel = last.replace(/^@/, '').replace(/[^A-Za-z0-9_$]+([A-Za-z0-9])?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''));
  return /^[A-Za-z_$]/.test(camel) ? camel : `m${camel}`;
}

function freshName(base: string, taken: Set<string>): string {
  if (!taken.has(base) && !RESERVED.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}${i}`)) return `${base}${i}`;
}
