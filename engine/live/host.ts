/**
 * The live simulation as the worker serves it: one session at a time, driven by the app (which owns the wall clock:
 * it asks to advance to a simulated time, or by a number of events, at most once an animation frame). Every answer
 * that changes the moment comes with a fresh frame.
 */
import { compareVariants, type CompareOptions, type VariantResult } from './compare.ts';
import { FAMILIES } from '../components.ts';
import { eventLog, keyPath, logKinds, messageLife, messageLives, story, type LogQuery } from './queries.ts';
import { advance, changeSettings, createSession, frameOf, inject, nearFrameOf, scheduleFault, seek, seekNear, stepEvent, stepHop, unscheduleFault, type Session } from './session.ts';
import type { Finding, Frame, LogEntry, MessageLife, StepReport } from './types.ts';
import type { Diagnostic } from '../topology/types.ts';
import { lostMessages, missedMessages } from '../check/checks.ts';

let session: Session | null = null;

export interface StartResult {
  ok: boolean;
  errors: Diagnostic[];
  /** Problems resolving the topology for simulation (bad settings...), shown but not blocking. */
  warnings: Diagnostic[];
  frame: Frame | null;
}

export const simHost = {
  /** Starts (or restarts) a session for `text`. */
  start(text: string, opts: { seed: number; faults?: string[] }): StartResult {
    const s = createSession(text, { seed: opts.seed, faults: opts.faults ?? [] });
    if ('errors' in s) {
      session = null;
      return { ok: false, errors: s.errors, warnings: [], frame: null };
    }
    session = s;
    return { ok: true, errors: [], warnings: s.diagnostics, frame: frameOf(s) };
  },
  /** Ends the session, so its world and snapshots (hundreds of MB for a large run) can be freed. */
  end(): void {
    session = null;
  },
  /** Runs up to simulated time `untilUs` or `maxEvents` events, whichever comes first. */
  advance(untilUs: number, maxEvents: number): Frame | null {
    if (!session) return null;
    advance(session, untilUs, maxEvents);
    return frameOf(session);
  },
  /** Steps one event or to the next message hop; the report says what happened on the way. */
  step(kind: 'event' | 'hop'): { frame: Frame | null; report: StepReport | null } {
    if (!session) return { frame: null, report: null };
    const report = kind === 'event' ? stepEvent(session) : stepHop(session);
    return { frame: frameOf(session), report };
  },
  /** The nearest snapshot's frame when a seek to `timeUs` has a long replay ahead (seekNear), else null. */
  seekNear(timeUs: number): Frame | null {
    return session && seekNear(session, timeUs) ? nearFrameOf(session) : null;
  },
  seek(timeUs: number): Frame | null {
    if (!session) return null;
    seek(session, timeUs);
    return frameOf(session);
  },
  /** Puts a fault on this run's schedule (it fires at its own time, and again whenever the run is replayed). */
  schedule(line: string): { ok: boolean; note: string; frame: Frame | null } {
    if (!session) return { ok: false, note: 'no simulation is running', frame: null };
    const r = scheduleFault(session, line);
    return { ...r, frame: frameOf(session) };
  },
  unschedule(line: string): { ok: boolean; note: string; frame: Frame | null } {
    if (!session) return { ok: false, note: 'no simulation is running', frame: null };
    const r = unscheduleFault(session, line);
    return { ...r, frame: frameOf(session) };
  },
  inject(fault: string): { ok: boolean; note: string; frame: Frame | null } {
    if (!session) return { ok: false, note: 'no simulation is running', frame: null };
    const r = inject(session, fault);
    // Counted exactly: what a fault loses at once (a crashed database's unflushed commits) shows at once.
    return { ...r, frame: frameOf(session, true) };
  },
  changeSettings(text: string): { ok: boolean; note: string; frame: Frame | null } {
    if (!session) return { ok: false, note: 'no simulation is running', frame: null };
    const r = changeSettings(session, text);
    return { ...r, frame: frameOf(session) };
  },
  /** The frame for the current moment, every count exact (the app asks for it when playback stops). */
  frame(): Frame | null {
    return session ? frameOf(session, true) : null;
  },
  log(q: LogQuery): LogEntry[] {
    return session ? eventLog(session.sim.world, q) : [];
  },
  /** The kinds the event log can show now (those the trace ring holds). */
  logKinds(): string[] {
    return session ? logKinds(session.sim.world) : [];
  },
  message(id: number): MessageLife | null {
    return session ? messageLife(session.sim.world, id) : null;
  },
  key(key: string, limit?: number): MessageLife[] {
    return session ? keyPath(session.sim.world, key, limit) : [];
  },
  /** A family's answer for its inspector (Kafka: `partition` with a partition id, `group` with a group id). */
  inspect(family: string, what: string, id: number): unknown {
    return session ? (FAMILIES.find((f) => f.name === family)?.inspect?.[what]?.(session.sim.world, id) ?? null) : null;
  },
  /** The messages behind a counter, with their lives: lost, duplicated or reordered (with the message that overtook). */
  findings(kind: 'lost' | 'missed' | 'duplicated' | 'reordered', limit = 50): Finding[] {
    if (!session) return [];
    const w = session.sim.world;
    let ids: number[] = [];
    const overtaken = new Map<number, Finding['overtakenBy']>();
    if (kind === 'lost') ids = lostMessages(w, limit).examples.map((e) => e.message);
    else if (kind === 'missed') ids = missedMessages(w, limit).examples.map((e) => e.message);
    else {
      w.checks.groups.forEach((gc, g) => {
        for (const e of kind === 'duplicated' ? gc.duplicateExamples : gc.reorderExamples) {
          ids.push(e.message);
          if (e.other !== undefined && !overtaken.has(e.message)) overtaken.set(e.message, { message: e.other, group: w.msg.subscriptions[g]?.name ?? '', ...(e.retryOf !== undefined ? { retryOf: e.retryOf } : {}) });
        }
      });
    }
    return messageLives(w, [...new Set(ids)].slice(0, limit)).map((l) => (overtaken.has(l.id) ? { ...l, overtakenBy: overtaken.get(l.id) } : l));
  },
  /** The story a message belongs to: its request's messages and what they caused, oldest first. */
  story(id: number, limit?: number): MessageLife[] {
    return session ? story(session.sim.world, id, limit) : [];
  },
  /** A/B: both variants under the same seed and faults. */
  compare(a: { name: string; text: string }, b: { name: string; text: string }, opts: CompareOptions): [VariantResult, VariantResult] {
    return compareVariants(a, b, opts);
  },
  /** The run so far as data (text, seed, timed commands): enough to rebuild it anywhere. */
  recipe(): { text: string; seed: number; faults: string[]; commands: Session['commands'] } | null {
    return session ? { text: session.text, seed: session.seed, faults: session.faults, commands: session.commands } : null;
  },
};
