import { setFlagsFromString } from 'node:v8';

// The analysis keeps almost everything it allocates (the graph), so a young generation that
// grows only copies the same objects again and touches fresh pages: a page fault each, ~10 µs on
// a small VM, where growing to V8's default 16 MB semi-spaces cost ~10% of `analyze` on a large
// repo. Kept at its first size, survivors are promoted early instead. V8 reads this flag each
// time it resizes the young generation, so setting it once the process runs takes effect (the
// semi-space size flags are read only at start-up). A process-wide choice, hence here in the
// CLI's entry and not in the engine.
setFlagsFromString('--semi-space-growth-factor=1');
