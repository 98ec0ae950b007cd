/**
 * Publish-only services: each arrival is an event sent straight to the producer, generated in bulk every tick
 * (no per-event objects or events), which is what lets a benchmark push millions of messages a second. Each event
 * counts as a request that succeeds when the broker acknowledges it.
 */
import { AE } from './events.ts';
import { addMessage, FROM_SOURCE, setCausation, TOMBSTONE } from '../history/messages.ts';
import { route, send } from '../messaging/dispatch.ts';
import { countEdge } from '../metrics/metrics.ts';
import { sample } from '../sim/distribution.ts';
import { after, at, on } from '../sim/loop.ts';
import { nextFloat, nextInt } from '../sim/random.ts';
import type { World } from '../world.ts';
import { interArrival } from './client.ts';
import type { Source } from './types.ts';
import { schemaSend } from '../schemas/gate.ts';

export function startSource(w: World, s: Source): void {
  if (s.rate <= 0) return;
  s.nextArrival = w.now + interArrival(s.rate, s.poisson, nextFloat(s.rng));
  after(w, s.tickUs, AE.generate, w.parts.apps.sources.indexOf(s), s.life);
}

on<World>(AE.generate, 'events generated', (w, si, life) => {
  const s = w.parts.apps.sources[si]!;
  const inst = w.parts.apps.instances[s.instance]!;
  if (s.life !== life) return;
  if (!inst.alive) {
    s.nextArrival = w.now + s.tickUs;
    after(w, s.tickUs, AE.generate, si, life);
    return;
  }
  const svc = w.parts.apps.services[s.service]!;
  const m = w.messages;
  const local = svc.config.latency;
  let count = 0;
  while (s.nextArrival <= w.now) {
    count++;
    const t = s.nextArrival;
    s.nextArrival = t + interArrival(s.rate, s.poisson, nextFloat(s.rng));
    const key = svc.keyCount > 0 ? svc.keyBase + 1 + nextInt(s.rng, svc.keyCount) : 0;
    const sentAt = local.type === 'constant' && local.us === 0 ? t : Math.min(w.now, t + sample(local, svc.rng));
    // Drawn only when asked for, so a service without tombstones makes the draws it always made.
    const deletes = svc.tombstones > 0 && key !== 0 && nextFloat(s.rng) < svc.tombstones ? TOMBSTONE : 0;
    let first = true;
    for (let i = 0; i < svc.publishes.length; i++) {
      const target = svc.publishes[i]!;
      const pub = inst.publishers[i]!;
      const place = route(w, target.broker, pub, target.destination, key);
      const id = addMessage(m, key, target.type, place, sentAt, 0, (first ? FROM_SOURCE : 0) | deletes);
      setCausation(m, id, id);
      first = false;
      if (schemaSend(w, svc.node, inst.host, inst.id, inst.life, target.destination, place, id) !== 0) continue;
      send(w, target.broker, pub, place, id, -1);
    }
  }
  if (count > 0) for (const target of svc.publishes) countEdge(w.metrics, target.edge, count);
  // Tick at most every tickUs, and not before the next arrival: a slow source costs an event per event it makes.
  at(w, Math.max(w.now + s.tickUs, s.nextArrival), AE.generate, si, life);
});
