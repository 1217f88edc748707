export { planBatches, type PlanOptions } from './planBatches.js';
export { findConflicts } from './conflicts.js';
export { inferDependencies } from './dependencies.js';
