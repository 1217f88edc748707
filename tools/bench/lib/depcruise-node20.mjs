#!/usr/bin/env node
// Runs the dependency-cruiser CLI (node_modules/.bin/depcruise) with the same arguments.
// dependency-cruiser 18 declares engines.node "^22||^24||>=26" and its CLI refuses to start on
// Node 20 (a semver check in src/cli/assert-node-environment-suitable.mjs; nothing else in it
// reads the version). This repo runs on Node 20, so on an older Node the reported version is
// raised for that check only; everything else is the unmodified CLI.
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = process.env.BENCH_REPO_ROOT ?? path.resolve(import.meta.dirname, '..', '..', '..');
const bin = realpathSync(path.join(root, 'node_modules', '.bin', 'depcruise'));
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) Object.defineProperty(process.versions, 'node', { value: '22.0.0', configurable: true, enumerable: true, writable: false });
await import(pathToFileURL(bin).href);
