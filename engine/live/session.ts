/**
 * A live simulation with a timeline: run it in steps, scrub to any moment simulated so far (restore the nearest
 * snapshot, replay deterministically to the moment), and fork (inject a fault or change settings at a past moment,
 * discarding the old future). A run is (topology text, seed, timed commands), so any moment can be rebuilt exactly.
 */
import type { Fault } from '../faults/types.ts';
import { schedule, unschedule } from '../faults/apply.ts';
import { formatFault, toFault, type FaultInput } from '../faults/parse.ts';
import { createSimulation, fromWorld, type Simulation } from '../simulation.ts';
import { peekTime } from '../sim/queue.ts';
import { isHop, nextIsDead, step as stepOnce } from '../sim/loop.ts';
import type { Diagnostic } from '../topology/types.ts';
import { parseTopology } from '../topology/parse.ts';
import { buildFrame, createFrameState, type FrameState, type LossCount } from './frame.ts';
import { faultsAhead, pendingLines } from './ahead.ts';
import { reconfigure } from './reconfigure.ts';
import { createSnapshotStore, dropAfter, restoreSnapshot, snapshotAt, snapshotDue, takeSnapshot, type Snapshot, type SnapshotStore } from './snapshots.ts';
import { nextEventName, stepReport } from './stepReport.ts';
import type { Frame, StepReport } from './types.ts';
import type { Spec } from '../model/spec.ts';

export type Command = { afterEvents: number; atUs: number } & (
  | { kind: 'fault'; fault: Fault }
  | { kind: 'config'; text: string }
  /** A fault put on this run's schedule (it fires at its own time), or taken off it. */
  | { kind: 'schedule'; fault: Fault }
  | { kind: 'unschedule'; index: number }
);

export interface Session {
  text: string;
  seed: number;
  faults: string[];
  sim: Simulation;
  spec: Spec;
  diagnostics: Diagnostic[];
  commands: Command[];
  /** Index of the next command to re-apply while replaying. */
  nextCommand: number;
  snapshots: SnapshotStore;
  headUs: number;
  headEvents: number;
  frame: FrameState;
  nearReplayEvents: number;
}

export interface SessionOptions {
  seed?: number;
  faults?: string[];
  /**
   * Events between snapshots (default 20,000: a browser worker replays that many of orders-acks1 in about 30 ms, so a
   * seek there stays well under its 100 ms; a large world spaces them further), and the memory the snapshots may add
   * to the live world (default 512 MiB; past it they thin out). See snapshots.ts.
   */
  snapshotEveryEvents?: number;
  snapshotBytesMax?: number;
  traceCapacity?: number;
  /** Replays at least this long show the nearest snapshot first (seekNear; default NEAR_REPLAY_EVENTS). */
  nearReplayEvents?: number;
}

/** Starts a session, or returns the parse errors that prevent it. */
export function createSession(text: string, opts: SessionOptions = {}): Session | { errors: Diagnostic[] } {
  const parsed = parseTopology(text);
  if (!parsed.ok) return { errors: parsed.diagnostics.filter((d) => d.severity === 'error') };
  const faults = opts.faults ?? [];
  const sim = createSimulation(parsed.topology, { seed: opts.seed ?? 1, faults, traceCapacity: opts.traceCapacity ?? 1 << 18 });
  const s: Session = {
    text,
    seed: opts.seed ?? 1,
    faults,
    sim,
    spec: sim.spec,
    diagnostics: sim.diagnostics,
    commands: [],
    nextCommand: 0,
    snapshots: createSnapshotStore(opts.snapshotEveryEvents ?? 20_000, opts.snapshotBytesMax ?? 512 * 2 ** 20),
    headUs: 0,
    headEvents: 0,
    frame: createFrameState(),
    nearReplayEvents: opts.nearReplayEvents ?? NEAR_REPLAY_EVENTS,
  };
  takeSnapshot(s.snapshots, sim.world, s.spec);
  return s;
}

/**
 * Runs events up to `untilUs` (inclusive) or `maxEvents`, whichever first, re-applying recorded commands at their
 * exact place in the event sequence and taking snapshots on the way. Returns whether `untilUs` was reached.
 */
