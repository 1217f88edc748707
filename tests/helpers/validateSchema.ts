/**
 * A small JSON Schema validator for the subset of keywords our schemas use: type, enum,
 * properties, required, additionalProperties (false or a schema), items, minimum, maximum,
 * minLength, minItems, pattern and `$ref` to `#/$defs/...`. A schema using any other keyword
 * throws, so a keyword can never be silently ignored.
 */
export type JsonSchema = { [keyword: string]: unknown };

/** Keywords that only describe; they never fail a value. */
const ANNOTATIONS = new Set(['$schema', '$id', '$defs', 'title', 'description', '$comment']);
const ASSERTIONS = new Set([
  'type',
  'enum',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'minimum',
  'maximum',
  'minLength',
  'minItems',
  'pattern',
  '$ref',
]);

/** Every way `value` breaks `schema`, as `<json pointer>: <problem>`; empty when valid. */
export function validateSchema(value: unknown, schema: JsonSchema, root: JsonSchema = schema, at = ''): string[] {
  for (const key of Object.keys(schema)) {
    if (!ANNOTATIONS.has(key) && !ASSERTIONS.has(key)) throw new Error(`validateSchema: unsupported keyword "${key}" at ${at || '/'}`);
  }
  const where = at || '/';
  if (typeof schema.$ref === 'string') {
    const name = /^#\/\$defs\/([^/]+)$/.exec(schema.$ref)?.[1];
    const target = name === undefined ? undefined : (root.$defs as Record<string, JsonSchema> | undefined)?.[name];
    if (!target) throw new Error(`validateSchema: cannot resolve $ref "${schema.$ref}"`);
    return validateSchema(value, target, root, at);
  }
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((type) => hasType(value, type))) return [`${where}: expected ${types.join(' or ')}, got ${typeName(value)}`];
  }
  const errors: string[] = [];
  if (Array.isArray(schema.enum) && !schema.enum.some((option) => option === value)) {
    errors.push(`${where}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${where}: ${value} < minimum ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) errors.push(`${where}: ${value} > maximum ${schema.maximum}`);
  }
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) errors.push(`${where}: shorter than ${schema.minLength}`);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) errors.push(`${where}: does not match ${schema.pattern}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) errors.push(`${where}: fewer than ${schema.minItems} items`);
    if (schema.items) for (const [i, item] of value.entries()) errors.push(...validateSchema(item, schema.items as JsonSchema, root, `${at}/${i}`));
  }
  if (isObject(value)) {
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    for (const key of (schema.required ?? []) as string[]) if (!(key in value)) errors.push(`${where}: missing required "${key}"`);
    for (const [key, item] of Object.entries(value)) {
      const path = `${at}/${key}`;
      const sub = properties[key];
      if (sub) errors.push(...validateSchema(item, sub, root, path));
      else if (schema.additionalProperties === false) errors.push(`${path}: unknown property`);
      else if (isObject(schema.additionalProperties)) errors.push(...validateSchema(item, schema.additionalProperties, root, path));
    }
  }
  return errors;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasType(value: unknown, type: string): boolean {
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'number') return typeof value === 'number' && Number.isFinite(value);
  return typeName(value) === type;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
