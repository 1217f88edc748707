import './tuneHeap.js';
import { run } from './run.js';

// The only place that touches process.exitCode: everything below returns data.
process.exitCode = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
