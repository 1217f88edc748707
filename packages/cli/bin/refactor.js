#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm install` via the root `prepare` script).
import '../dist/bin.js';
