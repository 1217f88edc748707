#!/usr/bin/env node
// Summarise V8 .cpuprofile files (from `node --cpu-prof`, one per thread) by self time.
//
//   node tools/bench/lib/profile-summary.mjs <dir-or-file>... [--top 25]
//
// Prints, per profile (main thread and each worker) and in total, the functions with the most
// self time, with their file:line, so hot spots can be named without opening DevTools.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export function summarizeProfiles(inputs, { top = 25 } = {}) {
  const files = inputs.flatMap((input) =>
    statSync(input).isDirectory()
      ? readdirSync(input)
          .filter((f) => f.endsWith('.cpuprofile'))
          .map((f) => path.join(input, f))
      : [input],
  );
  const total = new Map();
  const perProfile = [];
  let totalMs = 0;
  for (const file of files.sort()) {
    const profile = JSON.parse(readFileSync(file, 'utf8'));
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const interval = new Map();
    // timeDeltas[i] is the time before samples[i]; attribute it to that sample's node.
    profile.samples.forEach((id, i) => {
      interval.set(id, (interval.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
    });
    const self = new Map();
    let profileMs = 0;
    for (const [id, micros] of interval) {
      const node = byId.get(id);
      const frame = node.callFrame;
      const url = frame.url
        ? frame.url
            .replace(/^file:\/\//, '')
            .replace(/^.*\/node_modules\//, 'node_modules/')
            .replace(/^.*\/packages\//, 'packages/')
        : '';
      const key = `${frame.functionName || '(anonymous)'}  ${url ? `${url}:${frame.lineNumber + 1}` : ''}`.trim();
      const ms = micros / 1000;
      self.set(key, (self.get(key) ?? 0) + ms);
      total.set(key, (total.get(key) ?? 0) + ms);
      profileMs += ms;
    }
    totalMs += profileMs;
    perProfile.push({ file: path.basename(file), ms: profileMs, top: [...self].sort((a, b) => b[1] - a[1]).slice(0, top) });
  }
  return { totalMs, perProfile, top: [...total].sort((a, b) => b[1] - a[1]).slice(0, top) };
}

export function formatSummary(summary) {
  const lines = [];
  const row = ([name, ms], whole) => `  ${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / whole).toFixed(1).padStart(5)}%  ${name}`;
  for (const profile of summary.perProfile) {
    lines.push(`${profile.file}: ${profile.ms.toFixed(0)} ms sampled`);
    for (const entry of profile.top.slice(0, 12)) lines.push(row(entry, profile.ms));
  }
  lines.push(`all threads: ${summary.totalMs.toFixed(0)} ms sampled`);
  for (const entry of summary.top) lines.push(row(entry, summary.totalMs));
  return lines.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const args = process.argv.slice(2);
  const ti = args.indexOf('--top');
  const top = ti === -1 ? 25 : Number(args[ti + 1]);
  const inputs = args.filter((a, i) => !a.startsWith('--') && (ti === -1 || i !== ti + 1));
  console.log(formatSummary(summarizeProfiles(inputs, { top })));
}
