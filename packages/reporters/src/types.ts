import type { AnalysisResult, Plan } from '@monorefactor/core';

export interface ReportOptions {
  /** Use ANSI colour (the CLI turns it off for NO_COLOR and pipes). */
  color?: boolean;
  /** Terminal width for the table reporter. */
  width?: number;
}

/** A reporter is a pure function of the result: it never prints or touches the file system. */
export type AnalysisReporter = (result: AnalysisResult, options?: ReportOptions) => string;
export type PlanReporter = (plan: Plan, options?: ReportOptions) => string;
