/**
 * Builds the compact picture of a running world the app draws from: per cluster its brokers and partitions, per
 * service its instances and load, per group its state and lag, counters, network faults, and the chart samples
 * taken since the last frame.
 */
import { lostMessages } from '../check/checks.ts';
import { formatFault } from '../faults/parse.ts';
import { currentState } from '../kafka/metadata.ts';
import { viewEnd } from '../kafka/replicas.ts';
import { groupLags } from '../metrics/report.ts';
import type { World } from '../world.ts';
import type { ClusterLive, Frame, GroupLive, PartitionLive, ServiceLive } from './types.ts';

export function partitionLive(w: World, pid: number): PartitionLive {
  const p = w.parts.kafka.partitions[pid]!;
  const st = currentState(p);
  const num = (slot: number) => w.parts.kafka.brokers[p.replicas[slot]!]!.number;
  const leaderSlot = st.leader >= 0 ? st.leader : p.owner;
  return {
    id: p.id,
    topic: w.parts.kafka.topics[p.topic]!.name,
    index: p.index,
    replicas: p.replicas.map((_, s) => num(s)),
    leader: st.leader >= 0 ? num(st.leader) : -1,
    isr: st.isr.map(num),
    logStart: p.log.startOffset,
    logEnd: viewEnd(p, leaderSlot),
    highWatermark: p.hw[leaderSlot]!,
    offline: st.leader < 0,
    replicaEnds: p.replicas.map((_, s) => viewEnd(p, s)),
  };
}

function clusters(w: World): ClusterLive[] {
  return w.parts.kafka.clusters.map((c) => ({
    node: c.name,
    controllerAlive: c.controller.alive,
    brokers: c.brokers.map((bid) => {
      const b = w.parts.kafka.brokers[bid]!;
      let leads = 0, follows = 0;
      for (const pid of c.partitions) {
        const p = w.parts.kafka.partitions[pid]!;
        const slot = p.replicas.indexOf(bid);
        if (slot < 0) continue;
        if (currentState(p).leader === slot) leads++;
        else follows++;
      }
      return { number: b.number, alive: b.alive, fenced: b.fenced, leads, follows };
    }),
    partitions: c.partitions.map((pid) => partitionLive(w, pid)),
  }));
}

function services(w: World, lags: Map<number, number>): ServiceLive[] {
  const processedBy = new Map<number, number>();
  for (const r of w.parts.apps.readers) processedBy.set(r.service, (processedBy.get(r.service) ?? 0) + r.processed);
  return w.parts.apps.services.map((s) => {
    let up = 0, busy = 0, queued = 0, slow = 0;
    for (const iid of s.instances) {
      const i = w.parts.apps.instances[iid]!;
      if (i.alive) up++;
      busy += i.busy;
      queued += i.waiting.length;
      slow = Math.max(slow, i.slowUs);
    }
    const processed = processedBy.get(s.id) ?? 0;
    return {
      node: s.node,
      up,
      instances: s.instances.length,
      busy,
      queued,
      requests: s.stats.requests,
      ok: s.stats.ok,
      failed: s.stats.failed,
      rejected: s.stats.rejected,
      processed,
      rejecting: s.faults.rejecting,
      slowMs: (s.faults.slowUs + slow) / 1000,
      group: s.group,
      lag: s.group >= 0 ? (lags.get(s.group) ?? 0) : 0,
    };
  });
}

export interface FrameState {
  seq: number;
  samplesSent: number;
  /**
   * Lost messages are counted by scanning the logs, which grows with the run: at most every LOST_EVERY_US of
   * simulated time and every LOST_EVERY_FRAMES frames (at full speed every frame moves seconds on).
   */
  lostAt: number;
  lostSeq: number;
  lost: number;
}

export function createFrameState(): FrameState {
  return { seq: 0, samplesSent: 0, lostAt: -Infinity, lostSeq: -Infinity, lost: 0 };
}

const LOST_EVERY_US = 250_000;
const LOST_EVERY_FRAMES = 6;

/** The frame for `w`; `exact` recounts lost messages now, however recent the last count (for a frame at rest). */
export function buildFrame(w: World, state: FrameState, headUs: number, exact = false): Frame {
  const lagList = groupLags(w);
  const lags = new Map(lagList.map((g, i) => [i, g.lag]));
  const groups: GroupLive[] = w.parts.kafka.groups.map((g, i) => ({ id: g.id, name: g.name, state: g.state, generation: g.generation, members: g.members.length, lag: lagList[i]!.lag, rebalances: g.rebalances }));
  // A seek or a fork resets lostAt to -Infinity: then the count is redone at once.
  if (exact || state.lostAt === -Infinity || (Math.abs(w.now - state.lostAt) >= LOST_EVERY_US && state.seq - state.lostSeq >= LOST_EVERY_FRAMES)) {
    state.lost = lostMessages(w, 0).count;
    state.lostAt = w.now;
    state.lostSeq = state.seq;
  }
  let duplicated = 0, reordered = 0;
  for (const gc of w.checks.groups) {
    duplicated += gc.duplicates;
    reordered += gc.reordered;
  }
  const names = w.net.names;
  const cuts: [string, string][] = [];
  for (const [k, f] of w.net.faults) if (f.cut) cuts.push([names[Math.floor(k / 65536)]!, names[k % 65536]!]);
  const sides: string[][] = [];
  for (let h = 0; h < names.length; h++) {
    const mask = w.net.side[h]!;
    for (let b = 0; b < 31; b++) if (mask & (1 << b)) (sides[b] ??= []).push(names[h]!);
  }
  const down: string[] = [];
  for (let h = 0; h < names.length; h++) if (w.net.up[h] === 0) down.push(names[h]!);
  const series = w.metrics.series;
  // After a seek back in time the app must start its charts over.
  const samplesFromStart = state.samplesSent > series.length || state.samplesSent === 0;
  const samples = series.slice(samplesFromStart ? 0 : state.samplesSent);
  state.samplesSent = series.length;
  const m = w.metrics;
  return {
    seq: ++state.seq,
    timeUs: w.now,
    events: w.events,
    headUs,
    clusters: clusters(w),
    services: services(w, lags),
    groups,
    clients: w.parts.apps.clients.map((c) => ({ node: c.node, target: w.parts.apps.services[c.target]?.node ?? '', ok: c.ok, failed: c.failed })),
    edges: Object.fromEntries(m.edges),
    counters: {
      produced: m.produced,
      acknowledged: m.acknowledged,
      processed: m.processed,
      lost: state.lost,
      duplicated,
      reordered,
      checkoutsOk: m.checkoutsOk,
      checkoutsFailed: m.checkoutsFailed,
    },
    cuts,
    sides: sides.filter(Boolean),
    down,
    samples,
    samplesFromStart,
    faults: w.faults.applied.map((f) => ({ atUs: f.at, text: formatFault(f.fault), note: f.note, ok: f.ok })),
  };
}
