// How busy the CPUs are (everyone's processes, from /proc/stat): the machine is shared, so the
// benchmark says how loaded it was before each run, and can wait for a quieter moment.
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

function cpuTimes() {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const idle = fields[3] + (fields[4] ?? 0);
    return { idle, total: fields.reduce((a, b) => a + b, 0) };
  } catch {
    return undefined;
  }
}

/** Share of all CPUs busy over the next `ms` (0..1), or undefined without /proc. */
export async function cpuBusy(ms = 500) {
  const before = cpuTimes();
  await sleep(ms);
  const after = cpuTimes();
  if (!before || !after || after.total === before.total) return undefined;
  return 1 - (after.idle - before.idle) / (after.total - before.total);
}

/** Wait up to `maxS` seconds for the CPUs to be less than `threshold` busy; returns the last reading. */
export async function waitForQuiet(maxS, threshold = 0.35) {
  const deadline = Date.now() + maxS * 1000;
  let busy = await cpuBusy();
  while (busy !== undefined && busy >= threshold && Date.now() < deadline) busy = await cpuBusy(1000);
  return busy;
}
