import { dotReporter, jsonReporter, mermaidReporter } from './graphReporters.js';
import { markdownReporter } from './markdownReporter.js';
import { tableReporter } from './tableReporter.js';
import type { AnalysisReporter } from './types.js';

export { type Paint, paint } from './ansi.js';
export { planMermaidReporter, planTableReporter } from './planReporters.js';
export type { AnalysisReporter, PlanReporter, ReportOptions } from './types.js';
export { dotReporter, jsonReporter, markdownReporter, mermaidReporter, tableReporter };

/** Reporters by `--format` name: add one here and the CLI offers it. */
export const analysisReporters: Record<string, AnalysisReporter> = {
  table: tableReporter,
  json: jsonReporter,
  mermaid: mermaidReporter,
  dot: dotReporter,
  markdown: markdownReporter,
};
