/**
 * `@monorefactor/ui`: the ink views. A renderer of engine events and analysis results; it never
 * runs the engine itself (the CLI passes `onAbort`, `planFor` and feeds events).
 */
export { type ApplyDashboardProps, type DashboardUi, formatClock, taskRows } from './apply/ApplyDashboard.js';
export { type ApplyView, type ApplyViewOptions, startApplyView } from './apply/startApplyView.js';
export {
  type ApplyCounts,
  type ApplyState,
  type BatchView,
  type CommitView,
  describeMove,
  etaAt,
  type GateView,
  initialApplyState,
  LOG_TAIL_LINES,
  type Notice,
  reduceApplyEvent,
  type TaskStatus,
  type TaskView,
} from './apply/state.js';
export type { ExplorerResult } from './explorer/Explorer.js';
export { type Conflict, filterMoves, overviewLines, planConflicts, planEstimate, planLines, planSummary } from './explorer/model.js';
export { type ExplorerOptions, runExplorer } from './explorer/runExplorer.js';
export { chooseRenderer, isCI, type RendererKind, type TerminalInfo } from './terminal.js';
