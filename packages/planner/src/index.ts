export { findConflicts } from './conflicts.js';
export { inferDependencies } from './dependencies.js';
export { type PlanOptions, planBatches } from './planBatches.js';
