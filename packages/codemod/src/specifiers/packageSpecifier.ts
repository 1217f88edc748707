import { readBundlerEntries, splitPackageSpecifier } from '@monorefactor/analyzer';
import { compareStrings, type ExportsField, isInside, joinRel, type WorkspacePackage } from '@monorefactor/core';
import { type Session, warn } from '../compute/session.js';
import { realEdges } from '../footprint/moveContext.js';
import { manifestPath } from '../footprint/moveFootprint.js';
import { formatJson, indentUnitOf, setProperty } from '../json/jsonEdit.js';
import { findNode, type JsonNode, parseJsonTree } from '../json/jsonTree.js';
import { editJson } from '../manifests/jsonFiles.js';
import { reexportsEveryName, takesNamespace } from '../text/bindingNames.js';
import { indentationAt } from '../text/edits.js';
import { exportCandidates, mirrorExportsValue, sourceStem, subpathKeyFor, subpathMap, targetStrings } from './exportsReverse.js';
import { pathsAliasCandidates } from './pathsAlias.js';

/**
 * The specifier another package uses for `targetFile` of `targetPackage` (post-move paths): a subpath
 * its `exports` already maps to the file; else, without `exports`, its bare name when the file is
 * (or is re-exported by) its entry, or a package-named tsconfig alias; else a new `exports` entry,
 * written in the manifest's own style. Every answer is checked with the post-move resolver.
 */
export function packageSpecifier(session: Session, targetPackage: string, targetFile: string, importerFile: string, names: string[]): string | undefined {
  const { world } = session;
  const pkg = world.workspace.packages.get(targetPackage);
  if (!pkg) return undefined;
  const importerPackage = world.packageNameOf(importerFile) ?? '';
  const key = `${importerPackage}\u0000${targetFile}\u0000${names.join(',')}`;
  if (session.specifierCache.has(key)) return session.specifierCache.get(key);
  const found = findSpecifier(session, pkg, targetFile, importerFile, names);
  session.specifierCache.set(key, found);
  return found;
}

function findSpecifier(session: Session, pkg: WorkspacePackage, targetFile: string, importerFile: string, names: string[]): string | undefined {
  const { world } = session;
  const exports = pkg.manifest.exports;
  const leads = (spec: string) => world.leadsTo(importerFile, spec, 'import', targetFile);
  if (exports !== undefined) {
    for (const subpath of exportCandidates(pkg, exports, targetFile)) {
      const spec = subpath === '.' ? pkg.name : pkg.name + subpath.slice(1);
      if (leads(spec)) return spec;
    }
    // The package's entry passes on every name the importer takes: use the package itself rather
    // than open a new public subpath (trpc: `@trpc/server`, not `@trpc/server/TRPCClientError`).
    if (reachableThroughEntry(session, pkg, targetFile, importerFile, names)) return pkg.name;
    return addExportsEntry(session, pkg, targetFile, importerFile);
  }
  if (leads(pkg.name)) return pkg.name;
  const tsconfig = world.packageOf(importerFile)?.tsconfig ?? world.workspace.tsconfig;
  for (const alias of pathsAliasCandidates(tsconfig, targetFile)) {
    if (splitPackageSpecifier(alias).name === pkg.name && leads(alias)) return alias;
  }
  if (reachableThroughEntry(session, pkg, targetFile, importerFile, names)) return pkg.name;
  // Without `exports` every path of the package is public: a deep import keeps it that way, where a
  // created `exports` map would close off every other deep path (documenso's packages).
  const deep = deepPathSpecifier(pkg, targetFile);
  if (deep && leads(deep)) return deep;
  return addExportsEntry(session, pkg, targetFile, importerFile);
}

/** `@p/server-only/x` for `packages/p/server-only/x.ts`; none for files under a `src/` source root (never reach into src). */
export function deepPathSpecifier(pkg: WorkspacePackage, file: string): string | undefined {
  if (pkg.sourceRoot !== pkg.dir && isInside(file, pkg.sourceRoot)) return undefined;
  const rel = pkg.dir === '.' ? file : file.slice(pkg.dir.length + 1);
  const bare = rel.replace(/\.(?:d\.)?[cm]?[jt]sx?$/, '').replace(/\/index$/, '');
  return bare === 'index' || bare === '' ? undefined : `${pkg.name}/${bare}`;
}

