import type { VerifyGate } from '@monorefactor/core';

const MAX_LINES = 3;
const MAX_CHARS = 200;

/**
 * Lines that name a gate's failure, best first: a summary shows the first pattern that matches.
 * tsc: `file(line,col): error TS2305: ...` (or `file:line:col - error TS...` when pretty); test
 * runners: vitest/jest `FAIL file > test`, `× test`, `● test`, then thrown errors.
 */
const PATTERNS: Record<Exclude<VerifyGate, 'imports'>, RegExp[]> = {
  typecheck: [/\berror TS\d+:/, /\berror\b/i],
  tests: [/^(FAIL|×|✗|✕|●)\s/, /^\w*Error\b.*:/, /\bfail(ed|ing|ure)?\b/i],
};

/**
 * What a failed gate's output says in one line, for the failure summary (`failed M1 (typecheck):
 * ...`) and the rollback event: its first error lines (a few at most, trimmed), with how many
 * more there are. The whole output stays in the failure's reason, after this line.
 */
export function failureSummary(gate: VerifyGate, output: string): string {
  const lines = output
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  // Gate 1's output is its problems, one a line; a command's output the first lines that look
  // like errors, or its first line when none does.
  const picked =
    gate === 'imports'
      ? lines
      : (PATTERNS[gate].map((pattern) => lines.filter((line) => pattern.test(line))).find((found) => found.length > 0) ?? lines.slice(0, 1));
  if (picked.length === 0) return 'no output';
  const shown = picked.slice(0, MAX_LINES).map((line) => (line.length > MAX_CHARS ? `${line.slice(0, MAX_CHARS - 3)}...` : line));
  return shown.join('; ') + (picked.length > MAX_LINES ? ` (and ${picked.length - MAX_LINES} more)` : '');
}
