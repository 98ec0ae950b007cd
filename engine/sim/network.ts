/**
 * The network: hosts joined by links with latency, jitter and loss, that faults can cut or slow.
 *
 * Every broker, service instance, client and database is a host. A link's delay is drawn from the `network`
 * stream at send time; the caller schedules the delivery event itself, so the network allocates nothing per
 * message. Partitions are sides written as bit masks: two hosts that both sit on a side and share none cannot
 * talk; hosts on no side (clients, say, when only brokers were split) still reach everyone.
 */
import { chance, nextFloat, type Stream } from './random.ts';

export interface LinkFault {
  /** Replaces the link's base latency. */
  latencyUs?: number;
  /** Probability that a message on the link is dropped. */
  loss?: number;
  /** The link is cut in both directions. */
  cut?: boolean;
}

export interface Network {
  names: string[];
  /** Hosts in the same zone (the brokers of one cluster) talk faster than across zones. */
  zone: Int32Array;
  up: Uint8Array;
  /** Partition sides, one bit per side; 0 = on no side. */
  side: Int32Array;
  /** Faults on links, keyed by `linkKey(a, b)`, symmetric. */
  faults: Map<number, LinkFault>;
  latencyInZoneUs: number;
  latencyAcrossZonesUs: number;
  /** Jitter as a fraction of the latency: delay = latency * (1 - jitter + 2 * jitter * u). */
  jitter: number;
  rng: Stream;
  /** Messages dropped by loss, cuts or partitions, for reports. */
  dropped: number;
  /** Last arrival time per directed host pair: messages between two hosts never overtake each other (TCP). */
  lastArrival: Map<number, number>;
}

export function createNetwork(rng: Stream): Network {
  return {
    names: [],
    zone: new Int32Array(0),
    up: new Uint8Array(0),
    side: new Int32Array(0),
    faults: new Map(),
    latencyInZoneUs: 250,
    latencyAcrossZonesUs: 1000,
    jitter: 0.2,
    rng,
    dropped: 0,
    lastArrival: new Map(),
  };
}

/** Adds a host and returns its index. @example const b1 = addHost(net, 'Kafka/1', clusterZone) */
export function addHost(net: Network, name: string, zone: number): number {
  const i = net.names.length;
  net.names.push(name);
  net.zone = grow(net.zone, i + 1) as Int32Array;
  net.up = grow(net.up, i + 1) as Uint8Array;
  net.side = grow(net.side, i + 1) as Int32Array;
  net.zone[i] = zone;
  net.up[i] = 1;
  return i;
}

export function linkKey(a: number, b: number): number {
  return a < b ? a * 65536 + b : b * 65536 + a;
}

/** True when a message from `a` can reach `b` right now (both up, not cut, not across a partition). */
export function reachable(net: Network, a: number, b: number): boolean {
  if (net.up[a] === 0 || net.up[b] === 0) return false;
  const sa = net.side[a]!, sb = net.side[b]!;
  if (sa !== 0 && sb !== 0 && (sa & sb) === 0) return false;
  if (net.faults.size !== 0 && net.faults.get(linkKey(a, b))?.cut) return false;
  return true;
}

/**
 * When a message sent now from `a` to `b` arrives, or -1 when it is lost (host down, link cut, partition, loss).
 */
export function arrival(net: Network, now: number, a: number, b: number): number {
  if (a === b) return now;
  if (!reachable(net, a, b)) {
    net.dropped++;
    return -1;
  }
  let base = net.zone[a] === net.zone[b] ? net.latencyInZoneUs : net.latencyAcrossZonesUs;
  if (net.faults.size !== 0) {
    const f = net.faults.get(linkKey(a, b));
    if (f) {
      if (f.latencyUs !== undefined) base = f.latencyUs;
      if (f.loss !== undefined && chance(net.rng, f.loss)) {
        net.dropped++;
        return -1;
      }
    }
  }
  const delay = base * (1 - net.jitter + 2 * net.jitter * nextFloat(net.rng));
  let t = now + Math.max(1, Math.round(delay));
  // One connection per pair of hosts, and TCP delivers in order: jitter never reorders two messages on it.
  const pair = a * 65536 + b;
  const last = net.lastArrival.get(pair);
  if (last !== undefined && t < last) t = last;
  net.lastArrival.set(pair, t);
  return t;
}

/**
 * When a message to `b` was lost because `b`'s process is down while the path to it works, the sender's operating
 * system learns at once (connection refused or reset): returns when the sender knows, else -1 (a silent loss, which
 * only a timeout reveals, as with a network partition).
 */
export function refusedAt(net: Network, now: number, a: number, b: number): number {
  if (net.up[a] === 0 || net.up[b] === 1) return -1;
  const sa = net.side[a]!, sb = net.side[b]!;
  if (sa !== 0 && sb !== 0 && (sa & sb) === 0) return -1;
  if (net.faults.size !== 0 && net.faults.get(linkKey(a, b))?.cut) return -1;
  const base = net.zone[a] === net.zone[b] ? net.latencyInZoneUs : net.latencyAcrossZonesUs;
  return now + 2 * base;
}

/** Splits hosts into sides; hosts not named stay on no side. */
export function partition(net: Network, sides: number[][]): void {
  net.side.fill(0);
  sides.forEach((hosts, i) => {
    for (const h of hosts) net.side[h] = net.side[h]! | (1 << i);
  });
}

/** Heals every partition and every cut, loss or latency fault. */
export function heal(net: Network): void {
  net.side.fill(0);
  net.faults.clear();
}

/** Sets (merging) or clears a fault on the links between every host of `as` and every host of `bs`. */
export function setLinkFault(net: Network, as: number[], bs: number[], fault: LinkFault | null): void {
  for (const a of as) {
    for (const b of bs) {
      if (a === b) continue;
      const k = linkKey(a, b);
      if (fault === null) net.faults.delete(k);
      else net.faults.set(k, { ...net.faults.get(k), ...fault });
    }
  }
}

function grow(arr: Int32Array | Uint8Array, n: number): Int32Array | Uint8Array {
  if (arr.length >= n) return arr;
  const next = new (arr.constructor as Int32ArrayConstructor | Uint8ArrayConstructor)(Math.max(8, arr.length * 2));
  next.set(arr);
  return next;
}
