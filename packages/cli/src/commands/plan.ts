import { UsageError } from '@monorefactor/core';
import type { CliIo } from '../io.js';

export async function planCommand(_dir: string, _options: Record<string, unknown>, _io: CliIo): Promise<number> {
  throw new UsageError('not built yet');
}
