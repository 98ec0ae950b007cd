/**
 * The scheduler loop: pop the next event, advance the clock to it, run its handler.
 *
 * Handlers are registered by event kind when their module loads. They receive the world and the event's two
 * numeric arguments; everything else they need is in the world, which is plain data.
 */
import { compactLanes, pop, push, useLanes, type EventQueue } from './queue.ts';

export interface Clocked {
  now: number;
  events: number;
  queue: EventQueue;
}

export type Handler<W extends Clocked> = (w: W, a: number, b: number) => void;

const handlers: Handler<never>[] = [];
const names: string[] = [];
const hops: boolean[] = [];
const deads: (((w: never, a: number, b: number) => boolean) | undefined)[] = [];
let nextKind = 1;

/**
 * Allocates numbers for a module's event kinds, by name: each module declares its own (no hand-numbered table).
 * @example export const KE = eventKinds(['lingerExpire', 'produceArrive']); // KE.produceArrive is a number
 */
export function eventKinds<const N extends string>(kinds: readonly N[]): { readonly [K in N]: number } {
  const out = {} as Record<N, number>;
  for (const k of kinds) out[k] = nextKind++;
  return out;
}

/**
 * Registers the handler of an event kind; each kind has exactly one. `hop`: the event moves a message from one
 * place to another (the player's "step to the next hop" stops after it). `dead`, for a timeout: true when the
 * handler would do nothing at all if the event fired now, and true forever after once true (the request it guards
 * was answered). Such events are skipped, not run and not counted, and their kind is kept in the queue's lanes,
 * which drop them early (queue.ts): a run does exactly what it did with them, minus the no-ops.
 */
export function on<W extends Clocked>(kind: number, name: string, h: Handler<W>, opts: { hop?: boolean; dead?: (w: W, a: number, b: number) => boolean } = {}): void {
  if (handlers[kind]) throw new Error(`event kind ${kind} (${name}) registered twice; first was ${names[kind]}`);
  handlers[kind] = h as Handler<never>;
  names[kind] = name;
  hops[kind] = opts.hop === true;
  if (opts.dead) {
    deads[kind] = opts.dead as (w: never, a: number, b: number) => boolean;
    useLanes(kind);
  }
}

/** Whether events of this kind move a message (see `on`). */
export function isHop(kind: number): boolean {
  return hops[kind] === true;
}

/** Schedules an event at absolute time `at` (never in the past). */
export function at(w: Clocked, time: number, kind: number, a: number, b: number): void {
  push(w.queue, time < w.now ? w.now : time, kind, a, b);
}

/** Schedules an event `delay` µs from now. */
export function after(w: Clocked, delay: number, kind: number, a: number, b: number): void {
  push(w.queue, w.now + (delay > 0 ? delay : 0), kind, a, b);
}

/**
 * Runs the next event; false when none is pending. A dead one (see `on`) moves the clock as it always did, but is
 * neither run nor counted in `events`.
 */
export function step<W extends Clocked>(w: W): boolean {
  const q = w.queue;
  if (!pop(q)) return false;
  const dead = deads[q.popKind] as ((w: W, a: number, b: number) => boolean) | undefined;
  if (dead === undefined || !dead(w, q.popA, q.popB)) {
    w.now = q.popTime;
    w.events++;
    (handlers[q.popKind] as Handler<W>)(w, q.popA, q.popB);
  } else if (q.popTime > w.now) {
    // Never back: a replayed command, counted by events, may already have moved the clock past a skipped one.
    w.now = q.popTime;
  }
  if (q.laneCount > q.compactAt) compactLanes(q, (kind, a, b) => (deads[kind] as (w: W, a: number, b: number) => boolean)(w, a, b));
  return true;
}

/** Whether the next event is a dead one (see `on`), which a step would skip. */
export function nextIsDead<W extends Clocked>(w: W): boolean {
  const q = w.queue;
  if (q.size === 0) return false;
  const slot = q.heap[0]!;
  const dead = deads[q.kind[slot]!] as ((w: W, a: number, b: number) => boolean) | undefined;
  return dead !== undefined && dead(w, q.a[slot]!, q.b[slot]!);
}

/** The name an event kind was registered with (for traces and errors). */
export function kindName(kind: number): string {
  return names[kind] ?? `kind ${kind}`;
}
