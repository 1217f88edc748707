import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { compareStrings, type ImportGraph, type PlannedMove } from '@monorefactor/core';
import { createMoveContext, entryOf } from '../footprint/moveContext.js';
import { footprintOf } from '../footprint/moveFootprint.js';
import { updateDependencies } from '../manifests/dependencies.js';
import { cleanMappedPaths, retargetMappedPaths } from '../manifests/mappedPaths.js';
import { cleanOldExports, retargetOldExports } from '../manifests/oldExports.js';
import { updatePaths, updateReferences } from '../manifests/tsconfigs.js';
import { collectUsages } from '../manifests/usage.js';
import { applyEdits } from '../text/edits.js';
import type { ComputeMoveOptions, FileChange, MoveChangeSet } from '../types.js';
import { planBarrels } from './barrels.js';
import { checkChanges } from './checkChanges.js';
import { consumerChanges } from './consumerChanges.js';
import { newCycleWarnings } from './cycles.js';
import { PostMoveWorld } from './postMoveWorld.js';
import { rewriteFile } from './rewriteFile.js';
import { type Session, warn } from './session.js';
import { shimmedFiles, shimText } from './shim.js';

/**
 * Every edit of one move, from the graph: reads only the files of the move's footprint, writes
 * nothing. Imports are rewritten at the graph's exact specifier offsets (quotes, formatting and
 * comments stay); manifests and tsconfigs get minimal JSON edits; each written specifier is
 * checked against the post-move workspace with the analyzer's own resolver.
 */
export async function computeMoveChanges(graph: ImportGraph, move: PlannedMove, options: ComputeMoveOptions = {}): Promise<MoveChangeSet> {
  const ctx = createMoveContext(graph, move.files, move.fromPackage, move.toPackage);
  const footprint = new Set([...footprintOf(ctx), ...move.footprint]);
  const shim = options.shim === true;
  const shims = shimmedFiles(ctx, shim);
  const session: Session = {
    ctx,
    world: new PostMoveWorld(ctx, shims),
    shim,
    footprint,
    texts: new Map(),
    edits: new Map(),
    json: new Map(),
    warnings: [],
    specifierChanges: [],
    edgesAfter: new Map(),
    addedEntryReexports: new Set(),
    styleCache: new Map(),
    specifierCache: new Map(),
  };
  await readFootprint(session);
  const entry = ctx.cross ? entryOf(graph, ctx.from) : undefined;
  if (entry && ctx.moves.has(entry)) {
    warn(session, `${entry} is the entry of ${ctx.from.name}: its package.json still points there; give ${ctx.from.name} another entry`);
  }

  retargetOldExports(session);
  retargetMappedPaths(session);
  const plan = planBarrels(session);
  const rewritten = new Set([...ctx.movedModules.map((n) => n.path), ...ctx.importers, ...ctx.barrelImporters, ...ctx.directBarrels]);
  for (const file of [...rewritten].sort()) rewriteFile(session, plan, file);

  const shimTexts = new Map<string, string>();
  for (const file of shims) {
    const text = shimText(session, file);
    if (text !== undefined) shimTexts.set(file, text);
  }
  const usages = collectUsages(session, [...shimTexts.keys()]);
  const dependencyChanges = updateDependencies(session, usages);
  updateReferences(session, dependencyChanges);
  updatePaths(session);
  cleanOldExports(session);
  cleanMappedPaths(session);
  const cycles = newCycleWarnings(usages);

  const changes = assemble(session, shimTexts);
  checkChanges(session, changes);
  const planned = new Set(move.footprint);
  for (const change of changes) {
    if (planned.size > 0 && !planned.has(change.path)) session.warnings.push(`${change.path} is written but is not in the planned footprint of ${move.id}`);
  }
  return {
    moveId: move.id,
    changes,
    renames: move.files.map((f) => ({ ...f })),
    warnings: [...cycles, ...session.warnings],
    specifierChanges: consumerChanges(session),
  };
}

/** Read every existing text file of the footprint (moved assets are renamed, never read). */
async function readFootprint(session: Session): Promise<void> {
  const { ctx } = session;
  const newPaths = new Set(ctx.moves.values());
  const wanted = [...session.footprint].filter((file) => !newPaths.has(file) && (!ctx.moves.has(file) || ctx.graph.modules.has(file)));
  const root = ctx.workspace.root;
  const queue = [...wanted];
  const worker = async () => {
    for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
      try {
        session.texts.set(file, await readFile(path.join(root, file), 'utf8'));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(32, queue.length) }, worker));
}

function assemble(session: Session, shimTexts: Map<string, string>): FileChange[] {
  const { ctx } = session;
  const changes: FileChange[] = [];
  const done = new Set<string>();
  for (const node of ctx.movedModules) {
    const text = session.texts.get(node.path);
    if (text === undefined) continue;
    const after = applyEdits(text, session.edits.get(node.path) ?? []);
    changes.push({ path: ctx.moves.get(node.path) as string, before: null, after });
    changes.push({ path: node.path, before: text, after: shimTexts.get(node.path) ?? null });
    done.add(node.path);
  }
  for (const [file, edits] of session.edits) {
    if (done.has(file)) continue;
    const text = session.texts.get(file);
    if (text === undefined) continue;
    let after = applyEdits(text, edits);
    // a barrel that lost every line is still a module (isolatedModules rejects a script)
    if (after.trim() === '' && text.trim() !== '' && ctx.graph.modules.has(file)) after = 'export {};\n';
    if (after !== text) changes.push({ path: file, before: text, after });
  }
  for (const [file, after] of session.json) {
    const before = session.texts.get(file);
    if (before !== undefined && after !== before) changes.push({ path: file, before, after });
  }
  return changes.sort((a, b) => compareStrings(a.path, b.path));
}
