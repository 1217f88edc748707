import path from 'node:path';
import type { ImportGraph, Workspace } from '@monorefactor/core';
import { importersAffectedBy, type ProbeIndex } from './probeIndex.js';
import { resolutionInputs } from './resolutionInputs.js';

export type Staleness = { all: true; because: string } | { all: false; files: Set<string> };

export interface StalenessInput {
  previous: ImportGraph;
  index: ProbeIndex | undefined;
  /** The workspace read again after the change. */
  workspace: Workspace;
  /** Every path the change names. */
  touched: ReadonlySet<string>;
  /** Source files after the change. */
  fileSet: ReadonlySet<string>;
  /** Files of the previous graph that are gone. */
  removed: string[];
}

/**
 * Config files resolution may read besides the workspace's manifests and tsconfigs: nested
 * tsconfigs, `extends` bases, bundler configs, dotfiles. A change to one re-resolves everything.
 */
const CONFIG_FILE = /^\.|\.(?:jsonc?|json5|ya?ml|toml)$|(?:^|[.-])config\.[cm]?[jt]sx?$/;

/**
 * The files whose imports must be resolved again, or all of them. A resolution reads the
 * workspace (manifests and tsconfigs), which paths exist (recorded per file in the probe index)
 * and config files: when what it read is unchanged, so is its answer. Declared dependencies are
 * the one workspace part a move edits every time; they only bear on the declaring package's own
 * imports (hoisted root ones on every import), so only those packages' files are resolved again.
 */
export function staleImporters(input: StalenessInput): Staleness {
  const { previous, index, workspace, touched } = input;
  if (!index) return { all: true, because: 'the previous graph has no record of its lookups' };
  if (resolutionInputs(previous.workspace) !== resolutionInputs(workspace))
    return { all: true, because: 'a manifest or tsconfig changed what resolution reads' };
  if (dependencyKey(previous.workspace.rootManifest) !== dependencyKey(workspace.rootManifest))
    return { all: true, because: "the root manifest's dependencies changed" };
  const known = new Set([...workspaceConfigFiles(previous.workspace), ...workspaceConfigFiles(workspace)]);
  for (const file of touched) {
    if (!known.has(file) && CONFIG_FILE.test(path.posix.basename(file))) return { all: true, because: `${file} may change how imports resolve` };
  }

  const files = importersAffectedBy(index, changedPaths(input));
  const redeclared = new Set<string>();
  for (const pkg of workspace.packages.values()) {
    const before = previous.workspace.packages.get(pkg.name);
    if (before && dependencyKey(before.manifest) !== dependencyKey(pkg.manifest)) redeclared.add(pkg.name);
  }
  if (redeclared.size > 0) for (const node of previous.modules.values()) if (node.package && redeclared.has(node.package)) files.add(node.path);
  return { all: false, files };
}

/**
 * Paths whose presence may differ from the previous graph: files that joined or left the file set,
 * and touched paths outside it (assets: the resolver checks those on disk). A source file that
 * only changed content is not one: no resolution depends on what a module says.
 */
function changedPaths({ previous, touched, fileSet, removed }: StalenessInput): Set<string> {
  const out = new Set(removed);
  for (const file of fileSet) if (!previous.modules.has(file)) out.add(file);
  for (const file of touched) if (!fileSet.has(file) && !previous.modules.has(file)) out.add(file);
  return out;
}

/** Manifests and tsconfigs the workspace is read from: comparing workspaces covers their changes. */
function workspaceConfigFiles(workspace: Workspace): string[] {
  const out = ['package.json'];
  if (workspace.tsconfig) out.push(workspace.tsconfig.file);
  for (const pkg of workspace.packages.values()) {
    out.push(pkg.dir === '.' ? 'package.json' : `${pkg.dir}/package.json`);
    if (pkg.tsconfig) out.push(pkg.tsconfig.file);
  }
  return out;
}

function dependencyKey(manifest: Workspace['rootManifest']): string {
  return JSON.stringify([manifest.dependencies, manifest.devDependencies, manifest.peerDependencies, manifest.optionalDependencies]);
}
