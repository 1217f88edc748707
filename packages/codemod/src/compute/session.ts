import type { MoveContext } from '../footprint/moveContext.js';
import type { ExtensionStyle } from '../specifiers/relativeSpecifier.js';
import type { TextEdit } from '../text/edits.js';
import type { PostMoveWorld } from './postMoveWorld.js';

/** One import after the move, for dependency and cycle bookkeeping. */
export interface EdgeAfter {
  /** Workspace package the import leads to (post-move), if any. */
  workspacePackage?: string;
  /** npm package name, for external imports. */
  external?: string;
}

export interface SpecifierChange {
  file: string;
  from: string;
  to: string;
  target: string;
  names: string[];
}

/** Mutable state of one `computeMoveChanges` call. */
export interface Session {
  ctx: MoveContext;
  world: PostMoveWorld;
  shim: boolean;
  footprint: Set<string>;
  /** Text of every footprint file that exists (read once, up front). */
  texts: Map<string, string>;
  /** Text edits per file (keyed by the file's old path). */
  edits: Map<string, TextEdit[]>;
  /** Edited JSON texts (manifests, tsconfigs), by path. */
  json: Map<string, string>;
  warnings: string[];
  /** For MIGRATION.md, with the moved module each import reaches (post-move path) and the names it takes. */
  specifierChanges: SpecifierChange[];
  /** Post-move imports of every file the codemod rewrote, by the file's old path. */
  edgesAfter: Map<string, { file: string; isTest: boolean; edges: EdgeAfter[] }>;
  /** Moved files (new paths) the new package's entry now re-exports. */
  addedEntryReexports: Set<string>;
  styleCache: Map<string, ExtensionStyle>;
  specifierCache: Map<string, string | undefined>;
}

export function addEdit(session: Session, file: string, edit: TextEdit): void {
  const list = session.edits.get(file);
  if (list) list.push(edit);
  else session.edits.set(file, [edit]);
}

export function warn(session: Session, message: string): void {
  if (!session.warnings.includes(message)) session.warnings.push(message);
}

/** Current text of a JSON file (edited so far, else as read). */
export function jsonText(session: Session, file: string): string | undefined {
  return session.json.get(file) ?? session.texts.get(file);
}
