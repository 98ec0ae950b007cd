/**
 * New settings for a running Kafka (a fork): cluster, topic and client settings are copied into the running
 * components; structure (brokers, topics, partitions, replication) was checked unchanged before this runs.
 */
import type { Spec } from '../model/spec.ts';
import type { World } from '../world.ts';
import type { KafkaClientSettings } from './spec.ts';

export function reconfigureKafka(w: World, _from: Spec, spec: Spec): string | null {
  const k = w.parts.kafka;
  spec.clusters.forEach((cs, i) => {
    k.clusters[i]!.config = cs.config;
  });
  spec.topics.forEach((ts, i) => {
    const t = k.topics[i]!;
    t.config = { ...ts.config, recordBytes: t.config.recordBytes };
  });
  const mine = (app: number) => spec.services[app]!.clients['kafka'] as KafkaClientSettings;
  for (const p of k.producers) p.config = mine(p.app).producer;
  for (const c of k.consumers) {
    const keep = { groupId: c.config.groupId, instanceId: c.config.instanceId, fetchRecords: c.config.fetchRecords };
    // The work buffer grows as polls need it (reserve in build.ts): a larger max.poll.records holds from the next poll.
    c.config = { ...mine(c.app).consumer, ...keep };
  }
  return null;
}
