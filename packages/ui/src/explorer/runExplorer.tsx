import { type AnalysisResult, type Plan, UsageError } from '@monorefactor/core';
import { render } from 'ink';
import { ColorContext } from '../theme.js';
import { Explorer, type ExplorerResult } from './Explorer.js';

export interface ExplorerOptions {
  result: AnalysisResult;
  /** Plans the chosen moves (pure and quick: it runs on every toggle). Misplaced finding `M1` is move `M1`. */
  planFor: (selectedMoveIds: string[]) => Plan;
  stdout: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
  color: boolean;
  /** Tests: write every frame whole instead of updating the terminal in place. */
  debug?: boolean;
}

/**
 * The interactive explorer: overview, move selection with evidence, plan preview. Resolves with
 * the chosen moves and their plan when the user applies (`a`, then `y`), or null when they quit.
 * Needs a terminal (TTY stdin and stdout); otherwise throws a `UsageError` before drawing anything.
 */
export async function runExplorer(options: ExplorerOptions): Promise<ExplorerResult | null> {
  if (!options.stdin.isTTY || !options.stdout.isTTY) {
    throw new UsageError('refactor ui needs an interactive terminal', { hint: 'use `refactor analyze` and `refactor plan` in scripts and pipes' });
  }
  return new Promise<ExplorerResult | null>((resolve, reject) => {
    let outcome: ExplorerResult | null = null;
    let finished = false;
    const onDone = (value: ExplorerResult | null) => {
      if (finished) return;
      finished = true;
      outcome = value;
      // Let the closing frame (one summary line) render, then restore the terminal.
      setImmediate(() => instance.unmount());
    };
    const instance = render(
      <ColorContext.Provider value={options.color}>
        <Explorer result={options.result} planFor={options.planFor} onDone={onDone} />
      </ColorContext.Provider>,
      {
        stdout: options.stdout,
        stdin: options.stdin,
        debug: options.debug ?? false,
        patchConsole: false,
        exitOnCtrlC: false,
        maxFps: 30,
        // Not ink's incrementalRendering: in ink 6.8 it shifts frames by a line in a real terminal.
        // Standard frames are wrapped in synchronized-output escapes on a TTY, so they do not flicker.
        incrementalRendering: false,
      },
    );
    instance.waitUntilExit().then(
      () => resolve(outcome),
      (error: unknown) => reject(error),
    );
  });
}
