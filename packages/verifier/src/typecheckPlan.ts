import { existsSync } from 'node:fs';
import path from 'node:path';
import { readJsoncFile } from '@monorefactor/analyzer';
import type { VerifyConfig, Workspace } from '@monorefactor/core';
import { rootScripts, shellQuote } from './commands.js';

const TSC = 'npx --no-install tsc';

/** The typecheck gate's command and how to run it. */
export interface TypecheckPlan {
  command: string;
  /**
   * tsc's build mode (`tsc -b`): it writes each project's build output and `.tsbuildinfo`, which
   * the gate removes again (see `runTypecheck`) so they never reach the batch's commit.
   */
  build: boolean;
  /** Worth telling the user once: the command is not the obvious one. */
  note?: string;
}

/**
 * The typecheck command: config, else the repo's `typecheck` script, else tsc on the root project;
 * with no root tsconfig, tsc on the packages' own tsconfigs (given the workspace).
 *
 * A root tsconfig with `references` (a solution file, `{ "files": [], "references": [...] }`, often
 * with `extends`) is checked with `tsc -b`, as its users check it: `tsc --noEmit -p .` there reads
 * only the root's own files (none: it passed on anything), and only `-b` type-checks the referenced
 * projects in order. `tsc -b --noEmit` is no way out: TypeScript (5.9 here) rejects it for
 * composite projects that others reference (TS6310 "may not disable emit"), which is every
 * solution. A root with files of its own and references is built by `-b` as well.
 */
export function typecheckPlan(root: string, verify: VerifyConfig, workspace?: Pick<Workspace, 'packages'>): TypecheckPlan | undefined {
  if (verify.typecheck === false) return undefined;
  if (verify.typecheck) return { command: verify.typecheck, build: false };
  const scripts = rootScripts(root);
  if (scripts.typecheck) return { command: 'npm run -s typecheck', build: false };
  if (scripts['type-check']) return { command: 'npm run -s type-check', build: false };
  const rootConfig = path.join(root, 'tsconfig.json');
  if (existsSync(rootConfig)) return hasReferences(rootConfig) ? { command: `${TSC} -b`, build: true } : { command: `${TSC} --noEmit -p .`, build: false };
  if (!workspace) return undefined;
  // No root project, but packages with their own: checking nothing would pass anything.
  const projects = [...workspace.packages.values()]
    .map((pkg) => pkg.dir)
    .filter((dir) => dir !== '.' && existsSync(path.join(root, dir, 'tsconfig.json')))
    .sort();
  if (projects.length === 0) return undefined;
  const which = `${projects.length} package tsconfig${projects.length === 1 ? '' : 's'}`;
  // Projects that reference others only type-check in build mode (the referenced ones first).
  if (projects.some((dir) => hasReferences(path.join(root, dir, 'tsconfig.json'))))
    return { command: `${TSC} -b ${shellQuote(projects)}`, build: true, note: `no tsconfig.json at the root: typecheck runs \`tsc -b\` on ${which}` };
  return {
    command: projects.map((dir) => `${TSC} --noEmit -p ${shellQuote([dir])}`).join(' && '),
    build: false,
    note: `no tsconfig.json at the root: typecheck runs \`tsc --noEmit -p\` on ${which}`,
  };
}

/** The typecheck command alone (see `typecheckPlan`). */
export function typecheckCommand(root: string, verify: VerifyConfig, workspace?: Pick<Workspace, 'packages'>): string | undefined {
  return typecheckPlan(root, verify, workspace)?.command;
}

/**
 * `references` are not inherited through `extends` (tsc reads them from the file itself). A
 * tsconfig that cannot be read has none here: tsc reports it itself.
 */
function hasReferences(tsconfig: string): boolean {
  const read = readJsoncFile<{ references?: unknown } | null>(tsconfig);
  const references = read.ok ? read.value?.references : undefined;
  return Array.isArray(references) && references.length > 0;
}
