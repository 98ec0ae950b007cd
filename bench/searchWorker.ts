/**
 * One worker thread of the search benchmark (bench/search.bench.ts): parses the topology, says it is ready, and on
 * "go" runs its share of the search's runs (engine/search/scan.ts), as a Web Worker of the app does.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runScan, type ScanJob } from '../engine/search/scan.ts';
import { parseTopology } from '../engine/topology/parse.ts';

const { text, job } = workerData as { text: string; job: ScanJob };
const { topology } = parseTopology(text);
parentPort!.on('message', async () => {
  const tried = await runScan(topology, job, () => undefined, () => Number.POSITIVE_INFINITY, async () => undefined);
  parentPort!.postMessage({ tried });
});
parentPort!.postMessage('ready');
