import { DEPENDENCY_FIELDS, type DependencyField, type WorkspacePackage } from '@monorefactor/core';
import { type Session, warn } from '../compute/session.js';
import { manifestPath } from '../footprint/moveFootprint.js';
import { removeProperty, setProperty } from '../json/jsonEdit.js';
import { editJson } from './jsonFiles.js';
import type { Usages } from './usage.js';

/** Workspace dependencies each package gained or lost. */
export interface DependencyChanges {
  added: Map<string, string[]>;
  removed: Map<string, string[]>;
}

/**
 * Keep manifests true to the imports after the move: a package that now imports another (the new
 * package, or what the moved code needs) declares it, with the version style the manifest already
 * uses; a dependency no file uses any more because of the move is removed. Only changes the move
 * caused: pre-existing undeclared or unused dependencies are left to the analyzer's findings.
 */
export function updateDependencies(session: Session, usages: Usages): DependencyChanges {
  const { ctx } = session;
  const { workspace } = ctx;
  const changes: DependencyChanges = { added: new Map(), removed: new Map() };
  const rootDeclared = new Set<string>();
  for (const field of DEPENDENCY_FIELDS) for (const name of Object.keys(workspace.rootManifest[field] ?? {})) rootDeclared.add(name);
  const push = (map: Map<string, string[]>, pkg: string, dep: string) => map.set(pkg, [...(map.get(pkg) ?? []), dep]);

  const packages = new Set([...usages.after.keys(), ...usages.before.keys()]);
  for (const name of [...packages].sort()) {
    const pkg = workspace.packages.get(name);
    if (!pkg || pkg.dir === '.') continue;
    const before = usages.before.get(name);
    const after = usages.after.get(name);
    const file = manifestPath(pkg);
    for (const [dep, use] of after?.workspace ?? []) {
      if (!use.rewritten || pkg.dependencies.has(dep) || before?.workspace.has(dep)) continue;
      const field: DependencyField = use.nonTest ? 'dependencies' : 'devDependencies';
      const version = workspaceVersion(session, pkg, dep);
      if (editJson(session, file, `adding ${dep} to ${field}`, (text) => setProperty(text, [field, dep], JSON.stringify(version), { sorted: true }))) {
        push(changes.added, name, dep);
      }
    }
    for (const [dep, use] of after?.external ?? []) {
      if (!use.rewritten || declares(pkg, dep) || rootDeclared.has(dep) || rootDeclared.has(typesOf(dep))) continue;
      const origin = ctx.from;
      const field = origin.dependencies.get(dep);
      if (!field) {
        if (!before?.external.has(dep)) warn(session, `${use.file} imports ${dep}, which no manifest declares; add it to ${file}`);
        continue;
      }
      const target: DependencyField = use.nonTest ? field : 'devDependencies';
      const version = (origin.manifest[field] as Record<string, string>)[dep] as string;
      editJson(session, file, `adding ${dep} to ${target}`, (text) => setProperty(text, [target, dep], JSON.stringify(version), { sorted: true }));
      const types = typesOf(dep);
      const typesField = origin.dependencies.get(types);
      if (typesField && !declares(pkg, types)) {
        const typesVersion = (origin.manifest[typesField] as Record<string, string>)[types] as string;
        editJson(session, file, `adding ${types}`, (text) => setProperty(text, [typesField, types], JSON.stringify(typesVersion), { sorted: true }));
      }
    }
    for (const [dep, use] of before?.workspace ?? []) {
      if (!use.rewritten || after?.workspace.has(dep)) continue;
      const field = pkg.dependencies.get(dep);
      if (field !== 'dependencies' && field !== 'devDependencies') continue;
      if (editJson(session, file, `removing ${dep} from ${field}`, (text) => removeProperty(text, [field, dep]))) push(changes.removed, name, dep);
    }
    for (const [dep, use] of before?.external ?? []) {
      if (!use.rewritten || after?.external.has(dep)) continue;
      for (const candidate of [dep, typesOf(dep)]) {
        const field = pkg.dependencies.get(candidate);
        if (field !== 'dependencies' && field !== 'devDependencies') continue;
        if (JSON.stringify(pkg.manifest.scripts ?? {}).includes(dep)) continue;
        editJson(session, file, `removing ${candidate} from ${field}`, (text) => removeProperty(text, [field, candidate]));
      }
    }
  }
  return changes;
}

function declares(pkg: WorkspacePackage, dep: string): boolean {
  return pkg.dependencies.has(dep);
}

function typesOf(name: string): string {
  return name.startsWith('@') ? `@types/${name.slice(1).replace('/', '__')}` : `@types/${name}`;
}

/**
 * The version range `pkg` should use for workspace package `dep`: the style of its other workspace
 * dependencies (`*`, `workspace:*`, `^<version>`), else how other packages declare `dep`, else
 * `workspace:*` (pnpm) or `^<version>`.
 */
export function workspaceVersion(session: Session, pkg: WorkspacePackage, dep: string): string {
  const { workspace } = session.ctx;
  const target = workspace.packages.get(dep);
  const version = typeof target?.manifest.version === 'string' ? target.manifest.version : undefined;
  const declaredBy = [...workspace.packages.values()].filter((p) => p.dependencies.has(dep));
  const specOf = (owner: WorkspacePackage, name: string) => {
    const field = owner.dependencies.get(name);
    const spec = field ? (owner.manifest[field] as Record<string, string> | undefined)?.[name] : undefined;
    return typeof spec === 'string' ? spec : undefined;
  };
  // 1. the style of this package's other workspace dependencies, 2. how others declare `dep`,
  // 3. the style of any workspace dependency in the repo
  const mirrored = styleFrom(session, [pkg], version);
  if (mirrored) return mirrored;
  const counts = new Map<string, number>();
  for (const owner of declaredBy) {
    const spec = specOf(owner, dep);
    if (spec) counts.set(spec, (counts.get(spec) ?? 0) + 1);
  }
  const common = [...counts].sort((a, b) => b[1] - a[1])[0];
  if (common) return common[0];
  const anywhere = styleFrom(session, [...workspace.packages.values()], version);
  if (anywhere) return anywhere;
  if (workspace.kind === 'pnpm') return 'workspace:*';
  return version ? `^${version}` : '*';
}

/** A version range for a package at `version`, written like the workspace dependencies of `owners`. */
function styleFrom(session: Session, owners: WorkspacePackage[], version: string | undefined): string | undefined {
  const { workspace } = session.ctx;
  for (const owner of owners) {
    for (const [name, field] of owner.dependencies) {
      const other = workspace.packages.get(name);
      if (!other || name === owner.name) continue;
      const spec = (owner.manifest[field] as Record<string, string> | undefined)?.[name];
      if (typeof spec !== 'string') continue;
      if (/^(?:workspace:)?[*^~]?$/.test(spec)) return spec;
      const otherVersion = typeof other.manifest.version === 'string' ? other.manifest.version : undefined;
      if (!otherVersion || !version) continue;
      for (const prefix of ['workspace:^', 'workspace:~', 'workspace:', '^', '~', '>=', '']) {
        if (spec === `${prefix}${otherVersion}`) return `${prefix}${version}`;
      }
    }
  }
  return undefined;
}
