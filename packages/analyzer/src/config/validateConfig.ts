import { ConfigError, type RefactorConfig } from '@monorefactor/core';

type Check = (value: unknown, at: string) => void;

const string: Check = (value, at) => {
  if (typeof value !== 'string' || value === '') throw new Error(`${at} must be a non-empty string`);
};
const stringArray: Check = (value, at) => {
  if (!Array.isArray(value)) throw new Error(`${at} must be an array of strings`);
  for (const [i, item] of value.entries()) string(item, `${at}[${i}]`);
};
const number: Check = (value, at) => {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new Error(`${at} must be a non-negative number`);
};
const stringOrFalse: Check = (value, at) => {
  if (value !== false) string(value, at);
};

function object(shape: Record<string, Check>, required: string[] = []): Check {
  return (value, at) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${at} must be an object`);
    for (const [key, item] of Object.entries(value)) {
      const check = shape[key];
      if (!check) throw new Error(`unknown key "${at ? `${at}.` : ''}${key}" (known: ${Object.keys(shape).join(', ')})`);
      check(item, at ? `${at}.${key}` : key);
    }
    for (const key of required) if (!(key in value)) throw new Error(`${at} needs "${key}"`);
  };
}

function arrayOf(check: Check): Check {
  return (value, at) => {
    if (!Array.isArray(value)) throw new Error(`${at} must be an array`);
    for (const [i, item] of value.entries()) check(item, `${at}[${i}]`);
  };
}

const configShape = object({
  $schema: string,
  placement: arrayOf(object({ files: string, to: string }, ['files', 'to'])),
  boundaries: arrayOf(object({ name: string, from: string, deny: stringArray, allow: stringArray, files: string, denyModules: stringArray }, ['name', 'from'])),
  moves: arrayOf(object({ from: string, to: string }, ['from', 'to'])),
  ignore: stringArray,
  verify: object({ typecheck: stringOrFalse, test: stringOrFalse }),
  agent: object({ command: stringArray, timeoutMs: number, retries: number }, ['command']),
});

/** Validate a parsed config strictly: unknown keys and wrong types name the key. */
export function validateConfig(raw: unknown, file: string): RefactorConfig {
  try {
    configShape(raw, '');
  } catch (error) {
    throw new ConfigError((error as Error).message, { file, hint: 'see the Configuration section of the README for the accepted keys' });
  }
  const value = raw as Partial<RefactorConfig>;
  const config: RefactorConfig = {
    placement: value.placement ?? [],
    boundaries: value.boundaries ?? [],
    moves: value.moves ?? [],
    ignore: value.ignore ?? [],
    verify: value.verify ?? {},
  };
  if (value.agent) config.agent = value.agent;
  return config;
}
