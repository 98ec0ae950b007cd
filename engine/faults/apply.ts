/**
 * Injecting a fault: what crashing, restarting, partitioning, slowing or poisoning does to the world. A crash
 * drops what the process held in memory and keeps what it had made durable: a broker's log survives, a consumer's
 * uncommitted progress and a producer's unsent batches do not.
 */
import { T } from '../history/kinds.ts';
import { KE } from '../kafka/events.ts';
import { AE } from '../services/events.ts';
import { keyId } from '../history/keys.ts';
import { typeId } from '../history/messages.ts';
import { record } from '../history/trace.ts';
import { resetGroupOffsets } from '../kafka/admin.ts';
import { hooks } from '../kafka/hooks.ts';
import { crashConsumer, restartConsumer } from '../kafka/lifecycle.ts';
import { connectionReset, crashProducer, restartProducer } from '../kafka/producer.ts';
import { kickFetchers } from '../kafka/replication.ts';
import { after, at, eventKinds, on } from '../sim/loop.ts';
import { heal, partition, setLinkFault } from '../sim/network.ts';
import { dropCallsAt } from '../services/calls.ts';
import { startClient } from '../services/client.ts';
import type { World } from '../world.ts';
import { formatFault } from './parse.ts';
import { hostsOf, resolveTarget } from './targets.ts';
import type { Fault } from './types.ts';

const FE = eventKinds(['fault']); // a=index in the fault schedule

/** How long an orchestrator takes to restart a consumer that crashed at its worst moment. */
const RESTART_DELAY_US = 5_000_000;

hooks.crashWorstMoment = (w, consumerId) => {
  const c = w.parts.kafka.consumers[consumerId]!;
  const iid = w.parts.apps.services[c.service]!.instances[c.instance]!;
  crashInstance(w, iid);
  after(w, RESTART_DELAY_US, AE.restartInstance, iid, w.parts.apps.instances[iid]!.life);
};

on<World>(AE.restartInstance, 'instance restarted', (w, iid, life) => {
  if (w.parts.apps.instances[iid]!.life === life) restartInstance(w, iid);
});

/** Schedules a fault to fire at its time (or now, if that is past). */
export function schedule(w: World, f: Fault): void {
  const i = w.faults.schedule.length;
  w.faults.schedule.push(f);
  after(w, Math.max(0, f.at - w.now), FE.fault, i, 0);
}

on<World>(FE.fault, 'fault', (w, i) => {
  applyFault(w, w.faults.schedule[i]!);
});

/** Applies a fault now; the result says what it did or why it could not. */
export function applyFault(w: World, f: Fault): { ok: boolean; note: string } {
  const r = apply(w, f);
  const ok = !r.startsWith('!');
  const note = ok ? r : r.slice(1);
  w.faults.applied.push({ fault: f, at: w.now, note, ok });
  record(w.trace, w.now, T.fault, -1, -1, w.faults.applied.length - 1, ok ? 1 : 0, 0);
  return { ok, note };
}

function apply(w: World, f: Fault): string {
  switch (f.action) {
    case 'crash':
    case 'restart': {
      const t = resolveTarget(w, f.target);
      if (typeof t === 'string') return `!${t}`;
      const up = f.action === 'restart';
      if (t.type === 'brokers') for (const id of t.ids) (up ? restartBroker : crashBroker)(w, id);
      else if (t.type === 'controller') {
        const c = w.parts.kafka.clusters[t.cluster]!.controller;
        c.alive = up;
        w.net.up[c.host] = up ? 1 : 0;
      } else if (t.type === 'instances') for (const id of t.ids) (up ? restartInstance : crashInstance)(w, id);
      else {
        const c = w.parts.apps.clients[t.id]!;
        c.alive = up;
        c.life++;
        if (up) startClient(w, c);
      }
      return `${up ? 'restarted' : 'crashed'} ${t.label}`;
    }
    case 'partition': {
      const sides: number[][] = [];
      for (const side of f.sides) {
        const hosts: number[] = [];
        for (const name of side) {
          const h = hostsOf(w, name);
          if (typeof h === 'string') return `!${h}`;
          hosts.push(...h);
        }
        sides.push(hosts);
      }
      partition(w.net, sides);
      return `network split: ${f.sides.map((s) => s.join(', ')).join(' | ')}`;
    }
    case 'heal':
      heal(w.net);
      return 'network healed';
    case 'reset-offsets': {
      // A group is named by its group.id, or by a service of the group.
      const svc = w.parts.apps.services.find((x) => x.node === f.group);
      const name = svc && svc.group >= 0 ? w.parts.kafka.groups[svc.group]!.name : f.group;
      const refused = resetGroupOffsets(w, name, typeof f.to === 'number' ? { shift: f.to } : f.to);
      return refused ? `!${refused}` : `offsets of group ${name} reset to ${typeof f.to === 'number' ? `${f.to} from the committed ones` : f.to}`;
    }
    case 'latency':
    case 'loss':
    case 'cut': {
      const a = hostsOf(w, f.between[0]);
      const b = hostsOf(w, f.between[1]);
      if (typeof a === 'string') return `!${a}`;
      if (typeof b === 'string') return `!${b}`;
      if (f.action === 'latency') setLinkFault(w.net, a, b, { latencyUs: f.latencyUs });
      else if (f.action === 'loss') setLinkFault(w.net, a, b, { loss: f.probability });
      else setLinkFault(w.net, a, b, { cut: true });
      return formatFault(f).replace(/^\S+\s+/, '');
    }
    case 'slow':
    case 'reject':
    case 'accept':
    case 'poison':
    case 'crash-after-processing':
    case 'crash-before-processing': {
      const t = resolveTarget(w, f.target);
      if (typeof t === 'string') return `!${t}`;
      if (t.type !== 'instances') return `!${f.action} applies to a service, and ${f.target} is not one`;
      const svc = w.parts.apps.services[t.service]!;
      const whole = t.ids.length === svc.instances.length;
      if (f.action === 'slow') {
        if (whole) svc.faults.slowUs = f.byUs;
        else for (const iid of t.ids) w.parts.apps.instances[iid]!.slowUs = f.byUs;
      }
      else if (f.action === 'reject') svc.faults.rejecting = true;
      else if (f.action === 'accept') svc.faults.rejecting = false;
      else if (f.action === 'poison') {
        if (f.key !== undefined) svc.faults.poisonKeys.push(keyId(w.keys, f.key));
        if (f.type !== undefined) svc.faults.poisonTypes.push(typeId(w.messages, f.type));
      } else {
        const when = f.action === 'crash-after-processing' ? 'after-processing' : 'before-processing';
        for (const iid of t.ids) for (const cid of w.parts.apps.instances[iid]!.consumers) w.parts.kafka.consumers[cid]!.crashTrigger = when;
        if (w.parts.apps.instances[t.ids[0]!]!.consumers.length === 0) return `!${f.target} consumes nothing`;
      }
      return formatFault(f).replace(/^\S+\s+/, '');
    }
  }
}

