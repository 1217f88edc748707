import type { Findings } from './findings.js';

/** Typed events every stage emits; the ink UI, the line logger and NDJSON render the same stream. */
export type RefactorEvent =
  | { type: 'analyze:start'; root: string }
  | { type: 'analyze:progress'; phase: 'workspace' | 'parse' | 'resolve' | 'findings'; done: number; total: number }
  | { type: 'analyze:end'; files: number; edges: number; ms: number; counts: Record<keyof Findings, number> }
  | { type: 'plan:ready'; moves: number; batches: number }
  | { type: 'batch:start'; batch: number; total: number; tasks: string[] }
  | { type: 'task:start'; batch: number; task: string; title: string; attempt: number }
  | { type: 'task:log'; task: string; stream: 'stdout' | 'stderr' | 'info'; line: string }
  | {
      type: 'task:end';
      task: string;
      status: 'done' | 'failed' | 'timeout' | 'rejected' | 'skipped' | 'aborted';
      ms: number;
      error?: string;
      attempt: number;
    }
  | { type: 'verify:start'; batch: number; gate: VerifyGate }
  | { type: 'verify:end'; batch: number; gate: VerifyGate; ok: boolean; ms: number; output?: string }
  | { type: 'bisect'; batch: number; tasks: string[]; reason: string }
  | { type: 'commit'; batch: number; sha: string; message: string; tasks: string[] }
  | { type: 'rollback'; batch: number; tasks: string[]; reason: string }
  | { type: 'batch:end'; batch: number; committed: string[]; failed: string[] }
  | { type: 'run:end'; ok: boolean; committed: number; failed: number; ms: number }
  | { type: 'warn'; message: string; file?: string };

export type VerifyGate = 'imports' | 'typecheck' | 'tests';
export type RefactorEventType = RefactorEvent['type'];
export type EventOf<T extends RefactorEventType> = Extract<RefactorEvent, { type: T }>;

/** A listener the engine calls synchronously; renderers must be cheap or buffer. */
export type EventSink = (event: RefactorEvent) => void;

/** A sink that drops everything; the default when a caller does not listen. */
export const noopSink: EventSink = () => {};
