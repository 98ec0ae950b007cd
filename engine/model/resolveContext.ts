/**
 * What a family's resolver works with: the parsed topology, the diagnostics, the spec being built, and the
 * questions that cross families (what destinations an edge end stands for, what a service's clients need).
 */
import type { Scope } from '../config/schema.ts';
import type { Value } from '../config/values.ts';
import type { Topology, TopologyEdge, TopologyGroup, TopologyNode } from '../topology/types.ts';
import type { Diagnostics } from './settings.ts';
import type { Spec } from './spec.ts';

export type Values = Record<string, Value> & { explicit: Set<string> };

export interface ResolveContext {
  t: Topology;
  d: Diagnostics;
  spec: Spec;
  nodes: Map<string, TopologyNode>;
  groups: Map<string, TopologyGroup>;
  /** Setting scopes a service node accepts: its own and those of every broker's clients. */
  serviceScopes: Scope[];
  addDestination(family: string, name: string): number;
  /** The destinations an edge end stands for, as the broker family that owns the end reads it; empty for none. */
  destinationsAt(id: string, e: TopologyEdge, pick: 'one' | 'all'): number[];
  /** The destination of the store (a database) a node stands for, as the store family that owns it reads it; -1 for none. */
  storeAt(id: string): number;
  /** The settings each broker family opens a service's clients with, from the service's values, by family. */
  clientSettings(node: string, values: Values): Record<string, unknown>;
  /** How long the slowest-batching broker family's publisher waits before sending (Kafka: linger.ms), in µs. */
  batchingUs(clients: Record<string, unknown>): number;
  /** A dead-letter destination named `name`, hosted beside destination `near` (or -1: by the first broker). */
  deadLetter(name: string, near: number): number;
}

/** A family's part of resolving: it declares what it hosts when created, then connects and settles in turn. */
export interface FamilyResolver {
  /** After every family declared what it hosts: read the edges (the applications). */
  connect?(): void;
  /** After every family connected: settings that depend on what was connected (topic settings, dead letters). */
  settle?(): void;
  /** The destinations an edge end stands for, if the end is this family's; undefined otherwise. */
  destinationsAt?(id: string, e: TopologyEdge, pick: 'one' | 'all'): number[] | undefined;
  /** The destination of the store a node stands for, if the node is this family's store; undefined otherwise. */
  storeAt?(id: string): number | undefined;
  /** What a service's clients of this broker are opened with. */
  clientSettings?(node: string, values: Values): unknown;
  /** How long its publishers wait before sending, given the settings it returned for a service. */
  batchingUs?(settings: unknown): number;
  /** A dead-letter destination it hosts, near one of its destinations (`near` -1: anywhere). */
  deadLetter?(name: string, near: number): number;
}
