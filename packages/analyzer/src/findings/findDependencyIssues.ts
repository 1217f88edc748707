import {
  compareStrings,
  DEPENDENCY_FIELDS,
  type ImportGraph,
  isFixtureFile,
  type PackageManifest,
  type UndeclaredFinding,
  type UnusedDependencyFinding,
} from '@monorefactor/core';
import { splitPackageSpecifier } from '../resolve/exportsMap.js';
import { createPackageLocator } from '../resolve/packageOf.js';

/**
 * Undeclared dependencies: a package imports a workspace package (by its name) or an npm package
 * that neither its manifest nor the root manifest declares (any field, peer and optional included;
 * `workspace:` and `catalog:` versions are declarations like any other). Tooling hoisted to the
 * root manifest counts as declared, as it does for npm and pnpm at run time in a single-version
 * monorepo. Test fixtures and mocks are left out: they are data and stand-ins, not imports.
 */
export function findUndeclaredDependencies(graph: ImportGraph): UndeclaredFinding[] {
  const { workspace } = graph;
  const rootDeps = new Set<string>();
  for (const field of DEPENDENCY_FIELDS) for (const name of Object.keys(workspace.rootManifest[field] ?? {})) rootDeps.add(name);
  const missing = new Map<string, UndeclaredFinding>();
  for (const node of graph.modules.values()) {
    if (!node.package || isFixtureFile(node.path)) continue;
    const pkg = workspace.packages.get(node.package);
    if (!pkg) continue;
    for (const edge of node.imports) {
      // A mock needs no installed package (`vi.mock('virtual-module')`): the mocked code's own import is checked.
      if (edge.kind === 'mock') continue;
      let dependency: string | undefined;
      // `.bin/x` is a path inside node_modules, not a package.
      if (edge.target.type === 'external' && !edge.target.package.startsWith('.')) dependency = edge.target.package;
      else if (edge.target.type === 'file' && !edge.specifier.startsWith('.')) {
        const { name } = splitPackageSpecifier(edge.specifier);
        if (workspace.packages.has(name) && name !== pkg.name) dependency = name;
      }
      if (!dependency || dependency === pkg.name) continue;
      if (
        pkg.dependencies.has(dependency) ||
        pkg.dependencies.has(typesPackage(dependency)) ||
        rootDeps.has(dependency) ||
        rootDeps.has(typesPackage(dependency))
      )
        continue;
      const key = `${pkg.name}\u0000${dependency}`;
      const finding = missing.get(key) ?? { package: pkg.name, dependency, files: [] };
      // A file's edges are read together: it is listed already only if it was listed last.
      if (finding.files.at(-1) !== node.path) finding.files.push(node.path);
      missing.set(key, finding);
    }
  }
  return [...missing.values()].sort((a, b) => compareStrings(a.package, b.package) || compareStrings(a.dependency, b.dependency));
}

/**
 * Declared workspace dependencies no file of the package imports (source packages only), unless
 * a tool field of the manifest names them or a script runs their executable. Packages with
 * components the analyzer does not read (`Workspace.unreadFiles`) are left out.
 */
export function findUnusedWorkspaceDependencies(graph: ImportGraph): UnusedDependencyFinding[] {
  // Per package, the packages it imports: sets by name, not joined pair keys (a string made and
  // hashed for every external import of the repo).
  const used = new Map<string, Set<string>>();
  const uses = (from: string, to: string) => {
    let set = used.get(from);
    if (!set) {
      set = new Set();
      used.set(from, set);
    }
    set.add(to);
  };
  for (const edge of graph.packageEdges.values()) uses(edge.from, edge.to);
  // A built asset of a workspace package (`@acme/ui/styles.css`) resolves as the package itself.
  for (const node of graph.modules.values()) {
    if (!node.package) continue;
    for (const edge of node.imports) if (edge.target.type === 'external') uses(node.package, edge.target.package);
  }
  // A package used for its code may want others as peers (`@trpc/client` peers on `@trpc/server`):
  // the user declares them to satisfy it, not to import them. Used too, and their peers in turn.
  for (const names of used.values()) {
    const queue = [...names];
    for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
      const peers = graph.workspace.packages.get(name)?.manifest.peerDependencies;
      for (const peer of Object.keys(peers ?? {})) {
        if (names.has(peer)) continue;
        names.add(peer);
        queue.push(peer);
      }
    }
  }
  const filesPerPackage = new Map<string, number>();
  for (const node of graph.modules.values()) if (node.package) filesPerPackage.set(node.package, (filesPerPackage.get(node.package) ?? 0) + 1);
  // A package with components whose imports are not read (.vue, .svelte...) may use any of its dependencies there.
  const packageOf = createPackageLocator(graph.workspace);
  const partlyRead = new Set((graph.workspace.unreadFiles ?? []).map((file) => packageOf(file)?.name));
  const out: UnusedDependencyFinding[] = [];
  for (const pkg of graph.workspace.packages.values()) {
    if (!filesPerPackage.get(pkg.name) || partlyRead.has(pkg.name)) continue;
    for (const [dependency, field] of pkg.dependencies) {
      if (field !== 'dependencies' && field !== 'devDependencies') continue;
      // Only workspace packages that have source: a config-only package (tsconfig presets) is used by config files.
      if (!graph.workspace.packages.has(dependency) || !filesPerPackage.get(dependency) || dependency === pkg.name) continue;
      if (used.get(pkg.name)?.has(dependency) || configuredIn(pkg.manifest, dependency)) continue;
      if (runsBinOf(pkg.manifest, graph.workspace.packages.get(dependency)?.manifest)) continue;
      out.push({ package: pkg.name, dependency, field });
    }
  }
  return out.sort((a, b) => compareStrings(a.package, b.package) || compareStrings(a.dependency, b.dependency));
}

/** Named by a tool's field of the manifest (`"prettier": "@acme/prettier-config"`, `eslintConfig.extends`): used by that tool. */
function configuredIn(manifest: PackageManifest, dependency: string): boolean {
  const rest: Record<string, unknown> = { ...manifest };
  for (const field of DEPENDENCY_FIELDS) delete rest[field];
  const text = JSON.stringify(rest);
  return text.includes(`"${dependency}"`) || text.includes(`"${dependency}/`);
}

/**
 * A script of the manifest runs one of the dependency's executables (`"start": "react-router-serve
 * ./build"`): a dependency for its `bin`, used without any import.
 */
function runsBinOf(manifest: PackageManifest, dependency: PackageManifest | undefined): boolean {
  const scripts = manifest.scripts;
  if (!dependency || typeof scripts !== 'object' || scripts === null) return false;
  const bin = dependency.bin;
  const names = typeof bin === 'string' ? [(dependency.name ?? '').replace(/^@[^/]+\//, '')] : typeof bin === 'object' && bin !== null ? Object.keys(bin) : [];
  if (names.length === 0) return false;
  const commands = Object.values(scripts).filter((script): script is string => typeof script === 'string');
  return names.some((name) => {
    // The name as a command word: at the start, or after a space, `;`, `&`, `|` or `(`.
    const word = new RegExp(`(?:^|[\\s;&|(])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:\\s|$)`);
    return commands.some((command) => word.test(command));
  });
}

function typesPackage(name: string): string {
  return name.startsWith('@') ? `@types/${name.slice(1).replace('/', '__')}` : `@types/${name}`;
}
