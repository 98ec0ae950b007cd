/**
 * Builds the compact picture of a running world the app draws from: each simulated topology node's live state (as
 * its family tells it), each subscription's lag, counters, network faults, and the chart samples taken since the
 * last frame.
 */
import { lostMessages, missedMessages } from '../check/checks.ts';
import { formatFault } from '../faults/parse.ts';
import { APPLICATION, FAMILIES } from '../components.ts';
import { groupLags } from '../metrics/report.ts';
import type { World } from '../world.ts';
import type { Frame } from './types.ts';

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
  missed: number;
}

export function createFrameState(): FrameState {
  return { seq: 0, samplesSent: 0, lostAt: -Infinity, lostSeq: -Infinity, lost: 0, missed: 0 };
}

const LOST_EVERY_US = 250_000;
const LOST_EVERY_FRAMES = 6;

/**
 * When a frame counts lost and missed messages (full scans of the logs): `due` every few frames, and at once after a
 * seek; `exact` now, however recent the last count (a frame at rest); `pending` not at all, and the frame says so (the
 * nearest snapshot, shown while a long seek replays on: its exact frame counts them, so counting here too would
 * double the cost of the seek's two scans).
 */
export type LossCount = 'due' | 'exact' | 'pending';

/** The frame for `w`, with the lines of the faults the run still meets (see ahead.ts). */
export function buildFrame(w: World, state: FrameState, headUs: number, pending: string[], loss: LossCount = 'due'): Frame {
  const lagList = groupLags(w);
  const lags = lagList.map((g) => g.lag);
  const subscriptions = lagList.map((g, id) => ({ id, name: g.group, lag: g.lag }));
  const nodes: Record<string, unknown> = {};
  const targets: string[] = [];
  for (const f of FAMILIES) {
    f.live?.(w, nodes, lags);
    if (f.targetNames) targets.push(...f.targetNames(w));
  }
  // A seek or a fork resets lostAt to -Infinity: then the count is redone at once.
  const due = state.lostAt === -Infinity || (Math.abs(w.now - state.lostAt) >= LOST_EVERY_US && state.seq - state.lostSeq >= LOST_EVERY_FRAMES);
  if (loss === 'exact' || (loss === 'due' && due)) {
    state.lost = lostMessages(w, 0).count;
    state.missed = missedMessages(w, 0).count;
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
    nodes: nodes as Frame['nodes'],
    subscriptions,
    targets,
    edges: Object.fromEntries(m.edges),
    counters: {
      produced: m.produced,
      acknowledged: m.acknowledged,
      processed: m.processed,
      lost: state.lost,
      missed: state.missed,
      lossPending: loss === 'pending',
      duplicated,
      reordered,
      checkoutsOk: m.checkoutsOk,
      checkoutsFailed: m.checkoutsFailed,
    },
    entries: APPLICATION.entries(w),
    cuts,
    sides: sides.filter(Boolean),
    down,
    samples,
    samplesFromStart,
    faults: w.faults.applied.map((f) => ({ atUs: f.at, text: formatFault(f.fault), note: f.note, ok: f.ok })),
    pending,
  };
}
