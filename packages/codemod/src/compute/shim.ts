import type { MoveContext } from '../footprint/moveContext.js';
import { packageSpecifier } from '../specifiers/packageSpecifier.js';
import { relativeSpecifier, styleOfFile, styleOfPackage } from '../specifiers/relativeSpecifier.js';
import { newlineOf } from '../text/edits.js';
import { scanExports } from '../text/exportNames.js';
import { type Session, warn } from './session.js';

/** Old paths that get a shim: moved source modules that are not tests, mocks or declarations. */
export function shimmedFiles(ctx: MoveContext, shim: boolean): string[] {
  if (!shim) return [];
  return ctx.movedModules.filter((node) => !node.isTest && !/\.d\.[cm]?ts$/.test(node.path)).map((node) => node.path);
}

/** A deprecated re-export of the module's new home, at its old path. */
export function shimText(session: Session, file: string): string | undefined {
  const { ctx } = session;
  const text = session.texts.get(file);
  const moved = ctx.moves.get(file);
  if (text === undefined || !moved) return undefined;
  const node = ctx.graph.modules.get(file);
  const style = (node && styleOfFile(node)) ?? styleOfPackage(ctx.graph, ctx.from, session.styleCache);
  const specifier = ctx.cross ? packageSpecifier(session, ctx.to.name, moved, file, ['*']) : relativeSpecifier(file, moved, style);
  if (specifier === undefined) {
    warn(session, `${file}: no specifier of ${ctx.to.name} leads to ${moved}; no shim was left`);
    return undefined;
  }
  const quote = /\bfrom\s+(["'])/.exec(text)?.[1] ?? "'";
  const semi = /\bfrom\s+["'][^"']*["'];/.test(text) || !/\bfrom\s+["']/.test(text) ? ';' : '';
  const nl = newlineOf(text);
  const target = specifier.startsWith('.') ? `\`${specifier}\`` : `\`${specifier}\` (${ctx.to.name})`;
  const lines = [
    '/**',
    ` * @deprecated Moved to ${target}. Import it from there; this re-export will be removed.`,
    ' */',
    `export * from ${quote}${specifier}${quote}${semi}`,
  ];
  if (scanExports(text).names.has('default')) lines.push(`export { default } from ${quote}${specifier}${quote}${semi}`);
  return lines.join(nl) + nl;
}
