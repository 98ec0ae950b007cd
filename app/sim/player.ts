/**
 * Playback: the app owns the wall clock and paces the worker. Each animation frame asks the worker to advance to
 * (simulated time + wall time since last frame × speed) and receives one compact frame back, so the app never gets
 * more than one frame per animation frame (at most 60 a second), and never one per event. At "as fast as possible" it
 * asks for a budget of events instead, tuned so one call takes about a frame's time.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { Frame } from '../../engine/index.ts';
import type { SimClient } from '../engine/client.ts';
import { withFrame, type LiveState } from './liveStore.ts';
import { readScheduled, sortSchedule } from './schedule.ts';

export interface PlayerDeps {
  sim: SimClient;
  store: StoreApi<LiveState>;
  /** requestAnimationFrame and a clock, injectable for tests. */
  raf: (cb: () => void) => number;
  cancelRaf: (id: number) => void;
  now: () => number;
}

/** Speeds the slider offers, in simulated seconds per wall second (Infinity: as fast as possible). */
export const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100, 250, 1000, Infinity];

const TARGET_CALL_MS = 20;
const MAX_EVENTS_PER_CALL = 2_000_000;

/** While playing, the canvas's frame (`view`) is refreshed at most this often. */
const VIEW_EVERY_MS = 90;

export interface Player {
  start(text: string, opts?: { seed?: number; schedule?: string[] }): Promise<void>;
  play(): void;
  pause(): void;
  toggle(): void;
  setSpeed(speed: number): void;
  step(kind: 'event' | 'hop'): Promise<void>;
  /**
   * Goes to `timeUs`. A long replay first shows the nearest snapshot before it (`replayingTo` marks the target);
   * `stale`, asked in between, says a newer seek is waiting, which then replays instead of this one.
   */
  seek(timeUs: number, stale?: () => boolean): Promise<void>;
  /** Seeks `us` earlier than now (the engine replays from the nearest snapshot). */
  stepBack(us: number): Promise<void>;
  inject(line: string): Promise<{ ok: boolean; note: string }>;
  changeSettings(text: string): Promise<{ ok: boolean; note: string }>;
  /** Adds a timed fault (`20s crash Kafka/2`) to the schedule: every later run, and this one if still ahead. */
  schedule(line: string): { ok: boolean; note: string };
  unschedule(line: string): void;
  stop(): void;
}