/**
 * The importer takes named bindings only (not a namespace, a side effect or a dynamic import: those
 * need the module itself), the package's bare name resolves to its entry, and the entry re-exports
 * every one of those names from `file`.
 */
function reachableThroughEntry(session: Session, pkg: WorkspacePackage, file: string, importerFile: string, names: string[]): boolean {
  if (names.length === 0 || takesNamespace(names)) return false;
  const entry = session.world.resolve(importerFile, pkg.name, 'import');
  return entry.type === 'file' && session.world.packageNameOf(entry.path) === pkg.name && entryReexports(session, pkg, file, names);
}

/** The package's entry re-exports `file` (directly, with `*` or every name needed). */
export function entryReexports(session: Session, pkg: WorkspacePackage, file: string, names: string[]): boolean {
  const { ctx } = session;
  if (session.addedEntryReexports.has(file) && pkg.name === ctx.to.name) return true;
  const entries = ctx.graph.packageEntries.get(pkg.name) ?? [];
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const node = ctx.graph.modules.get(queue.pop() as string);
    if (!node || seen.has(node.path)) continue;
    seen.add(node.path);
    for (const edge of realEdges(node)) {
      if ((edge.kind !== 'export' && edge.kind !== 'export-type') || edge.target.type !== 'file') continue;
      if (ctx.directBarrels.has(node.path) && ctx.moves.has(edge.target.path) && !session.shim) continue;
      const target = ctx.moves.get(edge.target.path) ?? edge.target.path;
      // `export *` passes on every name but `default`; `export * as ns` passes on only `ns` (its names
      // are `ns.x` to importers, so `import { x } from '<entry>'` would not find them).
      const star = reexportsEveryName(edge.names);
      if (target === file && ((star && !names.includes('default')) || names.every((n) => edge.names.includes(n)))) return true;
      if (star) queue.push(edge.target.path);
    }
  }
  return false;
}

/**
 * Add `"./sub": <value>` for `targetFile` to the package's `exports`, mirroring an existing entry
 * (`./dist/index.d.ts` -> `./dist/sub.d.ts`), or create `exports` (keeping `.` and every subpath
 * other packages already import) when the package has none.
 */
function addExportsEntry(session: Session, pkg: WorkspacePackage, targetFile: string, importerFile: string): string | undefined {
  const { world } = session;
  const file = manifestPath(pkg);
  const manifest = pkg.manifest;
  const map = subpathMap(manifest.exports) ?? {};
  const newStem = sourceStem(pkg, targetFile);
  let key = subpathKeyFor(pkg, targetFile);
  if (key === '.' || Object.hasOwn(map, key)) key = `./${newStem}`;
  if (Object.hasOwn(map, key)) {
    warn(session, `${file}: exports already has "${key}" for another file; add an export for ${targetFile} by hand`);
    return undefined;
  }
  // Every entry that can be mirrored, in the package's order, then the source path itself: an
  // entry whose layout does not carry over (`types: ./types/legacy-compat.d.ts`) gives way to the
  // next one instead of to a path into src/ while the others point at dist/.
  const candidates: { value: ExportsField; templateKey: string | undefined }[] = [];
  for (const template of pickTemplates(session, pkg, map)) {
    const value = mirrorExportsValue(pkg, template.value, template.file, targetFile);
    if (value !== undefined && !candidates.some((c) => JSON.stringify(c.value) === JSON.stringify(value)))
      candidates.push({ value, templateKey: template.key });
  }
  candidates.push({ value: `./${pkg.dir === '.' ? targetFile : targetFile.slice(pkg.dir.length + 1)}`, templateKey: undefined });
  const spec = pkg.name + key.slice(1);
  for (const { value, templateKey } of candidates) {
    const before = manifest.exports;
    const next = withSubpath(session, pkg, map, key, value, targetFile);
    manifest.exports = next;
    world.invalidate();
    if (world.leadsTo(importerFile, spec, 'import', targetFile)) {
      const written = editJson(session, file, `an exports entry "${key}" for ${targetFile}`, (text) =>
        writeExports(text, before, key, value, templateKey, next),
      );
      if (!written) {
        manifest.exports = before;
        world.invalidate();
        return undefined;
      }
      warnIfNotBuilt(session, pkg, key, value, targetFile);
      return spec;
    }
    manifest.exports = before;
    world.invalidate();
  }
  warn(session, `${file}: could not find or add an exports entry that leads to ${targetFile}`);
  return undefined;
}

