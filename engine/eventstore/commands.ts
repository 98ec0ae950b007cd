/**
 * Commands on an event store, as a command handler runs them (a service whose edge reaches the store): it loads
 * the aggregate (the stream's events, from its latest snapshot when there is one), decides, and appends its events
 * with the version it loaded as the expected version. If another command appended to the stream in between, the
 * store refuses the append (EventStoreDB: WrongExpectedVersion; Axon: ConcurrencyException) and writes nothing; the
 * handler loads again and retries, `conflict.retries` times, and then the command fails: an outcome the caller
 * sees. Appended events are never changed or deleted; a crash of the store loses only what was in flight.
 */
import { APPLICATION } from '../components.ts';
import { NONE } from '../history/errors.ts';
import { ACKED, addMessage, typeOf } from '../history/messages.ts';
import { keyId } from '../history/keys.ts';
import { record } from '../history/trace.ts';
import type { Owner, RowWrite } from '../messaging/port.ts';
import { sample } from '../sim/distribution.ts';
import { after, at, on } from '../sim/loop.ts';
import { arrival } from '../sim/network.ts';
import { nextInt } from '../sim/random.ts';
import { nextId, type World } from '../world.ts';
import { UNREADABLE_EVENT, WRONG_EXPECTED_VERSION } from './errors.ts';
import { EE } from './events.ts';
import type { Command, EventStore } from './part.ts';
import { afterCommit } from './reads.ts';
import { replay, replayLength } from './streams.ts';
import { inlineCostUs, wakeProjections } from './subscriptions.ts';
import { ET } from './trace.ts';

/** Sends `kind` from host `from` to host `to`; false when it cannot arrive (the sender's timeout decides). */
export function hop(w: World, from: number, to: number, kind: number, a: number, b: number): boolean {
  const t = arrival(w.net, w.now, from, to);
  if (t < 0) return false;
  at(w, t, kind, a, b);
  return true;
}

/** A command from `owner` appending `rows` (its events) to the store behind `destination`; returns its id. */
export function transact(w: World, owner: Owner, destination: number, rows: readonly RowWrite[], waiter: number): number {
  const p = w.parts.eventstore;
  const es = p.stores[p.storeOf[destination]!]!;
  const id = nextId(w);
  const first = rows[0]!;
  // A command with no key acts on one of `aggregates` ids, named after its event (OrderPlaced: order-17).
  const key = first.key !== 0 ? first.key : keyId(w.keys, `${aggregateName(w, first.type)}-${1 + nextInt(es.rng, es.config.aggregates)}`);
  const h = p.handlers.get(owner.app);
  const version = h && w.now >= h.upgradeAtUs ? h.version : 1;
  const cmd: Command = {
    id, store: es.id, host: owner.host, app: owner.app, waiter, key, types: rows.map((r) => r.type), version, upcast: h?.upcast ?? true, cause: first.cause, attempts: 1,
    expected: 0, life: es.life, code: NONE,
  };
  p.commands.set(id, cmd);
  es.stats.commands++;
  if (!hop(w, owner.host, es.host, EE.esLoad, es.id, id)) p.commands.delete(id);
  return id;
}

function aggregateName(w: World, type: number): string {
  const name = w.messages.types[type] ?? '';
  return /^[A-Z][a-z]+/.exec(name)?.[0]?.toLowerCase() ?? 'aggregate';
}

const live = (w: World, es: EventStore, cmd: Command | undefined): cmd is Command => cmd !== undefined && es.alive && cmd.life === es.life;

on<World>(EE.esLoad, 'load reaches the store', (w, si, ci) => {
  const es = w.parts.eventstore.stores[si]!;
  const cmd = w.parts.eventstore.commands.get(ci);
  if (!cmd) return;
  if (!es.alive) return void w.parts.eventstore.commands.delete(ci);
  cmd.life = es.life;
  const st = es.streams.get(cmd.key);
  const replayed = replayLength(st, es.config.snapshotEvery > 0);
  cmd.expected = st ? st.events.length : 0;
  es.stats.loads++;
  es.stats.replayed += replayed;
  es.stats.replayedWithout += cmd.expected;
  // The events replayed may be of another version than the handler reads. An older one is upcast as it is read,
  // if the handler has an upcaster (the stored event never changes); without one, or for an event a newer release
  // wrote, the load fails and so does the command (Axon: an upcaster chain runs on read; Greg Young, "Versioning in
  // an Event Sourced System": events are immutable, their readers change).
  if (st && replayed > 0) {
    let older = 0;
    let unreadable = 0;
    for (let v = st.events.length - replayed; v < st.events.length; v++) {
      const ev = es.versions[st.events[v]!]!;
      if (ev > cmd.version || (ev < cmd.version && !cmd.upcast)) unreadable = unreadable || ev;
      else if (ev < cmd.version) older++;
    }
    if (unreadable > 0) {
      es.stats.unreadable++;
      record(w.trace, w.now, ET.esUnreadable, es.host, es.place, cmd.key, unreadable, cmd.version);
      return answer(w, es, cmd, UNREADABLE_EVENT);
    }
    es.stats.upcast += older;
  }
  after(w, replayed * es.config.replayEventUs + es.slowUs, EE.esLoaded, si, ci);
}, { hop: true });

