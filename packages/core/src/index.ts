export * from './config.js';
export * from './errors.js';
export * from './events.js';
export * from './findings.js';
export * from './graph.js';
export * from './paths.js';
export * from './plan.js';
export * from './workspace.js';
