import path from 'node:path';
import type { ImportGraph, ModuleNode, WorkspacePackage } from '@monorefactor/core';

/** How a file writes relative imports of TS/JS files: `./x`, `./x.js` (NodeNext) or `./x.ts`. */
export type ExtensionStyle = 'none' | 'js' | 'ts';

const TS_TWIN: Record<string, string> = { '.ts': '.js', '.tsx': '.js', '.mts': '.mjs', '.cts': '.cjs', '.d.ts': '.js', '.d.mts': '.mjs', '.d.cts': '.cjs' };
const JS_EXTENSIONS = new Set(['.js', '.jsx', '.mjs', '.cjs']);
const KNOWN = /\.(?:d\.[cm]?ts|[cm]?[jt]sx?|json|css|scss|svg|png)$/;

export function extensionOf(file: string): string {
  const declaration = /\.d\.[cm]?ts$/.exec(file);
  return declaration ? declaration[0] : path.posix.extname(file);
}

/** The style one relative specifier shows for the file it resolves to, if it shows one. */
export function styleOfSpecifier(specifier: string, target: string): ExtensionStyle | undefined {
  const ext = extensionOf(target);
  const twin = TS_TWIN[ext];
  if (twin !== undefined) {
    if (specifier.endsWith(ext) && !ext.startsWith('.d.')) return 'ts';
    if (specifier.endsWith(twin) || (ext === '.tsx' && specifier.endsWith('.jsx'))) return 'js';
  } else if (JS_EXTENSIONS.has(ext)) {
    if (specifier.endsWith(ext)) return 'js';
  } else return undefined;
  return KNOWN.test(specifier) ? undefined : 'none';
}

/** Majority style of a file's own relative imports of source files. */
export function styleOfFile(node: ModuleNode): ExtensionStyle | undefined {
  const votes = { none: 0, js: 0, ts: 0 };
  for (const edge of node.imports) {
    if (!edge.specifier.startsWith('.') || edge.target.type !== 'file' || edge.kind === 'reference') continue;
    const style = styleOfSpecifier(edge.specifier, edge.target.path);
    if (style) votes[style]++;
  }
  return winner(votes);
}

function winner(votes: Record<ExtensionStyle, number>): ExtensionStyle | undefined {
  const best = (Object.entries(votes) as [ExtensionStyle, number][]).sort((a, b) => b[1] - a[1])[0];
  return best && best[1] > 0 ? best[0] : undefined;
}

/** Majority style of a package's files; else what its tsconfig implies (NodeNext: `.js`). */
export function styleOfPackage(graph: ImportGraph, pkg: WorkspacePackage | undefined, cache: Map<string, ExtensionStyle>): ExtensionStyle {
  const key = pkg?.name ?? '';
  const cached = cache.get(key);
  if (cached) return cached;
  const votes = { none: 0, js: 0, ts: 0 };
  for (const node of graph.modules.values()) {
    if (node.package !== pkg?.name) continue;
    const style = styleOfFile(node);
    if (style) votes[style]++;
  }
  let style = winner(votes);
  if (!style) {
    const ts = pkg?.tsconfig ?? graph.workspace.tsconfig;
    const resolution = ts?.moduleResolution ?? '';
    style = ts?.allowImportingTsExtensions ? 'ts' : resolution === 'nodenext' || resolution === 'node16' ? 'js' : 'none';
  }
  cache.set(key, style);
  return style;
}

/**
 * A relative specifier from `fromFile` to `toFile` in `style`. `directoryIndex`: the importer wrote
 * a directory (`./mcp` for `./mcp/index.ts`), so keep doing that where the style allows it.
 */
export function relativeSpecifier(fromFile: string, toFile: string, style: ExtensionStyle, directoryIndex = false): string {
  let rel = path.posix.relative(path.posix.dirname(fromFile), toFile);
  if (!rel.startsWith('../')) rel = `./${rel}`;
  const ext = extensionOf(toFile);
  const stem = rel.slice(0, rel.length - ext.length);
  const twin = TS_TWIN[ext];
  if (twin !== undefined) {
    const dropsExtension = ext === '.ts' || ext === '.tsx' || ext === '.d.ts';
    if (style === 'none' && dropsExtension) return directoryIndex ? withoutIndex(stem) : stem;
    if (style === 'ts' && !ext.startsWith('.d.')) return rel;
    return stem + twin;
  }
  if (JS_EXTENSIONS.has(ext) && style === 'none' && (ext === '.js' || ext === '.jsx')) return directoryIndex ? withoutIndex(stem) : stem;
  return rel;
}

function withoutIndex(stem: string): string {
  if (!stem.endsWith('/index')) return stem;
  const dir = stem.slice(0, -'/index'.length);
  return dir === '.' || dir === '..' ? `${dir}/` : dir;
}

/** The importer wrote a directory that resolved to its index file. */
export function wroteDirectory(specifier: string, target: string): boolean {
  const base = path.posix.basename(target).replace(/\.(?:d\.)?[cm]?[jt]sx?$/, '');
  if (base !== 'index') return false;
  const last = specifier.replace(/\/$/, '').split('/').pop() ?? '';
  return !last.startsWith('index');
}
