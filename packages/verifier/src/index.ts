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
export { listTree, removeBuildOutputs } from './buildOutputs.js';
export { runShell, testCommand } from './commands.js';
export { failureSummary } from './failureSummary.js';
export { assertCleanTree, commitAll, dirtyFiles, git, gitDir, gitTopLevel, headSha, rollback } from './git.js';
export { checkImports, type GateFindings, gateFindings, type ImportsGateOptions, type ImportsGateRun, runImportsGate } from './importsGate.js';
export { type Journal, journalPath, readJournal, writeJournal } from './journal.js';
export { appendMigration } from './migrationGuide.js';
export { changeSinceHead } from './treeChange.js';
export { runTypecheck } from './typecheckGate.js';
export { type TypecheckPlan, typecheckCommand, typecheckPlan } from './typecheckPlan.js';
export { type VerifyOptions, type VerifyResult, verifyTree } from './verifyTree.js';
