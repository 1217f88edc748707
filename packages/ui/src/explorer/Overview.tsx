import type { AnalysisResult } from '@monorefactor/core';
import { useMemo } from 'react';
import { LinesView } from './LinesView.js';
import { overviewLines } from './model.js';

/** Packages (files, dependencies), package cycles, and findings by kind with their evidence. */
export function Overview({ result, offset, height }: { result: AnalysisResult; offset: number; height: number }) {
  const lines = useMemo(() => overviewLines(result), [result]);
  return <LinesView lines={lines} offset={offset} height={height} />;
}
