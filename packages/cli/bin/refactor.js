#!/usr/bin/env node
// Thin launcher. `npm install` builds the CLI (root `prepare`: tsc -b, then the bundle). The bundle
// starts faster; it runs only while no package has been compiled since it was made, so a bare
// `tsc -b` during development never leaves an older bundle in charge.
import { readdirSync, statSync } from 'node:fs';

const mtime = (url) => {
  try {
    return statSync(url).mtimeMs;
  } catch {
    return undefined;
  }
};
const bundle = new URL('../dist/bundle/refactor.js', import.meta.url);
const packages = new URL('../../', import.meta.url);
const bundled = mtime(bundle);
const fresh = bundled !== undefined && readdirSync(packages).every((name) => (mtime(new URL(`${name}/dist/.tsbuildinfo`, packages)) ?? 0) <= bundled);
await import(fresh ? bundle.href : '../dist/bin.js');
