/**
 * The producer's metadata: a refresh when a leader moved or a request failed (one at a time, with KIP-580's backoff),
 * and one every metadata.max.age.ms whatever happens, which is how new partitions and leaders reach a producer.
 */
import { KE } from './events.ts';
import { after, at, on } from '../sim/loop.ts';
import { arrival, reachable } from '../sim/network.ts';
import { nextInt } from '../sim/random.ts';
import { backoffUs } from './backoff.ts';
import type { World } from '../world.ts';
import type { Producer } from './clientTypes.ts';
import { drain } from './producer.ts';

/**
 * Asks a reachable broker for metadata (the leader moved, or a request failed). One request at a time; after one
 * that brought nothing new the next waits retry.backoff.ms, doubling to retry.backoff.max.ms (KIP-580).
 */
export function refreshMetadata(w: World, prod: Producer): void {
  if (prod.metadataInflight || !prod.alive) return;
  prod.metadataInflight = true;
  const wait = prod.metadataFailures > 0 ? backoffUs(prod.metadataFailures, prod.config.backoffUs, prod.config.backoffMaxUs, prod.rng) : 0;
  const start = w.now + wait;
  const c = w.parts.kafka.clusters[prod.cluster]!;
  const n = c.brokers.length;
  const first = nextInt(prod.rng, n);
  for (let i = 0; i < n; i++) {
    const b = w.parts.kafka.brokers[c.brokers[(first + i) % n]!]!;
    if (!reachable(w.net, prod.host, b.host)) continue;
    const t1 = arrival(w.net, start, prod.host, b.host);
    if (t1 < 0) continue;
    const t2 = arrival(w.net, t1, b.host, prod.host);
    if (t2 < 0) continue;
    at(w, t2, KE.metadataResponse, prod.id, b.metaVersion);
    return;
  }
  // Nobody answers: try again after the longest backoff.
  at(w, start + prod.config.backoffMaxUs, KE.metadataResponse, prod.id, prod.metaVersion);
}

on<World>(KE.metadataResponse, 'metadata response', (w, pid, version) => {
  const prod = w.parts.kafka.producers[pid]!;
  prod.metadataInflight = false;
  if (!prod.alive) return;
  if (version > prod.metaVersion) {
    prod.metaVersion = version;
    prod.metadataFailures = 0;
  } else prod.metadataFailures++;
  drain(w, prod);
});

/** Refreshes metadata every metadata.max.age.ms whatever happens: new partitions and leaders reach even acks=0. */
export function ageMetadata(w: World, prod: Producer): void {
  after(w, prod.config.metadataMaxAgeUs, KE.metadataMaxAge, prod.id, prod.life);
}

on<World>(KE.metadataMaxAge, 'metadata.max.age.ms', (w, pid, life) => {
  const prod = w.parts.kafka.producers[pid]!;
  if (prod.life !== life || !prod.alive) return;
  refreshMetadata(w, prod);
  ageMetadata(w, prod);
});
