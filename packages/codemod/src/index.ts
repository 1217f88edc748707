export { applyChangeSet } from './apply/applyChangeSet.js';
export { computeMoveChanges } from './compute/computeMoveChanges.js';
export { moveFootprint } from './footprint/moveFootprint.js';
export { resolveMoveSpec } from './spec/resolveMoveSpec.js';
export type { ComputeMoveOptions, FileChange, MoveChangeSet } from './types.js';