export function advance(s: Session, untilUs: number, maxEvents = Infinity): boolean {
  const w = s.sim.world;
  let budget = maxEvents;
  while (budget > 0) {
    const cmd = s.commands[s.nextCommand];
    if (cmd && cmd.afterEvents === w.events) {
      // A command recorded between two events replays at its own moment, not at the event before it.
      if (cmd.atUs > untilUs) break;
      if (cmd.atUs > w.now) w.now = cmd.atUs;
      applyCommand(s, cmd);
      s.nextCommand++;
      continue;
    }
    const t = peekTime(w.queue);
    if (t > untilUs) break;
    if (cmd && cmd.afterEvents < w.events) {
      s.nextCommand++; // cannot happen in a consistent timeline; skip rather than loop
      continue;
    }
    const before = w.events;
    stepOnce(w);
    if (w.events === before) continue; // a dead timeout, skipped (loop.ts): not an event to count or stop after
    budget--;
    // Snapshots are taken on new ground only: replaying the past finds them already there.
    if (w.events > s.headEvents && snapshotDue(s.snapshots, w)) takeSnapshot(s.snapshots, w, s.spec);
    if (w.events > s.headEvents) {
      s.headEvents = w.events;
      s.headUs = w.now;
    }
  }
  const reached = budget > 0;
  if (reached && untilUs > w.now && Number.isFinite(untilUs)) w.now = untilUs;
  if (w.now > s.headUs && w.events >= s.headEvents) s.headUs = w.now;
  return reached;
}

/** Runs exactly one event, and says what it was and what it did. */
export function stepEvent(s: Session): StepReport {
  skipDead(s);
  const from = s.sim.world.trace.written;
  const name = nextEventName(s.sim.world);
  advance(s, Infinity, 1);
  return stepReport(s.sim.world, name ? [name] : [], from);
}

/** Runs until the next event that moves a message from one place to another (at most 10,000 events), and says so. */
export function stepHop(s: Session): StepReport {
  const from = s.sim.world.trace.written;
  const names: string[] = [];
  for (let i = 0; i < 10_000; i++) {
    skipDead(s);
    const q = s.sim.world.queue;
    const kind = q.size > 0 ? q.kind[q.heap[0]!]! : -1;
    const name = nextEventName(s.sim.world);
    advance(s, Infinity, 1);
    if (name) names.push(name);
    if (kind < 0 || isHop(kind)) break;
  }
  return stepReport(s.sim.world, names, from);
}

/** Skips the dead timeouts due next (loop.ts), so that a step names and runs the event that does something. */
function skipDead(s: Session): void {
  const w = s.sim.world;
  while (nextIsDead(w) && s.commands[s.nextCommand]?.afterEvents !== w.events) stepOnce(w);
}

/**
 * Goes to simulated time `t`, back or forward: from the nearest snapshot at or before `t` when that is nearer than
 * the current moment (or `t` is behind it), replaying deterministically to `t`. Past the head it simulates on.
 */
export function seek(s: Session, t: number): void {
  const w = s.sim.world;
  const snap = snapshotAt(s.snapshots, t);
  if (t < w.now || snap.events > w.events) restore(s, snap);
  // A jump forward too: the cached loss count belongs to the moment left (a found run opened at its violation
  // showed 0 lost until it played on).
  s.frame.lostAt = -Infinity;
  advance(s, t);
}

/** Replays of this many events or more (about a tenth of a second) show the nearest snapshot first (seekNear). */
export const NEAR_REPLAY_EVENTS = 250_000;

/**
 * The first half of a long seek to `t`: when `seek` would restore a snapshot and then replay about NEAR_REPLAY_EVENTS
 * or more, restores it now and returns true, so the app can show that moment while `seek(t)` replays the rest (which
 * goes on from here, without restoring again). False, having done nothing, when the seek is short anyway.
 */
export function seekNear(s: Session, t: number): boolean {
  const w = s.sim.world;
  const snap = snapshotAt(s.snapshots, t);
  if (!(t < w.now || snap.events > w.events) || snap.atUs >= t) return false;
  // The events up to `t`, interpolated between the snapshot and the next one (or the head).
  const next = s.snapshots.list.find((x) => x.atUs > t) ?? { atUs: s.headUs, events: s.headEvents };
  const span = next.atUs - snap.atUs;
  const replay = span > 0 ? ((next.events - snap.events) * (Math.min(t, next.atUs) - snap.atUs)) / span : 0;
  if (replay < s.nearReplayEvents) return false;
  restore(s, snap);
  s.frame.lostAt = -Infinity;
  return true;
}

function restore(s: Session, snap: Snapshot): void {
  s.frame.lostAt = -Infinity; // the cached loss count belongs to the old moment
  const world = restoreSnapshot(s.snapshots, snap, s.sim.world.trace);
  s.spec = snap.spec;
  s.sim = fromWorld(world, snap.spec, s.diagnostics);
  s.nextCommand = s.commands.findIndex((c) => c.afterEvents >= world.events);
  if (s.nextCommand < 0) s.nextCommand = s.commands.length;
}

/** The commands recorded after the current moment (not yet re-applied on the way to the head). */
function later(s: Session): Command[] {
  return s.commands.slice(s.nextCommand);
}

/**
 * Drops everything recorded after the current moment (the old future) but its faults: those stay on the run's
 * schedule at their moments, so the fork meets the same faults and differs from the old run only by its change.
 */