/**
 * An entry mirrored onto build output (`./dist/x.mjs`) exists once the build emits it: a package
 * built by a bundler config emits only the entries that config names, so say which file to add
 * there when it names another (or reads its entries from elsewhere, as a shared base config).
 */
function warnIfNotBuilt(session: Session, pkg: WorkspacePackage, key: string, value: ExportsField, targetFile: string): void {
  const built = targetStrings(value).filter((target) => joinRel(pkg.dir, target) !== targetFile && !/\.d\.[cm]?ts$/.test(target));
  if (built.length === 0) return;
  const entries = readBundlerEntries(session.ctx.graph.workspace.root, pkg);
  if (entries.configs.length === 0) return;
  if ([...entries.byName.values()].includes(targetFile) || [...entries.byStem.values()].includes(targetFile)) return;
  warn(
    session,
    `${entries.configs.join(', ')}: add ${targetFile} to the build's entries, so that it emits ${built.join(', ')} (the new exports entry "${key}" points there)`,
  );
}

interface Template {
  key: string;
  value: ExportsField;
  /** The source file it leads to. */
  file: string;
}

/** The exact entries (`.` last) whose files are known, to copy a layout from. */
function pickTemplates(session: Session, pkg: WorkspacePackage, map: Record<string, ExportsField>): Template[] {
  const keys = Object.keys(map).filter((k) => k.startsWith('.') && !k.includes('*') && !k.endsWith('/') && k !== './package.json');
  keys.sort((a, b) => (a === '.' ? 1 : 0) - (b === '.' ? 1 : 0));
  const templates: Template[] = [];
  for (const key of keys) {
    const spec = key === '.' ? pkg.name : pkg.name + key.slice(1);
    const found = session.world.resolve(`${pkg.dir}/package.json`, spec, 'import');
    if (found.type === 'file') templates.push({ key, value: map[key] as ExportsField, file: found.path });
  }
  if (Object.keys(map).length === 0) {
    // no exports at all: main/types describe the `.` layout
    const entry = session.world.resolve(`${pkg.dir}/package.json`, pkg.name, 'import');
    const dot = dotValue(pkg);
    if (entry.type === 'file' && dot !== undefined) templates.push({ key: '.', value: dot, file: entry.path });
  }
  return templates;
}

/** `exports["."]` for a package that has none, from `types`/`main`/`module`. */
function dotValue(pkg: WorkspacePackage): ExportsField | undefined {
  const { manifest } = pkg;
  const main = typeof manifest.main === 'string' ? manifest.main : typeof manifest.module === 'string' ? manifest.module : undefined;
  const types = typeof manifest.types === 'string' ? manifest.types : typeof manifest.typings === 'string' ? manifest.typings : undefined;
  const dotted = (p: string) => (p.startsWith('./') ? p : `./${p}`);
  if (main && types && types !== main) return { types: dotted(types), default: dotted(main) };
  if (main ?? types) return dotted((main ?? types) as string);
  return undefined;
}

/** The `exports` value after adding `key` (the structure the resolver sees). */
function withSubpath(
  session: Session,
  pkg: WorkspacePackage,
  map: Record<string, ExportsField>,
  key: string,
  value: ExportsField,
  targetFile: string,
): ExportsField {
  if (pkg.manifest.exports !== undefined) return { ...map, [key]: value };
  const out: Record<string, ExportsField> = {};
  const dot = dotValue(pkg) ?? entryPath(session, pkg);
  if (dot !== undefined) out['.'] = dot;
  for (const [subpath, file] of importedSubpaths(session, pkg)) {
    if (file === targetFile) continue;
    const template = pickTemplates(session, pkg, {})[0];
    const mirrored = template ? mirrorExportsValue(pkg, template.value, template.file, file) : undefined;
    out[subpath] = mirrored ?? `./${file.slice(pkg.dir.length + 1)}`;
  }
  out[key] = value;
  return out;
}

