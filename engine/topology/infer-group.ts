/**
 * What a subgraph's title says it is: `Topic: order-events`, `Partition 0`, `Consumer Group: fulfillment`,
 * `Kafka Cluster`, `Order Service`. Only a title that starts (or, for services, ends) with such words counts:
 * `Target Architecture - Event-Driven Kafka` is an architecture that contains Kafka, not a Kafka cluster.
 */
import type { TopologyGroup } from './types.ts';

export interface GroupReading {
  kind: NonNullable<TopologyGroup['kind']>;
  reason: string;
  name?: string;
  index?: number;
}

/** Reads a subgraph title; undefined when it names nothing the simulator knows. */
export function readGroupTitle(title: string): GroupReading | undefined {
  const t = title.trim();
  let m = /^(?:kafka\s+)?topic\s*[:\-–]\s*(\S.*)$/i.exec(t) ?? /^(\S+)\s+(?:kafka\s+)?topic$/i.exec(t);
  if (m?.[1]) return { kind: 'topic', name: m[1].trim(), reason: `the title '${t}' names topic ${m[1].trim()}` };
  m = /^partition\s*[:#\-–]?\s*(\d+)\b/i.exec(t);
  if (m?.[1]) return { kind: 'partition', index: Number(m[1]), reason: `the title '${t}' names partition ${m[1]}` };
  m = /^(?:kafka\s+)?consumer[\s-]*group\b\s*[:\-–]?\s*(.*)$/i.exec(t) ?? /^group\s*[:\-–]\s*(.+)$/i.exec(t);
  if (m) {
    const name = m[1]?.trim();
    const reading: GroupReading = { kind: 'consumer-group', reason: `the title '${t}' names a consumer group` };
    if (name) {
      reading.name = name;
      reading.reason = `the title '${t}' names consumer group ${name}`;
    }
    return reading;
  }
  if (/^kafka(?:\s+(?:cluster|brokers?))?\b/i.test(t)) return { kind: 'kafka', reason: `the title '${t}' starts with 'Kafka'` };
  if (/\bservice$/i.test(t)) return { kind: 'service', name: t, reason: `the title '${t}' names a service` };
  return undefined;
}
