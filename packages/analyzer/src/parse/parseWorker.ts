import { parentPort, workerData } from 'node:worker_threads';
import { parseChunk } from './parseFiles.js';
import { packChunk, type WorkerRequest } from './parseInWorkers.js';

// A parse worker: chunks of root-relative paths in, their imports and fingerprints out.
const { root, fingerprint } = workerData as { root: string; fingerprint: boolean };
parentPort?.on('message', (request: WorkerRequest) => {
  const { reply, transfer } = packChunk(request.index, parseChunk(root, request.files, fingerprint));
  parentPort?.postMessage(reply, transfer);
});