on<World>(EE.esLoaded, 'aggregate read', (w, si, ci) => {
  const es = w.parts.eventstore.stores[si]!;
  const cmd = w.parts.eventstore.commands.get(ci);
  if (!live(w, es, cmd)) return;
  // The load's answer travels back, the handler decides, and its append travels to the store.
  const back = arrival(w.net, w.now, es.host, cmd.host);
  if (back < 0) return void w.parts.eventstore.commands.delete(ci);
  at(w, back + es.config.decideUs, EE.esAppend, si, ci);
});

on<World>(EE.esAppend, 'append sent', (w, si, ci) => {
  const es = w.parts.eventstore.stores[si]!;
  const cmd = w.parts.eventstore.commands.get(ci);
  if (!cmd) return;
  if (!hop(w, cmd.host, es.host, EE.esCommit, si, ci)) w.parts.eventstore.commands.delete(ci);
});

on<World>(EE.esCommit, 'append reaches the store', (w, si, ci) => {
  const es = w.parts.eventstore.stores[si]!;
  const cmd = w.parts.eventstore.commands.get(ci);
  if (!cmd) return;
  if (!es.alive) return void w.parts.eventstore.commands.delete(ci);
  cmd.life = es.life;
  // Inline projections update their read models in the append's transaction: the append waits for them.
  after(w, sample(es.config.append, es.rng) + es.slowUs + inlineCostUs(w, es, cmd.types.length), EE.esWrite, si, ci);
}, { hop: true });

on<World>(EE.esWrite, 'append written', (w, si, ci) => {
  const es = w.parts.eventstore.stores[si]!;
  const p = w.parts.eventstore;
  const cmd = p.commands.get(ci);
  if (!live(w, es, cmd)) {
    if (cmd) p.commands.delete(ci);
    return;
  }
  const st = es.streams.get(cmd.key);
  const version = st ? st.events.length : 0;
  if (version !== cmd.expected) {
    // Optimistic concurrency: the stream moved since the load (EventStoreDB appends check expectedRevision and
    // fail with WrongExpectedVersion; nothing of the append is written).
    es.stats.conflicts++;
    record(w.trace, w.now, ET.esConflict, es.host, es.place, cmd.key, cmd.expected, version);
    if (cmd.attempts <= es.config.retries) {
      cmd.attempts++;
      es.stats.retries++;
      if (!hop(w, es.host, cmd.host, EE.esRetry, si, ci)) p.commands.delete(ci);
      return;
    }
    es.stats.rejected++;
    record(w.trace, w.now, ET.esRejected, es.host, es.place, cmd.key, cmd.attempts, 0);
    return answer(w, es, cmd, WRONG_EXPECTED_VERSION);
  }
  const stream = st ?? { key: cmd.key, events: [], snapshot: null };
  if (!st) es.streams.set(cmd.key, stream);
  const first = es.log.length;
  for (const type of cmd.types) {
    const id = addMessage(w.messages, cmd.key, type, es.place, w.now, cmd.cause, ACKED);
    stream.events.push(es.log.length);
    es.log.push(id);
    es.appendedAt.push(w.now);
    es.versions.push(cmd.version);
  }
  es.stats.appends++;
  record(w.trace, w.now, ET.esAppend, es.host, es.place, es.log[first]!, cmd.key, stream.events.length);
  const every = es.config.snapshotEvery;
  if (every > 0 && stream.events.length - (stream.snapshot?.version ?? 0) >= every) {
    stream.snapshot = { version: stream.events.length, state: replay(w, es, stream).state };
    es.stats.snapshots++;
    record(w.trace, w.now, ET.esSnapshot, es.host, es.place, cmd.key, stream.events.length, 0);
  }
  wakeProjections(w, es);
  afterCommit(w, es, cmd.app, es.log.length - 1, cmd.cause);
  answer(w, es, cmd, NONE);
});

on<World>(EE.esRetry, 'conflict reaches the handler', (w, si, ci) => {
  const es = w.parts.eventstore.stores[si]!;
  const cmd = w.parts.eventstore.commands.get(ci);
  if (!cmd) return;
  if (!hop(w, cmd.host, es.host, EE.esLoad, si, ci)) w.parts.eventstore.commands.delete(ci);
}, { hop: true });

on<World>(EE.esAnswer, 'append answered', (w, _si, ci) => {
  const p = w.parts.eventstore;
  const cmd = p.commands.get(ci);
  if (!cmd) return;
  p.commands.delete(ci);
  APPLICATION.written(w, cmd.waiter, cmd.id, cmd.code);
}, { hop: true });

function answer(w: World, es: EventStore, cmd: Command, code: number): void {
  cmd.code = code;
  if (!hop(w, es.host, cmd.host, EE.esAnswer, es.id, cmd.id)) w.parts.eventstore.commands.delete(cmd.id);
}

/** The type name of an event at a position (for checkers and inspectors). */
export function typeAt(w: World, es: EventStore, position: number): string {
  return w.messages.types[typeOf(w.messages, es.log[position]!)] ?? '';
}

/** A crash: commands in flight at the store are gone (their handlers time out); the log stays. */
export function crashStore(w: World, es: EventStore): void {
  es.alive = false;
  es.life++;
  w.net.up[es.host] = 0;
}

export function restartStore(w: World, es: EventStore): void {
  es.alive = true;
  es.life++;
  w.net.up[es.host] = 1;
}
