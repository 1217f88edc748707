import { workerData } from 'node:worker_threads';
import { packChunk } from './packedChunk.js';
import { parseChunk } from './parseChunk.js';
import { claimChunk, type HelperData, type HelperReply, type HelperRequest, REPLIES } from './parseInWorkers.js';

// A parse helper (see ParseHelpers): claims chunks of the file list from the shared counter until
// none is left, posting each chunk's imports and fingerprints back, then says it is done.
const { root, fingerprint, port, counters } = workerData as HelperData;
const shared = new Int32Array(counters);

/** Post, then bump the reply counter the main thread may be waiting on. */
function send(reply: HelperReply, transfer: ArrayBuffer[] = []): void {
  port.postMessage(reply, transfer);
  Atomics.add(shared, REPLIES, 1);
  Atomics.notify(shared, REPLIES);
}

port.once('message', ({ files, threads }: HelperRequest) => {
  let error: string | undefined;
  try {
    for (let claimed = claimChunk(shared, files.length, threads); claimed; claimed = claimChunk(shared, files.length, threads)) {
      const [index, end] = claimed;
      const chunk = packChunk(parseChunk(root, files.slice(index, end), fingerprint));
      send({ type: 'parsed', index, chunk }, [chunk.numbers.buffer as ArrayBuffer, chunk.shingles.buffer as ArrayBuffer]);
    }
  } catch (caught) {
    // The chunk being parsed is not sent: the main thread parses whatever is missing itself.
    error = caught instanceof Error ? caught.message : String(caught);
  }
  send(error === undefined ? { type: 'done' } : { type: 'done', error });
  port.close();
});
