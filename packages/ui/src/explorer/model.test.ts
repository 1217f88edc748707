import { describe, expect, it } from 'vitest';
import { foundingPlanFor, foundingResult } from '../testing/founding.js';
import { filterMoves, findingSource, overviewLines, planConflicts, planEstimate, planLines, planSummary, relatedFindings } from './model.js';

const result = foundingResult();
const planFor = foundingPlanFor(result);

describe('explorer model', () => {
  it('filters moves by id, file, package, target and reason', () => {
    const ids = (query: string) => filterMoves(result.findings.misplaced, query).map((f) => f.id);
    expect(ids('')).toEqual(['M1', 'M2', 'M3']);
    expect(ids('AGENTS')).toEqual(['M3']);
    expect(ids('transport')).toEqual(['M2']);
    expect(ids('m2')).toEqual(['M2']);
    expect(ids('names package')).toEqual(['M1']);
    expect(ids('nothing-like-this')).toEqual([]);
  });

  it('names what a finding moves', () => {
    expect(result.findings.misplaced.map(findingSource)).toEqual([
      'packages/shared/src/stores/mcp-store.ts',
      'packages/shared/src/mcp (3 files)',
      'packages/orch/src/claude (3 files)',
    ]);
  });

  it('finds moves that write the same files', () => {
    expect(planConflicts(planFor(['M1', 'M2', 'M3']))).toEqual([{ a: 'M1', b: 'M2', files: ['packages/mcp/src/server.ts'] }]);
    expect(planConflicts(planFor(['M1', 'M3']))).toEqual([]);
  });

  it('summarizes and details the plan', () => {
    const plan = planFor(['M1', 'M2', 'M3']);
    expect(planSummary(plan)).toBe('3 moves in 2 batches · critical path M3 → M2 · cost 16 parallel vs 20 sequential · 1 conflict');
    const text = planLines(plan).map((l) => l.text);
    expect(text).toContain('batch 1/2: M1, M3 (in parallel)');
    expect(text).toContain('  M2   packages/shared/src/mcp (3 files) -> @acme/mcp  (writes 8 files)');
    expect(text).toContain('  M1 × M2: packages/mcp/src/server.ts');
    expect(text).toContain('critical path: M3 → M2 (cost 16)');
    expect(text).toContain('estimate: 16 parallel vs 20 sequential, in files written (1.3× faster in parallel)');
  });

  it('computes the estimate when the plan has none', () => {
    const { estimate: _estimate, ...plan } = planFor(['M1', 'M2', 'M3']);
    expect(planEstimate(plan)).toEqual({ sequential: 20, parallel: 16 });
  });

  it('lays out packages, cycles and findings by kind', () => {
    const text = overviewLines(result).map((l) => l.text);
    expect(text[0]).toBe('packages (5) · 23 files · 42 import edges');
    expect(text).toContain('  @acme/shared    packages/shared        8 files  → @acme/mcp');
    expect(text).toContain('  @acme/ecosystem packages/ecosystem     3 files  → @acme/agents, @acme/orch, @acme/shared');
    expect(text).toContain('  C1 @acme/mcp → @acme/shared → @acme/mcp  (2 edges)');
    // The edge that closes the cycle (out of @acme/shared) comes first.
    const edges = text.filter((t) => t.startsWith('     packages/'));
    expect(edges[0]).toBe('     packages/shared/src/stores/mcp-store.ts → packages/mcp/src/registry.ts  (@acme/mcp/registry)');
    expect(text).toContain('  misplaced (3)');
    expect(text).toContain('    M2 packages/shared/src/mcp (3 files)  @acme/shared → @acme/mcp  (score 0.75)');
    expect(text).toContain('       imported only by @acme/mcp (2 files)');
    expect(text).toContain('    D1 97% similar: packages/mcp/src/legacy-client.ts ≈ packages/shared/src/mcp/client.ts');
    expect(text).toContain('    @acme/shared imports @acme/mcp without declaring it: packages/shared/src/stores/mcp-store.ts');
    expect(text.at(-1)).toBe('  none: unused, boundaries, unresolved, problems');
  });

  it('relates other findings to a move as evidence', () => {
    const [m1, m2] = result.findings.misplaced;
    expect(relatedFindings(result, m1 as never)).toEqual([
      'C1 cycle @acme/mcp ⇄ @acme/shared through packages/shared/src/stores/mcp-store.ts → packages/mcp/src/registry.ts',
      'undeclared: @acme/shared imports @acme/mcp',
    ]);
    expect(relatedFindings(result, m2 as never)).toEqual(['D1 duplicate (97%): packages/mcp/src/legacy-client.ts ≈ packages/shared/src/mcp/client.ts']);
  });
});
