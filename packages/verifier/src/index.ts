export { affectedScope } from './affected.js';
export {
  type ApplyOptions,
  type ApplyReport,
  applyPlan,
  assertNoInterruptedRun,
  type BatchExecutor,
  commitTitle,
  type ExecuteContext,
  type MoveExecution,
} from './applyPlan.js';
export { runShell, testCommand, typecheckCommand } from './commands.js';
export { assertCleanTree, commitAll, dirtyFiles, git, gitDir, gitTopLevel, headSha, rollback } from './git.js';
export { checkImports, type GateFindings, gateFindings, type ImportsGateOptions, type ImportsGateRun, runImportsGate } from './importsGate.js';
export { type Journal, journalPath, readJournal, writeJournal } from './journal.js';
export { appendMigration } from './migrationGuide.js';
export { changeSinceHead } from './treeChange.js';
export { type VerifyOptions, type VerifyResult, verifyTree } from './verifyTree.js';
