/** A JSON(C) value with the offsets of its text: what precise manifest and tsconfig edits need. */
export type JsonNode = JsonObject | JsonArray | JsonScalar;

export interface JsonObject {
  type: 'object';
  start: number;
  end: number;
  properties: JsonProperty[];
}

export interface JsonArray {
  type: 'array';
  start: number;
  end: number;
  items: JsonNode[];
}

export interface JsonScalar {
  type: 'string' | 'number' | 'boolean' | 'null';
  start: number;
  end: number;
  value: string | number | boolean | null;
}

export interface JsonProperty {
  key: string;
  /** Offset of the key's opening quote. */
  start: number;
  /** Offset after the value. */
  end: number;
  value: JsonNode;
}

/** Parse JSON with comments and trailing commas (tsconfig), keeping offsets. Throws on a syntax error. */
export function parseJsonTree(text: string): JsonNode {
  let pos = 0;
  const fail = (what: string): never => {
    throw new SyntaxError(`invalid JSON at offset ${pos}: ${what}`);
  };
  const skip = () => {
    for (;;) {
      while (pos < text.length && /\s|\ufeff/.test(text[pos] as string)) pos++;
      if (text.startsWith('//', pos)) {
        const nl = text.indexOf('\n', pos);
        pos = nl === -1 ? text.length : nl + 1;
      } else if (text.startsWith('/*', pos)) {
        const close = text.indexOf('*/', pos + 2);
        pos = close === -1 ? text.length : close + 2;
      } else return;
    }
  };
  const readString = (): JsonScalar => {
    const start = pos;
    pos++;
    while (pos < text.length && text[pos] !== '"') pos += text[pos] === '\\' ? 2 : 1;
    if (text[pos] !== '"') fail('unterminated string');
    pos++;
    return { type: 'string', start, end: pos, value: JSON.parse(text.slice(start, pos)) as string };
  };
  const readValue = (): JsonNode => {
    skip();
    const ch = text[pos];
    const start = pos;
    if (ch === '{') {
      pos++;
      const properties: JsonProperty[] = [];
      for (;;) {
        skip();
        if (text[pos] === '}') break;
        if (text[pos] !== '"') fail('expected a property name');
        const key = readString();
        skip();
        if (text[pos] !== ':') fail('expected ":"');
        pos++;
        const value = readValue();
        properties.push({ key: key.value as string, start: key.start, end: value.end, value });
        skip();
        if (text[pos] === ',') pos++;
        else if (text[pos] !== '}') fail('expected "," or "}"');
      }
      pos++;
      return { type: 'object', start, end: pos, properties };
    }
    if (ch === '[') {
      pos++;
      const items: JsonNode[] = [];
      for (;;) {
        skip();
        if (text[pos] === ']') break;
        items.push(readValue());
        skip();
        if (text[pos] === ',') pos++;
        else if (text[pos] !== ']') fail('expected "," or "]"');
      }
      pos++;
      return { type: 'array', start, end: pos, items };
    }
    if (ch === '"') return readString();
    const literal = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(pos, pos + 64));
    if (!literal) return fail('unexpected character');
    pos += literal[0].length;
    const raw = literal[0];
    if (raw === 'true' || raw === 'false') return { type: 'boolean', start, end: pos, value: raw === 'true' };
    if (raw === 'null') return { type: 'null', start, end: pos, value: null };
    return { type: 'number', start, end: pos, value: Number(raw) };
  };
  const root = readValue();
  skip();
  if (pos < text.length) fail('trailing content');
  return root;
}

/** The node at a property path (`['compilerOptions', 'paths']`), if every step is an object property. */
export function findNode(root: JsonNode, path: readonly string[]): JsonNode | undefined {
  let node: JsonNode | undefined = root;
  for (const key of path) {
    if (node?.type !== 'object') return undefined;
    node = node.properties.find((p) => p.key === key)?.value;
  }
  return node;
}

/** Plain value of a node. */
export function toValue(node: JsonNode): unknown {
  if (node.type === 'object') return Object.fromEntries(node.properties.map((p) => [p.key, toValue(p.value)]));
  if (node.type === 'array') return node.items.map(toValue);
  return node.value;
}
