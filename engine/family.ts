/**
 * The contract of a component family (Kafka, the applications, and later RabbitMQ, databases, ...): everything the
 * kernel, the faults, the checkers, the live frame and the app shell need from a family, so that adding one edits
 * none of them. The counterpart of tldraw's ShapeUtil, and of TigerBeetle's cluster being generic over its state
 * machine. Families are listed once, in engine/components.ts.
 */
import type { Fault } from './faults/types.ts';
import type { Scope } from './config/schema.ts';
import type { MessageLife } from './live/types.ts';
import type { FamilyResolver, ResolveContext } from './model/resolveContext.ts';
import type { Spec } from './model/spec.ts';
import type { NodeKind } from './topology/types.ts';
import type { World } from './world.ts';

/** Something a fault names (`Kafka/2`, `Billing`), as the family that owns it resolved it. */
export interface FaultTarget {
  family: string;
  /** How the fault's note names it: `Kafka/2, the leader of orders/0`. */
  label: string;
  /** The family's own reference: which brokers, which instances. */
  ref: { type: string; ids: number[] };
}

export interface Family {
  readonly name: string;
  /** The node kinds it simulates. */
  readonly kinds: readonly NodeKind[];
  /** Its modules that declare event handlers (listed, so loading the family loads them; no side-effect imports). */
  readonly modules: readonly object[];

  /**
   * Loads what it needs before a text is read, when the text asks for it (a library fetched on first use, kept out
   * of the first load); undefined when it needs nothing. The worker awaits it before parsing.
   */
  prepare?(text: string): Promise<void> | undefined;
  /** Reads its part of a topology into the spec (declaring what it hosts now; see model/resolveContext.ts). */
  resolve?(ctx: ResolveContext): FamilyResolver;
  /** Setting scopes of the clients it opens for a service (Kafka: producer, consumer), read from the service's node. */
  readonly clientScopes?: readonly Scope[];
  /** Its empty part of the world (`world.parts[name]`), plain data. */
  createPart(): unknown;
  /** Builds its part of the world from the spec. Families build in the order they are listed. */
  build(w: World, spec: Spec): void;
  /** After every family has built: what needs the others' parts (Kafka sizes fetches by what is written). */
  built?(w: World, spec: Spec): void;
  /** Starts what runs by itself (heartbeats, clients, sources), in family order. */
  start(w: World, spec: Spec): void;

  /** What `name` means in this family, a reason it is wrong, or undefined when the name is not this family's. */
  target?(w: World, name: string): FaultTarget | string | undefined;
  /** The network hosts behind a target (for splits, cuts, latency and loss). */
  hosts?(w: World, t: FaultTarget, name: string): number[];
  /** Applies a fault to one of its targets; returns the note, or a reason prefixed with '!' when it cannot. */
  act?(w: World, t: FaultTarget, f: Fault): string;
  /** The network changed (a split, a heal, a cut): what depends on who reaches whom looks again (Kafka's quorum). */
  networkChanged?(w: World): void;
  /** Applies a fault that names no node (an offset reset names a group); undefined when the fault is not its own. */
  perform?(w: World, f: Fault): string | undefined;
  /** Fault actions naming a node that it performs itself, whoever owns the node (asked before the owner acts). */
  readonly performs?: readonly string[];

  /** The live state of each topology node it simulates, by node id (`lags`: each subscription's lag). */
  live?(w: World, out: Record<string, unknown>, lags: readonly number[]): void;
  /** A line saying what it runs, for the command line's report (`clusters: Kafka (3 brokers: orders ×6 rf 3)`). */
  summary?(w: World): string;
  /** Fault target names a run adds to node ids (`Kafka/2`, `leader:orders/0`), for pickers. */
  targetNames?(w: World): string[];
  /** Answers for its inspectors, by name (Kafka: `partition`, `group`), each given a number it understands. */
  readonly inspect?: Readonly<Record<string, (w: World, id: number) => unknown>>;
  /** What the trace still tells about each of `ids` (messages on its places): their stages, in the order asked. */
  lives?(w: World, ids: readonly number[]): MessageLife[];
  /**
   * The message `id` is a copy of, from the same publish (RabbitMQ: another queue's copy of a message routed to
   * several), or 0. A copy's causation names that message without `CAUSED_BY_MESSAGE`, so stories ask here.
   */
  copyOf?(w: World, id: number): number;
  /** Marks every message it holds durably (the loss checker asks every family). */
  holds?(w: World, mark: (message: number) => void): void;
  /** Takes the settings of a new spec in a fork; returns why it cannot, or null. */
  reconfigure?(w: World, from: Spec, to: Spec): string | null;
  /** Mixes its share of the state hash. */
  hash?(w: World, mix: (x: number) => void): void;
  /**
   * Large data that snapshots share instead of copying (live/snapshots.ts), because the family copies a buffer before
   * writing where a snapshot may read it (Kafka: its logs' record buffers). `detach` takes the data out of a world, so
   * that a clone leaves it out, and from then on that world treats it as shared; `reattach` puts it back where it came
   * from; `share` gives a clone of that world its own containers over the same buffers; `buffers` lists a world's.
   */
  readonly shared?: {
    detach(w: Omit<World, 'trace'>): unknown;
    reattach(w: Omit<World, 'trace'>, held: unknown): void;
    share(w: Omit<World, 'trace'>, held: unknown): void;
    buffers(w: Omit<World, 'trace'>, out: (buffer: ArrayBufferView) => void): void;
  };
}
