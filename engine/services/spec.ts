/**
 * The applications' part of a resolved topology: services (and the stores they write) with what each edge makes
 * them do, and clients sending them requests.
 */
import type { Distribution } from '../sim/distribution.ts';
import type { ServiceConfig } from './types.ts';

export interface PublishSpec {
  /** Its destination in the messaging port (an index into `spec.destinations`). */
  destination: number;
  type: string;
  edge: string;
}

/** What a service does with messages it reads (its own settings, whatever the broker). */
export interface HandlingSpec {
  processing: Distribution;
  failure: number;
  /** Attempts at a failing message before giving up; -1 forever. */
  retry: number;
  /** Dead-letter destination, -1 none. */
  dlq: number;
  /**
   * Retry topics in order (`retry.topics`), as destinations: a failing record moves on to the next one instead of
   * blocking its place, and waits there `retryDelaysUs` (parallel) before it is tried again.
   */
  retryTopics: number[];
  retryDelaysUs: number[];
  idempotent: boolean;
  /** processing.threads: workers processing records (1: in the poll loop itself). */
  threads: number;
  /** With threads, the poll loop waits for a batch to finish before it settles (commit=after), else hands it off. */
  waitForBatch: boolean;
}

export interface ServiceSpec {
  node: string;
  label: string;
  kind: 'service' | 'database';
  instances: number;
  config: ServiceConfig;
  handling: HandlingSpec;
  /** The settings each broker family opens this service's publishers and subscribers with, by family. */
  clients: Record<string, unknown>;
  /** How often a publish-only instance hands its events to its publishers (the broker's batching says). */
  sourceTickUs: number;
  group: string;
  calls: { service: string; edge: string }[];
  /** What it writes, in edge order: a store's destination (a database), or a store that runs as a service (-1). */
  writes: { service: string; store: number; type: string; edge: string }[];
  publishes: PublishSpec[];
  /** Destinations it reads. */
  consumes: number[];
  /** The edge each consumed destination arrives by (parallel to `consumes`), to count deliveries per edge. */
  consumeEdges: string[];
  /** Requests or events that start here: from an implicit client, or generated (publish-only services). */
  origin: 'client' | 'source' | null;
  rate: number;
  poisson: boolean;
  key: { name: string; count: number } | null;
  /** Share of originated records sent as tombstones (null values). */
  tombstones: number;
  /** When the service starts, in µs after the beginning. */
  startUs: number;
}

export interface ClientSpec {
  node: string;
  implicit: boolean;
  target: string;
  edge: string;
  rate: number;
  poisson: boolean;
  key: { name: string; count: number } | null;
  startUs: number;
}

declare module '../model/spec.ts' {
  interface Spec {
    services: ServiceSpec[];
    clients: ClientSpec[];
  }
}
