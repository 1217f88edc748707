import { existsSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, DEFAULT_CONFIG, type RefactorConfig } from '@monorefactor/core';
import { readJsoncFile } from '../workspace/readJson.js';
import { validateConfig } from './validateConfig.js';

export const CONFIG_FILE = 'refactor.config.json';

/**
 * Load `refactor.config.json` (or `configFile`): absent means defaults; a syntax error, an
 * unknown key or a wrong type is a ConfigError naming the file and the key.
 */
export function loadConfig(root: string, configFile?: string): RefactorConfig {
  const file = configFile ? path.resolve(root, configFile) : path.join(root, CONFIG_FILE);
  const display = configFile ?? CONFIG_FILE;
  if (!existsSync(file)) {
    if (configFile) throw new ConfigError('config file not found', { file: display, hint: 'check the --config path' });
    return structuredClone(DEFAULT_CONFIG);
  }
  const read = readJsoncFile<unknown>(file);
  if (!read.ok) throw new ConfigError(`cannot read config: ${read.error}`, { file: display, hint: 'fix the JSON syntax' });
  return validateConfig(read.value, display);
}
