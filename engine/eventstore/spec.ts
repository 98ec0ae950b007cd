/**
 * The event store family's part of a resolved topology: the stores, the projection engines with the read models
 * each maintains, and the clients that read a read model back after writing.
 */
import type { EventStoreConfig } from './part.ts';

export interface EventStoreSpec {
  node: string;
  destination: number;
  config: EventStoreConfig;
  /** Events the drawing shows already in the store (seed 003's immutable log), as one stream: its key and types. */
  drawn: { key: string; types: string[] } | null;
}

export interface ProjectionSpec {
  node: string;
  /** Its service in the applications family, and the store (index in `stores`) it subscribes to. */
  service: number;
  store: number;
  handleUs: number;
  checkpointEvery: number;
  dedupe: boolean;
  /** Updated in the append's own transaction (never behind, every append slower), or behind it with a subscription. */
  inline: boolean;
  /** The read models it maintains: its own node when it writes none, else the projection nodes it writes (by `edge`). */
  readModels: { node: string; service: number; edge: string }[];
  /** The drawn edge from the store its events arrive by. */
  edge: string;
}

export interface ReaderSpec {
  client: string;
  readModel: string;
  afterUs: number;
  /** The drawn edge its reads travel. */
  edge: string;
  /** Services whose writes to a store the client's requests reach, each with how many calls deep it is. */
  writers: [number, number][];
}

/** A command handler's event versions: what it writes and reads from `upgradeAtUs` (version 1 before), and whether it upcasts. */
export interface HandlerSpec {
  service: number;
  version: number;
  upgradeAtUs: number;
  upcast: boolean;
}

export interface EventSourcingSpec {
  handlers: HandlerSpec[];
  stores: EventStoreSpec[];
  projections: ProjectionSpec[];
  readers: ReaderSpec[];
}

declare module '../model/spec.ts' {
  interface Spec {
    eventstore: EventSourcingSpec;
  }
}
