import { describe, expect, it } from 'vitest';
import { advance, changeSettings, createSession, frameOf, inject, nearFrameOf, scheduleFault, seek, seekNear, stepEvent, stepHop, unscheduleFault, type Session, type SessionOptions } from '../../engine/index.ts';
import type { SimClient } from '../engine/client.ts';
import { createLiveStore } from './liveStore.ts';
import { createPlayer } from './player.ts';

/** The worker's host, in process: the real engine behind a promise-returning facade. */
function inProcessSim(opts: SessionOptions = {}): SimClient {
  let s: Session | null = null;
  const api = {
    start: (text: string, o: { seed: number; faults?: string[] }) => {
      const r = createSession(text, { ...opts, seed: o.seed, faults: o.faults });
      if ('errors' in r) return { ok: false, errors: r.errors, warnings: [], frame: null };
      s = r;
      return { ok: true, errors: [], warnings: r.diagnostics, frame: frameOf(r) };
    },
    advance: (t: number, n: number) => (advance(s!, t, n), frameOf(s!)),
    frame: () => frameOf(s!, true),
    step: (k: 'event' | 'hop') => {
      const report = k === 'event' ? stepEvent(s!) : stepHop(s!);
      return { frame: frameOf(s!), report };
    },
    seekNear: (t: number) => (seekNear(s!, t) ? nearFrameOf(s!) : null),
    seek: (t: number) => (seek(s!, t), frameOf(s!)),
    inject: (f: string) => ({ ...inject(s!, f), frame: frameOf(s!) }),
    changeSettings: (t: string) => ({ ...changeSettings(s!, t), frame: frameOf(s!) }),
    schedule: (f: string) => ({ ...scheduleFault(s!, f), frame: frameOf(s!) }),
    unschedule: (f: string) => ({ ...unscheduleFault(s!, f), frame: frameOf(s!) }),
    end: () => {
      s = null;
    },
  };
  return new Proxy({} as SimClient, { get: (_, k: string) => (...a: unknown[]) => Promise.resolve((api as Record<string, (...x: unknown[]) => unknown>)[k]!(...a)) });
}

const text = `graph LR
  Orders[Order Service] -->|publish| Kafka[Kafka: orders]
  Kafka --> Billing[Billing Service]
  %% @config Orders rate=100/s
`;

