import { closeSync, openSync, readSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import {
  FREE,
  HEAD,
  MOST_BYTES,
  READING,
  READY,
  type ReadAheadData,
  type ReadAheadRequest,
  RING_BYTES,
  SKIPPED,
  STOP,
  stateSlot,
  TAKER_AT,
} from './readAhead.js';

// The reader of ReadAhead: reads each file it can claim into the ring, in list order, until the
// list ends or it is told to stop. It never parses and never posts text: bytes and states only.
const { port, ring } = workerData as ReadAheadData;
const bytes = new Uint8Array(ring);
/** A late reader starts this many files ahead of the parsing thread, so the two do not race for the same files. */
const LEAD = 4;

port.once('message', ({ files, control: shared }: ReadAheadRequest) => {
  const control = new Int32Array(shared);
  // Ring position mod 2^32 (the head is kept the same way): `(tail - head) >>> 0` is what is in use.
  let tail = 0;
  for (let i = Math.min(files.length, (Atomics.load(control, TAKER_AT) as number) + LEAD); i < files.length; i++) {
    const slot = stateSlot(i);
    if (Atomics.compareExchange(control, slot, FREE, READING) !== FREE) continue;
    // Contiguous room for the largest read: wrap to the ring's start when the end is too near.
    const at = tail & (RING_BYTES - 1);
    if (at + MOST_BYTES > RING_BYTES) tail = (tail + RING_BYTES - at) | 0;
    for (let head = Atomics.load(control, HEAD); ((tail - head) >>> 0) + MOST_BYTES > RING_BYTES; head = Atomics.load(control, HEAD)) {
      if (Atomics.load(control, STOP)) return;
      Atomics.wait(control, HEAD, head, 50);
    }
    if (Atomics.load(control, STOP)) return;
    const length = readInto(files[i] as string, tail & (RING_BYTES - 1));
    if (length < 0) Atomics.store(control, slot, SKIPPED);
    else {
      control[slot + 1] = tail;
      control[slot + 2] = length;
      tail = (tail + length) | 0;
      Atomics.store(control, slot, READY);
    }
    Atomics.notify(control, slot);
  }
});

/** The file's bytes at `at` in the ring; -1 when it cannot be read or fills MOST_BYTES (it may be larger). */
function readInto(file: string, at: number): number {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return -1;
  }
  try {
    const length = readSync(fd, bytes, at, MOST_BYTES, 0);
    return length < MOST_BYTES ? length : -1;
  } catch {
    return -1;
  } finally {
    closeSync(fd);
  }
}
