import type { ImportEdge, ModuleFingerprint } from '@monorefactor/core';

/** An import as written in a file, before resolution: an edge without its target. */
export type RawImport = Omit<ImportEdge, 'target'> & {
  /** Left undefined: the graph sets it when it adopts the record as an edge (see `assembleGraph`). */
  target?: undefined;
};

export interface ExtractedFile {
  imports: RawImport[];
  errors: string[];
  fingerprint?: ModuleFingerprint;
}
