/**
 * `s` as a string of its own. V8 makes a slice of 13+ characters a view into its parent, so a
 * specifier or name taken from a file's text would keep the whole text alive: every source file
 * of the repo held until the graph is dropped, and copied by each young-generation GC on the way
 * (a tenth of `analyze`'s time on the 7,505-file benchmark). Interned, so the copies are shared.
 */
export function detached(s: string): string {
  let copy = interned.get(s);
  if (copy === undefined) {
    if (interned.size >= 100_000) interned.clear(); // a bound for long-running processes
    copy = copyOf(s);
    interned.set(copy, copy);
  }
  return copy;
}
const interned = new Map<string, string>();

/** `s` as a string of its own, not a view into a larger one (see `detached`; not interned). */
export function copyOf(s: string): string {
  return ` ${s}`.slice(1); // flattens the concatenation: a copy, not a view into the source
}
