// Worker thread of `x86lab explore --jobs N`: builds its own explorer (assembly and baseline are
// deterministic, so every worker sees the same boundaries) and runs the units it is sent.

import { parentPort, workerData } from 'node:worker_threads';
import { Explorer, type ExploreOptions } from './explore.js';

const port = parentPort!;
const x = new Explorer(workerData as ExploreOptions);
port.on('message', (units: number[] | null) => {
  if (units === null) { port.close(); return; }
  for (const i of units) port.postMessage({ unit: x.runUnit(i) });
  port.postMessage({ idle: true });
});
port.postMessage({ idle: true });
