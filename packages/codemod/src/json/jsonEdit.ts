import { indentationAt, newlineOf } from '../text/edits.js';
import { findNode, type JsonArray, type JsonNode, type JsonObject, parseJsonTree } from './jsonTree.js';

/**
 * Precise edits of JSON(C) text: each keeps the file's indentation, line breaks, comments and key
 * order, and changes only the property or item it is about. Values are given as text written at
 * indentation 0 (use `formatJson`); they are re-indented where they land.
 */

/** The file's indentation unit (two spaces when it cannot tell). */
export function indentUnitOf(text: string): string {
  const match = /\n([ \t]+)["}\]]/.exec(text);
  return match ? (match[1] as string) : '  ';
}

/** `JSON.stringify` in the file's indentation, at indentation 0. */
export function formatJson(value: unknown, unit: string): string {
  return JSON.stringify(value, null, unit);
}

function reindent(valueText: string, indent: string, newline: string): string {
  return valueText.replace(/\r?\n/g, newline + indent);
}

/** Set `path` to `valueText`: replace an existing value, or insert the property (creating parent objects). */
export function setProperty(text: string, path: readonly string[], valueText: string, options: { sorted?: boolean; index?: number } = {}): string {
  const root = parseJsonTree(text);
  const existing = findNode(root, path);
  if (existing) {
    const indent = indentationAt(text, existing.start);
    return text.slice(0, existing.start) + reindent(valueText, indent, newlineOf(text)) + text.slice(existing.end);
  }
  // deepest existing object on the path
  let depth = path.length - 1;
  while (depth > 0 && findNode(root, path.slice(0, depth))?.type !== 'object') depth--;
  const parent = findNode(root, path.slice(0, depth));
  if (parent?.type !== 'object') throw new Error(`cannot add ${path.join('.')}: ${path.slice(0, depth).join('.')} is not an object`);
  const unit = indentUnitOf(text);
  let nested = valueText;
  for (let i = path.length - 1; i > depth; i--) nested = `{\n${unit}${JSON.stringify(path[i])}: ${reindent(nested, unit, '\n')}\n}`;
  return insertProperty(text, parent, path[depth] as string, nested, options);
}

function insertProperty(text: string, object: JsonObject, key: string, valueText: string, options: { sorted?: boolean; index?: number }): string {
  const newline = newlineOf(text);
  const props = object.properties;
  const first = props[0];
  if (!first) {
    const objectIndent = indentationAt(text, object.start);
    const child = objectIndent + indentUnitOf(text);
    const body = `{${newline}${child}${JSON.stringify(key)}: ${reindent(valueText, child, newline)}${newline}${objectIndent}}`;
    return text.slice(0, object.start) + body + text.slice(object.end);
  }
  const multiline = /\n/.test(text.slice(object.start, first.start));
  const child = multiline ? indentationAt(text, first.start) : '';
  const separator = multiline ? newline + child : ' ';
  const property = `${JSON.stringify(key)}: ${multiline ? reindent(valueText, child, newline) : valueText.replace(/\s*\r?\n\s*/g, ' ')}`;
  let index = options.index ?? props.length;
  if (options.sorted && isSorted(props.map((p) => p.key))) {
    index = props.findIndex((p) => p.key.localeCompare(key, 'en') > 0);
    if (index === -1) index = props.length;
  }
  if (index < props.length) {
    const at = (props[index] as { start: number }).start;
    return `${text.slice(0, at)}${property},${separator}${text.slice(at)}`;
  }
  const last = props[props.length - 1] as { end: number };
  return `${text.slice(0, last.end)},${separator}${property}${text.slice(last.end)}`;
}

function isSorted(keys: string[]): boolean {
  for (let i = 1; i < keys.length; i++) if ((keys[i - 1] as string).localeCompare(keys[i] as string, 'en') > 0) return false;
  return true;
}

/** Remove the property at `path` (and its comma); no-op when absent. */
export function removeProperty(text: string, path: readonly string[]): string {
  const parent = findNode(parseJsonTree(text), path.slice(0, -1));
  if (parent?.type !== 'object') return text;
  const key = path[path.length - 1];
  const index = parent.properties.findIndex((p) => p.key === key);
  if (index === -1) return text;
  return removeListMember(
    text,
    parent,
    parent.properties.map((p) => ({ start: p.start, end: p.end })),
    index,
  );
}

/** Append (or insert at `index`) an item, written as `itemText`, to the array at `path`. */
export function insertArrayItem(text: string, path: readonly string[], itemText: string, index?: number): string {
  const node = findNode(parseJsonTree(text), path);
  if (node?.type !== 'array') throw new Error(`no array at ${path.join('.')}`);
  const newline = newlineOf(text);
  const first = node.items[0];
  if (!first) {
    const arrayIndent = indentationAt(text, node.start);
    const child = arrayIndent + indentUnitOf(text);
    const body = `[${newline}${child}${reindent(itemText, child, newline)}${newline}${arrayIndent}]`;
    return text.slice(0, node.start) + body + text.slice(node.end);
  }
  const multiline = /\n/.test(text.slice(node.start, first.start));
  const child = multiline ? indentationAt(text, first.start) : '';
  const separator = multiline ? newline + child : ' ';
  const item = multiline ? reindent(itemText, child, newline) : itemText.replace(/\s*\r?\n\s*/g, ' ');
  const at = index ?? node.items.length;
  if (at < node.items.length) {
    const before = (node.items[at] as JsonNode).start;
    return `${text.slice(0, before)}${item},${separator}${text.slice(before)}`;
  }
  const last = node.items[node.items.length - 1] as JsonNode;
  return `${text.slice(0, last.end)},${separator}${item}${text.slice(last.end)}`;
}

/** Remove item `index` of the array at `path`. */
export function removeArrayItem(text: string, path: readonly string[], index: number): string {
  const node = findNode(parseJsonTree(text), path);
  if (node?.type !== 'array' || index < 0 || index >= node.items.length) return text;
  return removeListMember(text, node, node.items, index);
}

function removeListMember(text: string, container: JsonObject | JsonArray, members: { start: number; end: number }[], index: number): string {
  const member = members[index] as { start: number; end: number };
  if (members.length === 1) {
    const open = text[container.start] as string;
    const close = open === '{' ? '}' : ']';
    return `${text.slice(0, container.start)}${open}${close}${text.slice(container.end)}`;
  }
  if (index < members.length - 1) {
    const next = members[index + 1] as { start: number };
    return text.slice(0, member.start) + text.slice(next.start);
  }
  const previous = members[index - 1] as { end: number };
  return text.slice(0, previous.end) + text.slice(member.end);
}

/** The text of a node, for copying an existing entry's layout. */
export function nodeText(text: string, node: JsonNode): string {
  return text.slice(node.start, node.end);
}
