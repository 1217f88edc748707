import path from 'node:path';
import { analyze, toAnalysisResult } from '@monorefactor/analyzer';
import { ExitCode, FINDING_KINDS, type FindingKind, UsageError } from '@monorefactor/core';
import { analysisReporters } from '@monorefactor/reporters';
import { type CliIo, useColor } from '../io.js';

export interface AnalyzeCliOptions {
  json?: boolean;
  format?: string;
  config?: string;
  graph?: boolean;
  failOn?: string;
  workers?: number;
}

export async function analyzeCommand(dir: string, options: AnalyzeCliOptions, io: CliIo): Promise<number> {
  const failOn = parseKinds(options.failOn);
  const analyzeOptions: Parameters<typeof analyze>[0] = { cwd: path.resolve(dir) };
  if (options.config) analyzeOptions.configFile = options.config;
  if (options.workers !== undefined) analyzeOptions.workers = options.workers;
  const analysis = await analyze(analyzeOptions);
  const result = options.graph ? toAnalysisResult(analysis.graph, analysis.findings, { graph: true }) : analysis.result;
  const format = options.json ? 'json' : (options.format ?? 'table');
  const reporter = analysisReporters[format];
  if (!reporter) throw new UsageError(`unknown format "${format}"`, { hint: `use one of ${Object.keys(analysisReporters).join(', ')}` });
  io.stdout.write(reporter(result, { color: useColor(io), width: io.stdout.columns ?? 100 }));
  const failing = failOn.filter((kind) => result.findings[kind].length > 0);
  return failing.length > 0 ? ExitCode.failed : ExitCode.ok;
}

function parseKinds(value: string | undefined): FindingKind[] {
  if (!value) return [];
  const kinds = value
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  for (const kind of kinds) {
    if (!FINDING_KINDS.includes(kind as FindingKind))
      throw new UsageError(`--fail-on: unknown finding kind "${kind}"`, { hint: `use ${FINDING_KINDS.join(', ')}` });
  }
  return kinds as FindingKind[];
}
