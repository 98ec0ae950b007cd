/**
 * A fluent driver for engine scenarios, so a test reads like the scenario it checks:
 *
 *   const sim = TestSim.of(topology).advance('5s').publish('Orders', 100, 'customer-1').advance('2s');
 *   expect(sim.processedBy('billing')).toHaveLength(100);
 *
 * Optionally checks the cluster's invariants after every event (one leader per partition and epoch, high
 * watermarks never moving backwards within an epoch, committed offsets never moving backwards).
 */
import { T } from '../history/kinds.ts';
import { KT } from '../kafka/trace.ts';
import { parseTopology } from '../topology/parse.ts';
import { createSimulation, type Simulation, type SimulationOptions } from '../simulation.ts';
import { addMessage, partitionOf, typeId } from '../history/messages.ts';
import { keyId } from '../history/keys.ts';
import { entries } from '../history/trace.ts';
import { route, send } from '../messaging/dispatch.ts';
import { currentState } from '../kafka/metadata.ts';
import { peekTime } from '../sim/queue.ts';
import { parseDuration } from '../sim/time.ts';
import type { World } from '../world.ts';
import type { Group } from '../kafka/clientTypes.ts';
import type { Partition } from '../kafka/types.ts';
import { checkInvariants, createInvariantState, type InvariantState } from '../kafka/invariants.ts';

const us = (d: string | number) => (typeof d === 'number' ? d : parseDuration(d, 1_000_000)!);

export class TestSim {
  readonly sim: Simulation;
  private inv: InvariantState | null = null;

  private constructor(sim: Simulation) {
    this.sim = sim;
  }

  /** Parses and starts a topology; throws on parse errors and on error diagnostics. */
  static of(text: string, opts: SimulationOptions & { invariants?: boolean } = {}): TestSim {
    const parsed = parseTopology(text);
    if (!parsed.ok) throw new Error(`topology does not parse: ${parsed.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('; ')}`);
    const sim = createSimulation(parsed.topology, { traceCapacity: 1 << 20, ...opts });
    const errors = sim.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length) throw new Error(`topology has errors: ${errors.map((d) => d.message).join('; ')}`);
    const t = new TestSim(sim);
    if (opts.invariants) t.inv = createInvariantState();
    return t;
  }

  /** How many times the invariants were checked (once per event when enabled). */
  get invariantChecks(): number {
    return this.inv?.checks ?? 0;
  }

  get w(): World {
    return this.sim.world;
  }

  /** Runs `d` (a duration like '5s') of simulated time. */
  advance(d: string | number): this {
    return this.until(this.w.now + us(d));
  }

  /** Runs to absolute time `t`. */
  until(t: string | number): this {
    const end = us(t);
    if (!this.inv) {
      this.sim.run(end);
      return this;
    }
    while (peekTime(this.w.queue) <= end) {
      this.sim.step();
      checkInvariants(this.w, this.inv);
    }
    this.sim.run(end);
    return this;
  }

  /** Applies a fault now: `crash Kafka/2`, `restart InventoryService`, ... */
  fault(line: string): this {
    const r = this.sim.inject(`0s ${line}`);
    if (!r.ok) throw new Error(r.note);
    return this;
  }

  crash(target: string): this {
    return this.fault(`crash ${target}`);
  }

  restart(target: string): this {
    return this.fault(`restart ${target}`);
  }

  /** Has `service` (instance 1) send `count` records now, with the given key (or none), of the first topic it publishes to. */
  publish(service: string, count: number, key: string | null = null, type = 'TestEvent'): number[] {
    const w = this.w;
    const svc = w.parts.apps.services.find((s) => s.node === service);
    if (!svc) throw new Error(`no service ${service}`);
    const target = svc.publishes[0];
    if (!target) throw new Error(`${service} publishes nothing`);
    const pub = w.parts.apps.instances[svc.instances[0]!]!.publishers[0]!;
    const ids: number[] = [];
    const k = key === null ? 0 : keyId(w.keys, key);
    const ty = typeId(w.messages, type);
    for (let i = 0; i < count; i++) {
      const place = route(w, target.broker, pub, target.destination, k);
      const id = addMessage(w.messages, k, ty, place, w.now, 0, 0);
      ids.push(id);
      send(w, target.broker, pub, place, id, -1);
    }
    return ids;
  }

  /**
   * The application sends the same messages again (same ids, as an app does that re-sends what it never saw
   * acknowledged after a restart): the broker sees new records, in a new idempotent session if the producer restarted.
   */
  resend(service: string, ids: number[]): void {
    const w = this.w;
    const svc = w.parts.apps.services.find((s) => s.node === service)!;
    const pub = w.parts.apps.instances[svc.instances[0]!]!.publishers[0]!;
    for (const id of ids) send(w, svc.publishes[0]!.broker, pub, partitionOf(w.messages, id), id, -1);
  }

  /** Error codes producers got back, from the trace: code -> count. */
  produceErrors(): Map<number, number> {
    const out = new Map<number, number>();
    for (const e of this.traced(KT.ack)) if (e.c !== 0) out.set(e.c, (out.get(e.c) ?? 0) + 1);
    return out;
  }

  group(name: string): Group {
    const g = this.w.parts.kafka.groups.find((x) => x.name === name);
    if (!g) throw new Error(`no group ${name}; groups: ${this.w.parts.kafka.groups.map((x) => x.name).join(', ')}`);
    return g;
  }

  topic(name: string) {
    const t = this.w.parts.kafka.topics.find((x) => x.name === name);
    if (!t) throw new Error(`no topic ${name}`);
    return t;
  }

  partition(topic: string, index: number): Partition {
    return this.w.parts.kafka.partitions[this.topic(topic).partitions[index]!]!;
  }

  /** The broker number (1-based) leading a partition now, or -1. */
  leaderOf(topic: string, index: number): number {
    const p = this.partition(topic, index);
    const st = currentState(p);
    return st.leader < 0 ? -1 : this.w.parts.kafka.brokers[p.replicas[st.leader]!]!.number;
  }

  isrOf(topic: string, index: number): number[] {
    const p = this.partition(topic, index);
    return currentState(p).isr.map((s) => this.w.parts.kafka.brokers[p.replicas[s]!]!.number);
  }

  /** Message ids in the order group `name` processed them (from the trace), repeats included. */
  processedBy(name: string): number[] {
    const g = this.group(name).id;
    return entries(this.w.trace).filter((e) => e.kind === T.process && e.c === g).map((e) => e.a);
  }

  /** Trace entries of a kind. */
  traced(kind: (typeof T)[keyof typeof T]) {
    return entries(this.w.trace).filter((e) => e.kind === kind);
  }

  /** Message ids in a partition's log, in offset order. */
  logIds(topic: string, index: number): number[] {
    const p = this.partition(topic, index);
    const out: number[] = [];
    for (const s of p.log.segments) for (let i = 0; i < s.count; i++) out.push(s.ids[i]!);
    return out;
  }

  metrics() {
    return this.sim.metrics();
  }

  history() {
    return this.sim.history();
  }
}
