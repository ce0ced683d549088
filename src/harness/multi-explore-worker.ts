// Worker thread of `x86lab explore --cpus N --jobs J`: builds its own explorer (assembly and the
// baseline are deterministic, so every worker sees the same units) and runs the units it is sent.

import { parentPort, workerData } from 'node:worker_threads';
import { MultiExplorer, type MultiExploreOptions } from './multi-explore.js';

const port = parentPort!;
const x = new MultiExplorer(workerData as MultiExploreOptions);
port.on('message', (units: number[] | null) => {
  if (units === null) { port.close(); return; }
  for (const i of units) port.postMessage({ unit: x.runUnit(i) });
  port.postMessage({ idle: true });
});
port.postMessage({ idle: true });
