/**
 * The engine in a Web Worker: the comlink surface the app calls through app/engine/client.ts.
 */
import * as Comlink from 'comlink';

const api = {
  ping(): string {
    return 'pong';
  },
};

export type EngineWorkerApi = typeof api;

Comlink.expose(api);
