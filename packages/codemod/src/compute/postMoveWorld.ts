import { createPackageLocator, createResolver, type ResolveFn } from '@monorefactor/analyzer';
import { type ImportKind, joinRel, type PackageManifest, type Resolution, type TsconfigInfo, type Workspace, type WorkspacePackage } from '@monorefactor/core';
import type { MoveContext } from '../footprint/moveContext.js';
import { movedPathTarget } from '../footprint/tsconfigPaths.js';

/**
 * The workspace as it will be after the move: the moved files at their new paths, manifests with
 * the `exports` entries the move adds, tsconfig `paths` pointing at the new places. Its resolver
 * (the analyzer's own) checks every specifier the codemod writes.
 */
export class PostMoveWorld {
  readonly workspace: Workspace;
  readonly files: Set<string>;
  readonly packageOf: (file: string) => WorkspacePackage | undefined;
  private resolver: ResolveFn | undefined;

  constructor(
    readonly ctx: MoveContext,
    shimFiles: string[],
  ) {
    const source = ctx.workspace;
    const packages = new Map<string, WorkspacePackage>();
    for (const [name, pkg] of source.packages) {
      const clone: WorkspacePackage = { ...pkg, manifest: structuredClone(pkg.manifest), dependencies: new Map(pkg.dependencies) };
      if (pkg.tsconfig) clone.tsconfig = remapPaths(ctx, pkg.tsconfig);
      packages.set(name, clone);
    }
    this.workspace = { ...source, packages, problems: [] };
    if (source.tsconfig) this.workspace.tsconfig = remapPaths(ctx, source.tsconfig);
    this.files = new Set<string>();
    for (const file of ctx.graph.modules.keys()) this.files.add(ctx.moves.get(file) ?? file);
    for (const file of shimFiles) this.files.add(file);
    this.packageOf = createPackageLocator(this.workspace);
  }

  /** The post-move manifest of a package (mutable: the codemod records `exports` additions on it). */
  manifest(name: string): PackageManifest {
    const pkg = this.workspace.packages.get(name);
    if (!pkg) throw new Error(`unknown package ${name}`);
    return pkg.manifest;
  }

  /** Call after changing a manifest: the next resolution sees it. */
  invalidate(): void {
    this.resolver = undefined;
  }

  resolve(fromFile: string, specifier: string, kind: ImportKind): Resolution {
    this.resolver ??= createResolver(this.workspace, this.files);
    return this.resolver(fromFile, specifier, kind);
  }

  /** True when `specifier`, written in `fromFile`, leads to `target` after the move. */
  leadsTo(fromFile: string, specifier: string, kind: ImportKind, target: string): boolean {
    const found = this.resolve(fromFile, specifier, kind);
    return found.type === 'file' && found.path === target;
  }

  /** Package of a file at its post-move path. */
  packageNameOf(file: string): string | undefined {
    return this.packageOf(file)?.name;
  }
}

function remapPaths(ctx: MoveContext, info: TsconfigInfo): TsconfigInfo {
  if (!info.paths || info.pathsBase === undefined) return info;
  const base = info.pathsBase;
  const paths: Record<string, string[]> = {};
  let changed = false;
  for (const [key, targets] of Object.entries(info.paths)) {
    paths[key] = targets.map((target) => {
      const moved = movedPathTarget(ctx, joinRel(base, target));
      if (moved === undefined) return target;
      changed = true;
      return relativeTo(base, moved);
    });
  }
  return changed ? { ...info, paths } : info;
}

function relativeTo(base: string, file: string): string {
  if (base === '.' || base === '') return file;
  const baseParts = base.split('/');
  const fileParts = file.split('/');
  let common = 0;
  while (common < baseParts.length && baseParts[common] === fileParts[common]) common++;
  const up = baseParts.slice(common).map(() => '..');
  return [...up, ...fileParts.slice(common)].join('/') || '.';
}