function harness(opts: SessionOptions = {}) {
  const store = createLiveStore();
  let clock = 0;
  const callbacks: (() => void)[] = [];
  const player = createPlayer({ sim: inProcessSim(opts), store, raf: (cb) => callbacks.push(cb), cancelRaf: () => {}, now: () => clock });
  /** Runs one animation frame `ms` of wall time later and lets the worker answer. */
  const frame = async (ms: number) => {
    clock += ms;
    const cbs = callbacks.splice(0);
    for (const cb of cbs) cb();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { store, player, frame };
}

describe('player', () => {
  it('advances simulated time by wall time × speed, one frame per animation frame', async () => {
    const { store, player, frame } = harness();
    await player.start(text);
    expect(store.getState().status).toBe('paused');
    player.setSpeed(2);
    player.play();
    await frame(16);
    await frame(16);
    expect(store.getState().frame!.timeUs).toBe(64_000); // 2 × 16 ms of wall time, twice
    player.pause();
    await frame(16);
    expect(store.getState().frame!.timeUs).toBe(64_000);
  });

  it('runs as fast as possible by event budgets, and never jumps after a long gap in wall time', async () => {
    const { store, player, frame } = harness();
    await player.start(text);
    player.setSpeed(1);
    player.play();
    await frame(5_000); // the tab was in the background
    expect(store.getState().frame!.timeUs).toBe(100_000);
    player.setSpeed(Infinity);
    await frame(16);
    expect(store.getState().frame!.timeUs).toBeGreaterThan(100_000);
  });

  it('refreshes the canvas’s view about ten times a second while playing, and on every frame otherwise', async () => {
    const { store, player, frame } = harness();
    await player.start(text);
    player.play();
    await frame(16);
    const first = store.getState().view;
    expect(first).toBe(store.getState().frame);
    await frame(16);
    await frame(16);
    expect(store.getState().frame!.timeUs).toBe(48_000);
    expect(store.getState().view).toBe(first); // too soon to redraw the nodes
    for (let i = 0; i < 5; i++) await frame(16);
    expect(store.getState().view).not.toBe(first);
    await frame(16);
    player.pause();
    expect(store.getState().view).toBe(store.getState().frame);
    await player.step('event');
    expect(store.getState().view).toBe(store.getState().frame);
  });

  it('steps back a little by seeking earlier, never before the start', async () => {
    const { store, player } = harness();
    await player.start(text);
    await player.seek(3_000_000);
    await player.stepBack(1_000_000);
    expect(store.getState().frame!.timeUs).toBe(2_000_000);
    await player.stepBack(5_000_000);
    expect(store.getState().frame!.timeUs).toBe(0);
  });

  it("puts a fault scheduled during the run on the worker's schedule: it fires at its moment, and is kept for the next run", async () => {
    const { store, player, frame } = harness();
    await player.start(text);
    player.setSpeed(10);
    expect(player.schedule('50ms crash Billing').ok).toBe(true);
    await frame(0);
    expect(store.getState().frame!.pending).toEqual(['50ms crash Billing']);
    player.play();
    await frame(16); // to 160 ms; the worker applies the fault at 50 ms on the way
    const applied = store.getState().frame!.faults;
    expect(applied.map((f) => [f.atUs, f.note])).toEqual([[50_000, 'crashed Billing']]);
    expect(store.getState().frame!.pending).toEqual([]);
    expect(store.getState().schedule).toEqual(['50ms crash Billing']);
    expect(player.schedule('10ms restart Billing').note).toMatch(/next run/);
    expect(store.getState().schedule).toEqual(['10ms restart Billing', '50ms crash Billing']);
    expect(player.schedule('later crash Billing').ok).toBe(false);
  });

  it('meets due faults on the way when seeking forward', async () => {
    const { store, player } = harness();
    await player.start(text);
    player.schedule('1s crash Billing');
    await player.seek(2_000_000);
    expect(store.getState().frame!.faults.map((f) => f.atUs)).toEqual([1_000_000]);
    expect(store.getState().frame!.timeUs).toBe(2_000_000);
  });

  it('a long seek shows the nearest snapshot while it replays, and a newer seek waiting skips the replay', async () => {
    // One snapshot (at 0) and a low threshold: every seek back is a long replay.
    const { store, player } = harness({ snapshotEveryEvents: 1e9, nearReplayEvents: 100 });
    await player.start(text);
    await player.seek(5_000_000);
    const seen: [number, number | null, boolean][] = [];
    const unsubscribe = store.subscribe((s) => seen.push([s.frame!.timeUs, s.replayingTo, s.frame!.counters.lossPending]));
    await player.seek(3_000_000);
    // The snapshot's picture leaves lost and missed to the exact frame, which has them.
    expect(seen).toContainEqual([0, 3_000_000, true]);
    expect(store.getState().frame!.timeUs).toBe(3_000_000);
    expect(store.getState().frame!.counters.lossPending).toBe(false);
    expect(store.getState().replayingTo).toBeNull();
    // A stale seek stops at the snapshot; the newer one replays from there.
    seen.length = 0;
    await player.seek(2_000_000, () => true);
    expect(store.getState().frame!.timeUs).toBe(0);
    expect(store.getState().replayingTo).toBeNull();
    await player.seek(2_500_000);
    expect(store.getState().frame!.timeUs).toBe(2_500_000);
    expect(seen.some(([, to]) => to === 2_500_000)).toBe(false); // forward from the snapshot: nothing to show first
    unsubscribe();
  });

  it('starts with a readable error for a broken text', async () => {
    const { store, player } = harness();
    await player.start('graph LR\n  A[ --> B');
    expect(store.getState().status).toBe('error');
    expect(store.getState().error).toMatch(/^line 2, column/);
  });

  it('seeks back, keeps the series consistent, and injects faults', async () => {
    const { store, player } = harness();
    await player.start(text);
    await player.seek(5_000_000);
    expect(store.getState().series.map((x) => x.t)).toEqual([1, 2, 3, 4, 5].map((s) => s * 1_000_000));
    await player.seek(2_500_000);
    expect(store.getState().series.map((x) => x.t)).toEqual([1_000_000, 2_000_000]);
    expect((await player.inject('crash Billing')).ok).toBe(true);
    expect(store.getState().frame!.faults.at(-1)!.note).toBe('crashed Billing');
  });
});
