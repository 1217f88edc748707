import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Plan, UsageError } from '@monorefactor/core';

export interface BatchRecord {
  index: number;
  status: 'pending' | 'running' | 'committed' | 'failed' | 'partial';
  sha?: string;
  committed: string[];
  failed: { id: string; reason: string }[];
  /** HEAD when the batch started: where `--resume` looks for commits the journal did not see land. */
  baseSha?: string;
  /** Each commit of the batch, recorded just before it is made (sha set once it exists). */
  commits?: { title: string; moves: string[]; sha?: string }[];
}

/** `.git/refactor/journal.json`: what an apply run planned and what it finished, for `--resume`. */
export interface Journal {
  version: 1;
  runId: string;
  startedAt: string;
  plan: Plan;
  batches: BatchRecord[];
  finished: boolean;
}

export function journalPath(gitDir: string): string {
  return path.join(gitDir, 'refactor', 'journal.json');
}

export function readJournal(gitDir: string): Journal | undefined {
  const file = journalPath(gitDir);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Journal;
  } catch {
    throw new UsageError('the apply journal is corrupt', { file: '.git/refactor/journal.json', hint: 'delete it and run apply again' });
  }
}

/** Written atomically (temp file + rename) so a kill mid-write never leaves half a journal. */
export function writeJournal(gitDir: string, journal: Journal): void {
  const file = journalPath(gitDir);
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(journal, null, 2)}\n`);
  renameSync(temp, file);
}

export function newJournal(plan: Plan): Journal {
  const runId = new Date()
    .toISOString()
    .replace(/[-:.TZ]/g, '')
    .slice(0, 14);
  return {
    version: 1,
    runId,
    startedAt: new Date().toISOString(),
    plan,
    batches: plan.batches.map((_, index) => ({ index, status: 'pending', committed: [], failed: [] })),
    finished: false,
  };
}
