import { parentPort, workerData } from 'node:worker_threads';
import { parseOne } from './parseFiles.js';

// A parse worker: receives chunks of root-relative paths, answers with their parsed imports.
const { root, fingerprint } = workerData as { root: string; fingerprint: boolean };
parentPort?.on('message', (message: { index: number; files: string[] }) => {
  parentPort?.postMessage({ index: message.index, parsed: message.files.map((file) => parseOne(root, file, fingerprint)) });
});
