import { parentPort, workerData } from 'node:worker_threads';
import { fingerprintAll, parseChunk } from './parseFiles.js';
import { packFingerprints, type WorkerReply, type WorkerRequest } from './parseInWorkers.js';

// A parse worker. Phase 1: chunks of root-relative paths in, their imports out, keeping the
// sources that need a fingerprint. Phase 2 (one message): fingerprints of everything kept.
const { root, fingerprint } = workerData as { root: string; fingerprint: boolean };
const kept = new Map<string, string>();
const keep = fingerprint ? (file: string, source: string) => kept.set(file, source) : undefined;
parentPort?.on('message', (request: WorkerRequest) => {
  if (request.type === 'parse') {
    // As JSON text: V8 parses it on the main thread faster than it deserialises a structured clone.
    const reply: WorkerReply = { type: 'parsed', index: request.index, json: JSON.stringify(parseChunk(root, request.files, keep)) };
    parentPort?.postMessage(reply);
    return;
  }
  for (const [file, source] of request.sources) kept.set(file, source);
  const packed = packFingerprints(fingerprintAll(kept));
  kept.clear();
  const reply: WorkerReply = { type: 'fingerprints', ...packed };
  parentPort?.postMessage(reply, [packed.shingles.buffer]);
});
