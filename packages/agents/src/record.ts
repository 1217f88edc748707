import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TaskOutcome } from './types.js';

/** What `runs/<run>/<task>.json` holds: a finished task's outcome, for `--resume`. */
interface OutcomeRecord {
  version: 1;
  batch: number;
  baseSha: string;
  outcome: TaskOutcome;
}

export async function writeOutcomeRecord(file: string, batch: number, baseSha: string, outcome: TaskOutcome): Promise<void> {
  const record: OutcomeRecord = { version: 1, batch, baseSha, outcome };
  await writeFile(file, `${JSON.stringify(record)}\n`);
}

/** The recorded outcome when the task finished 'done' from the same base; otherwise undefined. */
export async function readDoneRecord(file: string, baseSha: string): Promise<TaskOutcome | undefined> {
  if (!existsSync(file)) return undefined;
  try {
    const record = JSON.parse(await readFile(file, 'utf8')) as OutcomeRecord;
    return record.version === 1 && record.baseSha === baseSha && record.outcome?.status === 'done' ? record.outcome : undefined;
  } catch {
    return undefined;
  }
}

export function runDirOf(commonDir: string, runId: string, safe: (id: string) => string): string {
  return path.join(commonDir, 'refactor', 'runs', safe(runId));
}
