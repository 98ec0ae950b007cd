/**
 * From the simulation's hosts to the drawing's nodes: `Kafka/2` is broker 2 of node `Kafka`, `Orders/3` instance 3
 * of `Orders`, `Orders·users` the implicit client in front of `Orders`.
 */
import type { MessageLife } from '../../engine/index.ts';

/** The topology node a host belongs to, or null when the drawing has none (an implicit cluster). */
export function nodeOfHost(host: string, nodes: ReadonlySet<string>): string | null {
  if (nodes.has(host)) return host;
  const users = host.endsWith('·users') ? host.slice(0, -'·users'.length) : null;
  if (users !== null && nodes.has(users)) return users;
  const slash = host.lastIndexOf('/');
  if (slash > 0 && nodes.has(host.slice(0, slash))) return host.slice(0, slash);
  return null;
}

/** Every host a message's life touched, in the order it met them. */
export function hostsOfLife(l: MessageLife): string[] {
  const hosts = [
    l.origin?.node,
    l.producer,
    l.leader,
    ...l.replicatedAt.map((r) => r.broker),
    ...l.deliveredAt.map((d) => d.node),
    ...l.processedAt.map((p) => p.node),
  ];
  return [...new Set(hosts.filter((h): h is string => !!h))];
}

/** The topology nodes a set of lives touched (for highlighting them on the canvas). */
export function nodesOfLives(lives: readonly MessageLife[], nodes: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  for (const l of lives) for (const h of hostsOfLife(l)) {
    const n = nodeOfHost(h, nodes);
    if (n) out.add(n);
  }
  return [...out];
}
