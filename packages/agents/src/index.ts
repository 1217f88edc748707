export { parseFollowUps, planFollowUps } from './follow-ups.js';
export { footprintMatcher, outsideFootprint } from './footprint.js';
export { mergeOutcomes } from './merge.js';
export { buildPrompt, describeContext, FOLLOW_UPS_FILE, type PromptContext } from './prompt.js';
export { DEFAULTS, runAgentBatch } from './run-batch.js';
export { summarize } from './summary.js';
export type { AgentRunnerOptions, AgentTask, FollowUpLimits, MergeResult, RunSummary, TaskOutcome, TaskStatus } from './types.js';