function fork(s: Session): void {
  const w = s.sim.world;
  const ahead = faultsAhead(w, later(s));
  s.commands = s.commands.slice(0, s.nextCommand);
  dropAfter(s.snapshots, w.events);
  s.headEvents = w.events;
  s.headUs = w.now;
  s.frame.lostAt = -Infinity;
  for (const index of ahead.unschedule) record(s, { kind: 'unschedule', index, afterEvents: w.events, atUs: w.now });
  for (const fault of ahead.schedule) record(s, { kind: 'schedule', fault, afterEvents: w.events, atUs: w.now });
}

/** Injects a fault now; at an earlier moment than the head this forks the timeline. */
export function inject(s: Session, input: FaultInput | string): { ok: boolean; note: string } {
  // A live fault needs no time: `crash Billing` means now.
  const f = toFault(typeof input === 'string' && !/^\s*\d/.test(input) ? `0s ${input}` : input);
  if (typeof f === 'string') return { ok: false, note: f };
  const w = s.sim.world;
  if (w.events < s.headEvents) fork(s);
  return record(s, { kind: 'fault', fault: { ...f, at: w.now }, afterEvents: w.events, atUs: w.now });
}

/** Applies the settings of a new text from now on (a fork when at an earlier moment than the head). */
export function changeSettings(s: Session, text: string): { ok: boolean; note: string } {
  const parsed = parseTopology(text);
  if (!parsed.ok) return { ok: false, note: `the text has errors: ${parsed.diagnostics[0]?.message ?? ''}` };
  const w = s.sim.world;
  if (w.events < s.headEvents) fork(s);
  const cmd: Command = { kind: 'config', text, afterEvents: w.events, atUs: w.now };
  const r = applyCommand(s, cmd);
  if (r.ok) {
    s.commands.push(cmd);
    s.nextCommand = s.commands.length;
  }
  return r;
}

/**
 * Puts a fault on this run's schedule: it fires at its own time, now and whenever the run is replayed. One whose
 * moment the run has passed is refused (it is for the next run).
 */
export function scheduleFault(s: Session, input: string): { ok: boolean; note: string } {
  const f = toFault(input);
  if (typeof f === 'string') return { ok: false, note: f };
  const w = s.sim.world;
  if (f.at < w.now) return { ok: false, note: 'the run is past that moment: it is scheduled for the next run' };
  if (w.events < s.headEvents) fork(s);
  return record(s, { kind: 'schedule', fault: f, afterEvents: w.events, atUs: w.now });
}

/** Takes a fault that has not fired yet off this run's schedule, by its text (`20s crash Kafka/2`). */
export function unscheduleFault(s: Session, text: string): { ok: boolean; note: string } {
  const w = s.sim.world;
  // Behind the head, the fault may be one the run meets later: the fork puts it on the schedule first.
  if (!pendingLines(w, faultsAhead(w, later(s))).includes(text)) return { ok: false, note: `${text} is not on this run's schedule` };
  if (w.events < s.headEvents) fork(s);
  const index = w.faults.schedule.findIndex((f, i) => !w.faults.fired[i] && !w.faults.cancelled[i] && formatFault(f) === text);
  return record(s, { kind: 'unschedule', index, afterEvents: w.events, atUs: w.now });
}

/** Records a command at the current moment and applies it. */
function record(s: Session, cmd: Command): { ok: boolean; note: string } {
  s.commands.push(cmd);
  s.nextCommand = s.commands.length;
  return applyCommand(s, cmd);
}

function applyCommand(s: Session, cmd: Command): { ok: boolean; note: string } {
  if (cmd.kind === 'fault') return s.sim.inject(cmd.fault);
  if (cmd.kind === 'schedule') {
    schedule(s.sim.world, cmd.fault);
    return { ok: true, note: `scheduled at ${formatFault(cmd.fault).split(' ')[0]}` };
  }
  if (cmd.kind === 'unschedule') return unschedule(s.sim.world, cmd.index) ? { ok: true, note: 'taken off the schedule' } : { ok: false, note: 'it has already fired' };
  const parsed = parseTopology(cmd.text);
  const r = reconfigure(s.sim.world, s.spec, parsed.topology);
  if ('error' in r) return { ok: false, note: r.error };
  s.spec = r.spec;
  return { ok: true, note: 'settings changed' };
}

/** The frame for the current moment; `exact` recounts what a playing run counts only every few frames (losses). */
export function frameOf(s: Session, exact = false): Frame {
  return frameCounting(s, exact ? 'exact' : 'due');
}

/**
 * The frame of the nearest snapshot after `seekNear`: lost and missed are left to the exact frame `seek` answers
 * with (at ten minutes of 300 nodes each count is 100 to 250 ms), and the frame says they are pending.
 */
export function nearFrameOf(s: Session): Frame {
  return frameCounting(s, 'pending');
}

function frameCounting(s: Session, loss: LossCount): Frame {
  const w = s.sim.world;
  return buildFrame(w, s.frame, s.headUs, pendingLines(w, faultsAhead(w, later(s))), loss);
}