function entryPath(session: Session, pkg: WorkspacePackage): string | undefined {
  const entry = session.world.resolve(`${pkg.dir}/package.json`, pkg.name, 'import');
  return entry.type === 'file' ? `./${entry.path.slice(pkg.dir.length + 1)}` : undefined;
}

/** Subpaths (`./x`) other packages import today, with the files they lead to (post-move paths). */
function importedSubpaths(session: Session, pkg: WorkspacePackage): Map<string, string> {
  const out = new Map<string, string>();
  const { ctx } = session;
  for (const edge of ctx.graph.packageEdges.values()) {
    if (edge.to !== pkg.name) continue;
    for (const cross of edge.edges) {
      const { name, subpath } = splitPackageSpecifier(cross.specifier);
      if (name !== pkg.name || subpath === '.' || ctx.moves.has(cross.to)) continue;
      out.set(subpath, cross.to);
    }
  }
  return new Map([...out].sort((a, b) => compareStrings(a[0], b[0])));
}

/** Write the new `exports` into the manifest text, touching as little as possible. */
function writeExports(
  text: string,
  before: ExportsField | undefined,
  key: string,
  value: ExportsField,
  templateKey: string | undefined,
  next: ExportsField,
): string {
  const unit = indentUnitOf(text);
  const tree = parseJsonTree(text);
  const exportsNode = findNode(tree, ['exports']);
  const isSubpathObject = exportsNode?.type === 'object' && exportsNode.properties.some((p) => p.key.startsWith('.'));
  if (exportsNode && isSubpathObject && before !== undefined) {
    const templateNode = templateKey !== undefined ? findNode(tree, ['exports', templateKey]) : undefined;
    const valueText = templateNode ? copyLayout(text, templateNode, value) : formatJson(value, unit);
    const keys = exportsNode.properties.map((p) => p.key);
    const index = keys[keys.length - 1] === './package.json' ? keys.length - 1 : keys.length;
    return setProperty(text, ['exports', key], valueText, { index });
  }
  if (exportsNode && before !== undefined) {
    // sugar form ("exports": "./x.js" or conditions only): becomes { ".": <old>, key: value }
    const old = dedent(text.slice(exportsNode.start, exportsNode.end), indentationAt(text, exportsNode.start));
    const body = `{\n${unit}".": ${old.replace(/\n/g, `\n${unit}`)},\n${unit}${JSON.stringify(key)}: ${formatJson(value, unit).replace(/\n/g, `\n${unit}`)}\n}`;
    return setProperty(text, ['exports'], body);
  }
  const root = tree.type === 'object' ? tree.properties.map((p) => p.key) : [];
  const after = ['types', 'typings', 'module', 'main'].map((k) => root.indexOf(k)).reduce((a, b) => Math.max(a, b), -1);
  return setProperty(text, ['exports'], formatJson(next, unit), { index: after === -1 ? root.length : after + 1 });
}

/** The template entry's text with each path string replaced by the mirrored one (same layout). */
function copyLayout(text: string, template: JsonNode, value: ExportsField): string {
  const strings: JsonNode[] = [];
  const collect = (node: JsonNode) => {
    if (node.type === 'string') strings.push(node);
    else if (node.type === 'object') for (const p of node.properties) collect(p.value);
    else if (node.type === 'array') for (const item of node.items) collect(item);
  };
  collect(template);
  const replacements = flatten(value);
  if (replacements.length !== strings.length) return formatJson(value, indentUnitOf(text));
  let out = '';
  let cursor = template.start;
  strings.forEach((node, i) => {
    out += text.slice(cursor, node.start) + JSON.stringify(replacements[i]);
    cursor = node.end;
  });
  out += text.slice(cursor, template.end);
  return dedent(out, indentationAt(text, template.start));
}

function flatten(value: ExportsField): (string | null)[] {
  if (value === null || typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(flatten);
  return Object.values(value).flatMap(flatten);
}

function dedent(text: string, indent: string): string {
  if (!indent) return text;
  return text
    .split('\n')
    .map((line, i) => (i > 0 && line.startsWith(indent) ? line.slice(indent.length) : line))
    .join('\n');
}
