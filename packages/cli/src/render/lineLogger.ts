import type { RefactorEvent } from '@monorefactor/core';
import { paint } from '@monorefactor/reporters';

/** Plain-line renderer of engine events: for pipes, CI and `NO_COLOR` terminals. Never escape codes unless colour is on. */
export function createLineLogger(write: (line: string) => void, options: { color?: boolean; verbose?: boolean } = {}): (event: RefactorEvent) => void {
  const p = paint(options.color);
  return (event) => {
    switch (event.type) {
      case 'batch:start':
        write(p.bold(`batch ${event.batch}/${event.total}: ${event.tasks.join(', ')}`));
        break;
      case 'task:start':
        write(`  ${event.task} started${event.attempt > 1 ? ` (attempt ${event.attempt})` : ''}: ${event.title}`);
        break;
      case 'task:log':
        if (options.verbose) write(p.dim(`    ${event.task}: ${event.line}`));
        break;
      case 'task:end':
        write(
          `  ${event.task} ${event.status === 'done' ? p.green('done') : p.red(event.status)} in ${(event.ms / 1000).toFixed(1)}s${event.error ? `: ${firstLine(event.error)}` : ''}`,
        );
        break;
      case 'verify:end':
        write(`  verify ${event.gate}: ${event.ok ? p.green('ok') : p.red('failed')} (${(event.ms / 1000).toFixed(1)}s)`);
        if (!event.ok && event.output) for (const line of event.output.split('\n').slice(0, 15)) write(p.dim(`    ${line}`));
        break;
      case 'commit':
        write(p.green(`  committed ${event.sha.slice(0, 8)} ${event.message}`));
        break;
      case 'rollback':
        write(p.yellow(`  rolled back ${event.tasks.join(', ')}: ${event.reason}`));
        break;
      case 'bisect':
        write(p.yellow(`  bisecting: trying ${event.tasks.join(', ')}`));
        break;
      case 'run:end':
        write(
          p.bold(
            `${event.ok ? 'done' : 'finished with failures'}: ${event.committed} commit(s), ${event.failed} failed move(s) in ${(event.ms / 1000).toFixed(1)}s`,
          ),
        );
        break;
      case 'warn':
        write(p.yellow(`warning: ${event.file ? `${event.file}: ` : ''}${event.message}`));
        break;
      default:
        break;
    }
  };
}

/** NDJSON renderer: one event per line, for `--json`. */
export function createNdjsonWriter(write: (line: string) => void): (event: RefactorEvent) => void {
  return (event) => write(JSON.stringify(event));
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}

/** One line per move or task that did not land: `failed M3 (typecheck): <first line of the reason>`. */
export function failureLines(report: { failed: { id: string; gate?: string; reason: string }[] }): string[] {
  return report.failed.map((failure) => `failed ${failure.id}${failure.gate ? ` (${failure.gate})` : ''}: ${firstLine(failure.reason)}`);
}
