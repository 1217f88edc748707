import path from 'node:path';
import { splitPackageSpecifier } from '@monorefactor/analyzer';
import { type ImportKind, isSourceFile } from '@monorefactor/core';
import { packageSpecifier } from '../specifiers/packageSpecifier.js';
import { pathsAliasCandidates } from '../specifiers/pathsAlias.js';
import { type ExtensionStyle, relativeSpecifier, styleOfFile, styleOfPackage, styleOfSpecifier, wroteDirectory } from '../specifiers/relativeSpecifier.js';
import { subpathRoot } from '../specifiers/subpathRoot.js';
import { type Session, warn } from './session.js';

/** An import to write: from a file (old and new path) to a target file (new path). */
export interface SpecifierRequest {
  /** The importing file's path before the move (its graph node). */
  file: string;
  /** Its path after the move. */
  fileAfter: string;
  /** The import as written today (specifier, kind, what it resolved to before). */
  specifier: string;
  kind: ImportKind;
  targetBefore: string;
  /** The target's path after the move. */
  target: string;
  /** Binding names the import uses (for choosing an entry that re-exports them). */
  names: string[];
}

/**
 * The specifier the importer's own package should use after the move: the one written today when
 * it still leads to the target and follows the rules (same package: relative or a local alias in
 * the file's extension style; other package: `<name>/<subpath>` through `exports`, never into
 * `src`); else a new relative path (same package) or package specifier (other package).
 */
export function chooseSpecifier(session: Session, request: SpecifierRequest): string {
  const { world, ctx } = session;
  const restyle = ctx.cross && ctx.moves.has(request.file);
  const importerPackage = world.packageNameOf(request.fileAfter);
  const targetPackage = world.packageNameOf(request.target);
  const same = importerPackage === targetPackage;
  const source = isSourceFile(request.target);
  const style = same && restyle ? styleFor(session, request) : undefined;
  if (source && acceptable(session, request, same, style) && world.leadsTo(request.fileAfter, request.specifier, request.kind, request.target)) {
    return request.specifier;
  }
  if (request.kind === 'reference') {
    const rel = path.posix.relative(path.posix.dirname(request.fileAfter), request.target);
    return request.specifier.startsWith('./') && !rel.startsWith('../') ? `./${rel}` : rel;
  }
  if (same || importerPackage === undefined || targetPackage === undefined) {
    if (isAlias(session, request.specifier)) {
      const tsconfig = world.packageOf(request.fileAfter)?.tsconfig ?? world.workspace.tsconfig;
      for (const alias of pathsAliasCandidates(tsconfig, request.target)) {
        if (isAlias(session, alias) && world.leadsTo(request.fileAfter, alias, request.kind, request.target)) return alias;
      }
    }
    const directory = request.specifier.startsWith('.') && wroteDirectory(request.specifier, request.targetBefore);
    return relativeSpecifier(request.fileAfter, request.target, style ?? styleFor(session, request), directory);
  }
  const found = packageSpecifier(session, targetPackage, request.target, request.fileAfter, request.names);
  if (found) return found;
  const fallback = relativeSpecifier(request.fileAfter, request.target, styleFor(session, request));
  warn(session, `${request.fileAfter}: no package specifier of ${targetPackage} leads to ${request.target}; wrote the relative path ${fallback}`);
  return fallback;
}

/** The extension style for a relative import in this file after the move. */
function styleFor(session: Session, request: SpecifierRequest): ExtensionStyle {
  const { ctx, world } = session;
  const node = ctx.graph.modules.get(request.file);
  const moved = ctx.moves.has(request.file);
  const pkg = world.packageOf(request.fileAfter);
  if (moved && ctx.cross) return styleOfPackage(ctx.graph, ctx.graph.workspace.packages.get(pkg?.name ?? ''), session.styleCache);
  const own = node ? styleOfFile(node) : undefined;
  if (own) return own;
  if (request.specifier.startsWith('.')) {
    const written = styleOfSpecifier(request.specifier, request.targetBefore);
    if (written) return written;
  }
  return styleOfPackage(ctx.graph, ctx.graph.workspace.packages.get(pkg?.name ?? ''), session.styleCache);
}

/** Bare, not a workspace package name, not `#imports`: a tsconfig `paths` alias. */
function isAlias(session: Session, specifier: string): boolean {
  if (specifier.startsWith('.') || specifier.startsWith('#') || specifier.startsWith('/')) return false;
  return !session.ctx.workspace.packages.has(splitPackageSpecifier(specifier).name);
}

function acceptable(session: Session, request: SpecifierRequest, same: boolean, style: ExtensionStyle | undefined): boolean {
  const spec = request.specifier;
  if (request.kind === 'reference') return true;
  if (same) {
    if (spec.startsWith('.')) {
      if (!style) return true;
      const written = styleOfSpecifier(spec, request.target);
      return written === undefined || written === style;
    }
    return spec.startsWith('#') || isAlias(session, spec);
  }
  if (spec.startsWith('.') || spec.startsWith('#')) return false;
  const { name, subpath } = splitPackageSpecifier(spec);
  const pkg = session.world.workspace.packages.get(name);
  if (!pkg || name !== session.world.packageNameOf(request.target)) return false;
  const root = subpathRoot(pkg);
  if (root === pkg.dir || subpath === '.') return true;
  const sourceDir = root.slice(pkg.dir === '.' ? 0 : pkg.dir.length + 1);
  return !subpath.startsWith(`./${sourceDir}/`);
}
