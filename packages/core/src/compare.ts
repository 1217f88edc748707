/**
 * Orders strings by UTF-16 code units, as `Array.prototype.sort()` does. Every sorted list in the
 * `analyze` output uses it: `localeCompare` follows the user's locale (sv-SE sorts `ä` after `z`,
 * tr-TR orders `I` and `i` its own way), so the same repo gave differently ordered JSON on
 * different machines, and its first call starts ICU's collator (~10-15 ms of every run).
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
