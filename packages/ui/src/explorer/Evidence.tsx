import type { AnalysisResult, MisplacedFinding, PlannedMove } from '@monorefactor/core';
import { useMemo } from 'react';
import { plural } from '../format.js';
import { LinesView } from './LinesView.js';
import { type Line, relatedFindings } from './model.js';

/** Why a move is proposed and what it would touch. */
export function evidenceLines(result: AnalysisResult, finding: MisplacedFinding, move: PlannedMove | null, moveError: string | null): Line[] {
  const lines: Line[] = [];
  lines.push({ text: `${finding.id}: ${finding.from} → ${finding.to}  score ${finding.score.toFixed(2)}  target ${finding.targetDir}`, tone: 'heading' });
  lines.push({ text: 'why', tone: 'accent' });
  for (const reason of finding.reasons) lines.push({ text: `  - ${reason}` });
  if (move) {
    lines.push({ text: `moves (${plural(move.files.length, 'file')})`, tone: 'accent' });
    for (const file of move.files) lines.push({ text: `  ${file.from} → ${file.to}` });
    const moved = new Set(move.files.flatMap((f) => [f.from, f.to]));
    const others = move.footprint.filter((file) => !moved.has(file));
    lines.push({ text: `touches (${plural(others.length, 'other file')}: importers rewritten, manifests updated)`, tone: 'accent' });
    for (const file of others) lines.push({ text: `  ${file}` });
  } else {
    lines.push({ text: `files (${finding.files.length})`, tone: 'accent' });
    for (const file of finding.files) lines.push({ text: `  ${file}` });
    if (moveError) lines.push({ text: `  cannot plan this move: ${moveError}`, tone: 'bad' });
  }
  const related = relatedFindings(result, finding);
  if (related.length > 0) {
    lines.push({ text: 'related findings', tone: 'accent' });
    for (const text of related) lines.push({ text: `  ${text}`, tone: 'muted' });
  }
  return lines;
}

export interface EvidenceProps {
  result: AnalysisResult;
  finding: MisplacedFinding;
  move: PlannedMove | null;
  moveError: string | null;
  offset: number;
  height: number;
}

export function Evidence({ result, finding, move, moveError, offset, height }: EvidenceProps) {
  const lines = useMemo(() => evidenceLines(result, finding, move, moveError), [result, finding, move, moveError]);
  return <LinesView lines={lines} offset={offset} height={height} />;
}
