import { ExitCode, RefactorError } from '@monorefactor/core';
import { Command, CommanderError } from 'commander';
import type { CliIo } from './io.js';
import { registerCommands } from './program.js';

/** Parse argv, run the command, and return its exit code. Known errors become one line on stderr. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const program = new Command('refactor');
  let exitCode: number = ExitCode.ok;
  program
    .description('Untangle a JS/TS monorepo: analyze the import graph, plan and apply verified cross-package moves.')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError('(run refactor --help for usage)');
  registerCommands(program, io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    if (error instanceof RefactorError) {
      io.stderr.write(`error: ${error.toLine()}\n`);
      return error.exitCode;
    }
    throw error;
  }
}
