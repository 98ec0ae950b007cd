/**
 * The applications family's part of the world: services and their instances, clients sending requests, sources
 * generating events, and the synchronous calls in flight.
 */
import type { Call, Client, Instance, Reader, Service, Source } from './types.ts';

export interface AppsPart {
  services: Service[];
  instances: Instance[];
  clients: Client[];
  sources: Source[];
  readers: Reader[];
  calls: Map<number, Call>;
}

declare module '../world.ts' {
  interface Parts {
    apps: AppsPart;
  }
}

export function createAppsPart(): AppsPart {
  return { services: [], instances: [], clients: [], sources: [], readers: [], calls: new Map() };
}
