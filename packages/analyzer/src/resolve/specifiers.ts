/** How a module specifier is read before any lookup, as Node and TypeScript read it. */

/** `./x`, `../x`, `.`, `..`: relative. `.bin/x` is not: Node looks it up in node_modules. */
export function isRelativeSpecifier(specifier: string): boolean {
  return specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../');
}

/**
 * `cloudflare:workers`, `bun:test`, `virtual:pwa`, `astro:content`, `https://...`: a URL scheme,
 * provided by the runtime or the bundler, never an npm package (npm names cannot hold a colon).
 */
export function hasUrlScheme(specifier: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(specifier);
}

/**
 * A name an npm package can have: URL-safe, no leading `.`/`_`, no `~'!()*$`; uppercase only in
 * old unscoped names (`JSONStream`), since scopes came after npm banned it. `~/x`, `@/x`, `$lib`
 * and `@theme/Layout` fail: they are aliases from some tool's config.
 */
export function isPackageName(name: string): boolean {
  return /^(?:@[a-z0-9-][a-z0-9-._]*\/[a-z0-9-][a-z0-9-._]*|[A-Za-z0-9-][A-Za-z0-9-._]*)$/.test(name);
}
