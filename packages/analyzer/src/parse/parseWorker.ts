import { parentPort, workerData } from 'node:worker_threads';
import { fingerprintAll, parseSource, readSource, wantsFingerprint } from './parseFiles.js';
import type { WorkerReply, WorkerRequest } from './parseInWorkers.js';

// A parse worker. Phase 1: chunks of root-relative paths in, their imports out, keeping the
// sources that need a fingerprint. Phase 2 (one message): fingerprints of everything kept.
const { root, fingerprint } = workerData as { root: string; fingerprint: boolean };
const kept = new Map<string, string>();
parentPort?.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply;
  if (request.type === 'parse') {
    const parsed = request.files.map((file) => {
      const source = readSource(root, file);
      if (typeof source !== 'string') return source;
      if (fingerprint && wantsFingerprint(file)) kept.set(file, source);
      return parseSource(file, source, false);
    });
    // As JSON text: V8 parses it on the main thread faster than it deserialises a structured clone.
    reply = { type: 'parsed', index: request.index, json: JSON.stringify(parsed) };
  } else {
    for (const [file, source] of request.sources) kept.set(file, source);
    const fingerprints = fingerprintAll(kept);
    kept.clear();
    // One buffer for every shingle sample, moved to the main thread rather than copied.
    const shingles = new Uint32Array(fingerprints.reduce((sum, [, fp]) => sum + fp.shingles.length, 0));
    const entries: [string, number, string, number][] = [];
    let offset = 0;
    for (const [file, fp] of fingerprints) {
      shingles.set(fp.shingles, offset);
      offset += fp.shingles.length;
      entries.push([file, fp.tokens, fp.hash, fp.shingles.length]);
    }
    reply = { type: 'fingerprints', entries, shingles };
    parentPort?.postMessage(reply, [shingles.buffer]);
    return;
  }
  parentPort?.postMessage(reply);
});
