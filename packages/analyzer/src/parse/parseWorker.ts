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
    reply = { type: 'parsed', index: request.index, parsed };
  } else {
    reply = { type: 'fingerprints', fingerprints: fingerprintAll(kept) };
    kept.clear();
  }
  parentPort?.postMessage(reply);
});