export function createPlayer(d: PlayerDeps): Player {
  let rafId = -1;
  let busy = false;
  let lastWall = 0;
  let budget = 50_000;
  let lastView = -Infinity;
  /** Bumped by start and stop: answers to calls made for an older run are dropped. */
  let run = 0;
  const set = (p: Partial<LiveState>) => d.store.setState(p);
  /** Folds a frame in; the canvas's view follows at once unless playing, then at most every VIEW_EVERY_MS. */
  const apply = (frame: Frame | null) => {
    if (!frame) return;
    const now = d.now();
    const fresh = d.store.getState().status !== 'playing' || now - lastView >= VIEW_EVERY_MS;
    if (fresh) lastView = now;
    d.store.setState((s) => ({ ...withFrame(s, frame), ...(fresh ? { view: frame } : {}) }));
  };

  const failed = (e: unknown) => set({ status: 'error', error: String(e) });

  const tick = () => {
    rafId = d.raf(tick);
    const s = d.store.getState();
    if (s.status !== 'playing' || busy || !s.frame) return;
    const now = d.now();
    const wallMs = Math.min(100, now - lastWall); // a background tab must not make the sim jump
    lastWall = now;
    busy = true;
    const started = d.now();
    const mine = run;
    // Scheduled faults fire in the worker at their own moment, whatever the speed.
    const until = Number.isFinite(s.speed) ? s.frame.timeUs + Math.round(wallMs * 1000 * s.speed) : Infinity;
    d.sim
      .advance(until, Number.isFinite(s.speed) ? MAX_EVENTS_PER_CALL : budget)
      .then(async (frame) => {
        if (mine !== run) return;
        if (!Number.isFinite(s.speed)) {
          const took = Math.max(1, d.now() - started);
          budget = Math.max(1_000, Math.min(MAX_EVENTS_PER_CALL, Math.round((budget * TARGET_CALL_MS) / took)));
        }
        // Applied even if the learner paused meanwhile: the frame is where the worker now stands.
        apply(frame);
      })
      .catch(failed)
      .finally(() => {
        busy = false;
      });
  };

  const ensureLoop = () => {
    if (rafId < 0) rafId = d.raf(tick);
  };

  return {
    async start(text, opts = {}) {
      const seed = opts.seed ?? d.store.getState().seed;
      const schedule = opts.schedule ?? d.store.getState().schedule;
      const mine = ++run;
      set({ status: 'starting', error: null, seed, schedule, series: [], edgeRates: {}, highlight: null, view: null, stepped: null, replayingTo: null });
      const r = await d.sim.start(text, { seed, faults: schedule });
      if (mine !== run) return;
      if (!r.ok) {
        set({ status: 'error', error: r.errors.map((e) => `line ${e.line}, column ${e.column}: ${e.message}`).join('; '), frame: null, view: null, startedText: null });
        return;
      }
      set({ status: 'paused', warnings: r.warnings, startedText: text, frame: null });
      apply(r.frame);
      ensureLoop();
    },
    play() {
      if (d.store.getState().frame) {
        lastWall = d.now();
        lastView = -Infinity;
        set({ status: 'playing', stepped: null });
        ensureLoop();
      }
    },
    pause() {
      const s = d.store.getState();
      if (s.status !== 'playing') return;
      set({ status: 'paused', view: s.frame });
      // Frames while playing count losses only every few frames; at rest the picture should be exact.
      const mine = run;
      void d.sim.frame().then((frame) => mine === run && apply(frame));
    },
    toggle() {
      if (d.store.getState().status === 'playing') this.pause();
      else this.play();
    },
    setSpeed(speed) {
      set({ speed });
    },
    async step(kind) {
      this.pause();
      const mine = run;
      const { frame, report } = await d.sim.step(kind);
      if (mine !== run) return; // stopped or restarted meanwhile: the answer belongs to the old run
      apply(frame);
      set({ stepped: report });
    },
    async seek(timeUs, stale) {
      this.pause();
      set({ stepped: null });
      const mine = run;
      const to = Math.max(0, timeUs);
      try {
        const near = await d.sim.seekNear(to);
        if (mine !== run) return;
        if (near) {
          set({ replayingTo: to });
          apply(near);
          if (stale?.()) return;
        }
        const frame = await d.sim.seek(to);
        if (mine === run) apply(frame);
      } finally {
        if (mine === run) set({ replayingTo: null });
      }
    },
    async stepBack(us) {
      const now = d.store.getState().frame?.timeUs ?? 0;
      await this.seek(now - us);
    },
    async inject(line) {
      const mine = run;
      const r = await d.sim.inject(line);
      if (mine !== run) return { ok: false, note: 'the run ended before the fault reached it' };
      apply(r.frame);
      return { ok: r.ok, note: r.note };
    },
    async changeSettings(text) {
      const mine = run;
      const r = await d.sim.changeSettings(text);
      if (mine !== run) return { ok: false, note: 'the run ended before the change reached it' };
      if (r.ok) set({ startedText: text });
      apply(r.frame);
      return { ok: r.ok, note: r.note };
    },
    schedule(line) {
      const f = readScheduled(line);
      if (typeof f === 'string') return { ok: false, note: f };
      const s = d.store.getState();
      const add = () => set({ schedule: sortSchedule([...d.store.getState().schedule, f.line]) });
      const ahead = s.frame !== null && f.atUs > s.frame.timeUs;
      // The worker owns the run's schedule: the fault fires there at its moment, and again in every replay. The line
      // joins the list with the frame that has it pending, so it never shows as "next run" in between.
      if (ahead) {
        const mine = run;
        d.sim.schedule(f.line).then(
          (r) => {
            add();
            if (mine === run) apply(r.frame);
          },
          (e: unknown) => {
            add();
            failed(e);
          },
        );
      } else add();
      return { ok: true, note: ahead || !s.frame ? `scheduled at ${f.line.split(/\s/)[0]}` : 'scheduled for the next run (this one is past that moment)' };
    },
    unschedule(line) {
      const s = d.store.getState();
      set({ schedule: s.schedule.filter((l) => l !== line) });
      if (s.frame?.pending.includes(line)) {
        const mine = run;
        d.sim.unschedule(line).then((r) => mine === run && apply(r.frame), failed);
      }
    },
    stop() {
      run++;
      if (rafId >= 0) d.cancelRaf(rafId);
      rafId = -1;
      set({ status: 'off', frame: null, view: null, startedText: null, series: [], stepped: null, replayingTo: null });
      void d.sim.end();
    },
  };
}
