import type { AnalysisReporter } from './types.js';
import { dotReporter, jsonReporter, mermaidReporter } from './graphReporters.js';
import { markdownReporter } from './markdownReporter.js';
import { tableReporter } from './tableReporter.js';

export { dotReporter, jsonReporter, markdownReporter, mermaidReporter, tableReporter };
export { planMermaidReporter, planTableReporter } from './planReporters.js';
export { paint, type Paint } from './ansi.js';
export type { AnalysisReporter, PlanReporter, ReportOptions } from './types.js';

/** Reporters by `--format` name: add one here and the CLI offers it. */
export const analysisReporters: Record<string, AnalysisReporter> = {
  table: tableReporter,
  json: jsonReporter,
  mermaid: mermaidReporter,
  dot: dotReporter,
  markdown: markdownReporter,
};
