/**
 * Real workers for the coordinator: each a Web Worker of its own running app/search/search.worker.ts, started when a
 * search starts (Vite gives the worker its own chunk, fetched only then) and terminated when it ends.
 */
import * as Comlink from 'comlink';
import type { PropertyName } from '../../engine/search/kinds.ts';
import type { SearchWorker } from './coordinator.ts';
import type { SearchWorkerApi } from './search.worker.ts';

function start() {
  const worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: 'eventlab-search' });
  return { worker, remote: Comlink.wrap<SearchWorkerApi>(worker) };
}

/** The properties the text offers, asked of a worker of its own (the panel's chunk holds no simulation); ended after. */
export async function askOffers(text: string, lesson: boolean): Promise<PropertyName[]> {
  const { worker, remote } = start();
  try {
    return await remote.offers(text, lesson);
  } finally {
    worker.terminate();
  }
}

export function spawnSearchWorker(): SearchWorker {
  const { worker, remote } = start();
  // A worker that dies (its script fails to load, an uncaught error) fails the calls waiting on it, which comlink
  // alone would leave pending for ever.
  const died = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) => reject(new Error(`a search worker stopped: ${e.message || 'it could not load'}`)));
  });
  died.catch(() => undefined);
  const call = <T>(p: Promise<T>) => Promise.race([p, died]);
  return {
    scan: (text, job, onStep) => call(remote.scan(text, job, Comlink.proxy(onStep))),
    limit: (index) => call(remote.limit(index)),
    shrink: (text, run, property, budget, onRun) => call(remote.shrink(text, run, property, budget, Comlink.proxy(onRun))),
    terminate: () => worker.terminate(),
  };
}
