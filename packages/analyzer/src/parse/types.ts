import type { ImportKind, ModuleFingerprint } from '@monorefactor/core';

/** An import as written in a file, before resolution. */
export interface RawImport {
  specifier: string;
  kind: ImportKind;
  line: number;
  /** Offsets of the specifier text inside its quotes. */
  start: number;
  end: number;
  names: string[];
}

export interface ExtractedFile {
  imports: RawImport[];
  errors: string[];
  fingerprint?: ModuleFingerprint;
}
