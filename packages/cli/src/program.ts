import type { Command } from 'commander';
import { Option } from 'commander';
import type { CliIo } from './io.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Every subcommand, with the options DESIGN.md promises. Handlers are lazy so startup stays fast. */
export function registerCommands(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('analyze')
    .description('build the import graph and report misplaced modules, duplicates, cycles, undeclared deps, boundary violations')
    .argument('[dir]', 'workspace root', '.')
    .option('--json', 'print the version-1 JSON document')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'mermaid', 'dot', 'markdown']).default('table'))
    .option('--config <file>', 'config file (default: refactor.config.json)')
    .option('--graph', 'with --json: include every module and its imports')
    .option('--fail-on <kinds>', 'exit 1 when findings of these kinds exist (comma list, e.g. cycles,boundaries)')
    .option('--workers <n>', 'parse threads (default: one per core from 4 cores up, else this one only)', (v) => Number.parseInt(v, 10))
    .action(async (dir: string, options) => setExit(await (await import('./commands/analyze.js')).analyzeCommand(dir, options, io)));

  program
    .command('plan')
    .description('turn moves into conflict-free, dependency-ordered batches')
    .argument('[dir]', 'workspace root', '.')
    .option('--json', 'print the version-1 plan JSON')
    .option('--move <source=target>', 'a move: file or directory = package name or directory (repeatable)', collect)
    .option('--max-batch <n>', 'most moves per batch', (v) => Number.parseInt(v, 10))
    .option('--out <file>', 'write the plan JSON to a file')
    .option('--config <file>', 'config file')
    .addOption(new Option('--format <format>', 'human output').choices(['table', 'mermaid']).default('table'))
    .action(async (dir: string, options) => setExit(await (await import('./commands/plan.js')).planCommand(dir, options, io)));

  program
    .command('apply')
    .description('apply moves batch by batch: run, verify (imports, types, tests), commit or bisect')
    .argument('[dir]', 'workspace root', '.')
    .option('--plan <file>', 'a plan written by `refactor plan --out`')
    .option('--tasks <file>', 'free-form agent tasks (tasks.json)')
    .option('--move <source=target>', 'a move (repeatable)', collect)
    .option('--parallel <n>', 'moves run at once', (v) => Number.parseInt(v, 10), 4)
    .addOption(new Option('--executor <kind>', 'how moves are carried out').choices(['codemod', 'agent', 'auto']).default('codemod'))
    .option('--agent <command>', 'agent command (argv, split on spaces; {promptFile} and {taskFile} are replaced)')
    .option('--max-batch <n>', 'most moves per batch', (v) => Number.parseInt(v, 10))
    .option('--max-tasks <n>', 'total agent task budget', (v) => Number.parseInt(v, 10))
    .option('--timeout <ms>', 'per agent task timeout', (v) => Number.parseInt(v, 10))
    .option('--retries <n>', 'agent retries on crash or timeout', (v) => Number.parseInt(v, 10))
    .option('--shim', 'leave a deprecated re-export at each old path')
    .option('--no-typecheck', 'skip the typecheck gate')
    .option('--no-tests', 'skip the test gate')
    .option('--dry-run', 'show the diff, change nothing')
    .option('--yes', 'do not ask for confirmation')
    .option('--resume', 'finish an interrupted run from its journal')
    .option('--json', 'NDJSON events on stdout')
    .option('--config <file>', 'config file')
    .action(async (dir: string, options) => setExit(await (await import('./commands/apply.js')).applyCommand(dir, options, io)));

  program
    .command('verify')
    .description('run the verifier gates on the current tree (imports resolve, no cycles, types, tests)')
    .argument('[dir]', 'workspace root', '.')
    .option('--json', 'NDJSON events on stdout')
    .option('--no-typecheck', 'skip the typecheck gate')
    .option('--no-tests', 'skip the test gate')
    .option('--config <file>', 'config file')
    .action(async (dir: string, options) => setExit(await (await import('./commands/verify.js')).verifyCommand(dir, options, io)));

  program
    .command('ui')
    .description('interactive terminal UI: explore findings, pick moves, apply and watch')
    .argument('[dir]', 'workspace root', '.')
    .option('--config <file>', 'config file')
    .action(async (dir: string, options) => setExit(await (await import('./commands/ui.js')).uiCommand(dir, options, io)));
}