export function crashBroker(w: World, id: number): void {
  const b = w.parts.kafka.brokers[id]!;
  if (!b.alive) return;
  b.alive = false;
  b.life++;
  w.net.up[b.host] = 0;
  const c = w.parts.kafka.clusters[b.cluster]!;
  for (const fid of c.fetchers) {
    const f = w.parts.kafka.fetchers[fid]!;
    if (f.follower === id) f.inflight = false;
    if (f.follower === id || f.leader === id) f.parked = false;
  }
  for (const pid of c.partitions) {
    const p = w.parts.kafka.partitions[pid]!;
    p.delayed = p.delayed.filter((d) => w.parts.kafka.produceRequests.get(d.request)?.broker !== id);
  }
  // Clients connected to the dead process see their connections reset at once.
  const rtt = 2 * w.net.latencyAcrossZonesUs;
  for (const req of [...w.parts.kafka.produceRequests.values()]) {
    if (req.broker === id && w.parts.kafka.producers[req.producer]!.requests.has(req.id)) connectionReset(w, req.id, w.now + rtt);
  }
  for (const req of w.parts.kafka.fetchRequests.values()) if (req.broker === id) at(w, w.now + rtt, KE.fetchTimeout, req.consumer, req.id);
  for (const fid of c.fetchers) {
    const f = w.parts.kafka.fetchers[fid]!;
    if (f.leader === id && f.inflight) at(w, w.now + rtt, KE.replicaFetchTimeout, f.id, f.seq);
  }
  record(w.trace, w.now, T.crash, b.host, -1, 0, 1, 0);
}

export function restartBroker(w: World, id: number): void {
  const b = w.parts.kafka.brokers[id]!;
  if (b.alive) return;
  b.alive = true;
  b.life++;
  w.net.up[b.host] = 1;
  after(w, 0, KE.brokerHeartbeat, b.id, b.life);
  kickFetchers(w, b.id);
  record(w.trace, w.now, T.crash, b.host, -1, 0, 2, 0);
}

export function crashInstance(w: World, iid: number): void {
  const inst = w.parts.apps.instances[iid]!;
  if (!inst.alive) return;
  for (const cid of inst.consumers) crashConsumer(w, w.parts.kafka.consumers[cid]!);
  for (const pid of inst.producers) if (pid >= 0) crashProducer(w, w.parts.kafka.producers[pid]!);
  inst.alive = false;
  inst.life++;
  w.net.up[inst.host] = 0;
  dropCallsAt(w, iid);
  record(w.trace, w.now, T.crash, inst.host, -1, 0, 1, 0);
}

export function restartInstance(w: World, iid: number): void {
  const inst = w.parts.apps.instances[iid]!;
  if (inst.alive) return;
  inst.alive = true;
  inst.life++;
  w.net.up[inst.host] = 1;
  for (const pid of inst.producers) if (pid >= 0) restartProducer(w, w.parts.kafka.producers[pid]!);
  for (const cid of inst.consumers) restartConsumer(w, w.parts.kafka.consumers[cid]!);
  record(w.trace, w.now, T.crash, inst.host, -1, 0, 2, 0);
}
