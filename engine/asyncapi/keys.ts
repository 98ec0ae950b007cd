/**
 * A topic's settings as the Kafka channel binding (0.5.0) carries them, and back: `partitions`, `replicas`, and
 * `topicConfiguration` with Kafka's own config names (the binding lists cleanup.policy, retention.ms,
 * retention.bytes, delete.retention.ms and allows more, so min.insync.replicas and unclean.leader.election.enable go
 * there too, under the same names).
 */
import { setting } from '../config/schema.ts';
import type { TopicConfig } from '../kafka/types.ts';
import { isObject, pointer, type Doc } from './document.ts';
import type { Draft } from './draft.ts';
import type { JsonObject } from './types.ts';

const str = (v: unknown): v is string => typeof v === 'string' && v !== '';

/** The `%% @config` keys of a topic that the binding carries (export strips them from the settings it keeps). */
export const TOPIC_BINDING_KEYS = new Set([
  'partitions',
  'replication.factor',
  'min.insync.replicas',
  'unclean.leader.election.enable',
  'cleanup.policy',
  'retention.ms',
  'retention.bytes',
  'delete.retention.ms',
]);

const ms = (us: number) => (us < 0 ? -1 : Math.round(us / 1000));

/** The binding of a resolved topic. */
export function topicBinding(name: string, c: TopicConfig): JsonObject {
  const policy = [...(c.compact ? ['compact'] : []), ...(c.deleteByRetention ? ['delete'] : [])];
  return {
    topic: name,
    partitions: c.partitions,
    replicas: c.replicationFactor,
    topicConfiguration: {
      'cleanup.policy': policy,
      'retention.ms': ms(c.retentionUs),
      'retention.bytes': c.retentionBytes,
      'delete.retention.ms': ms(c.deleteRetentionUs),
      'min.insync.replicas': c.minInsyncReplicas,
      'unclean.leader.election.enable': c.uncleanLeaderElection,
    },
  };
}

/**
 * A binding's settings as `%% @config` values, and what in it could not be taken (its key and why).
 *
 * @example bindingSettings({ partitions: 6, replicas: 3 }).values => { partitions: '6', 'replication.factor': '3' }
 */
export function bindingSettings(b: JsonObject): { values: Record<string, string>; skipped: { key: string; why: string }[] } {
  const values: Record<string, string> = {};
  const skipped: { key: string; why: string }[] = [];
  if (typeof b['partitions'] === 'number') values['partitions'] = String(b['partitions']);
  if (typeof b['replicas'] === 'number') values['replication.factor'] = String(b['replicas']);
  const tc = b['topicConfiguration'];
  if (tc && typeof tc === 'object' && !Array.isArray(tc)) {
    for (const [key, v] of Object.entries(tc)) {
      if (key === 'cleanup.policy' && Array.isArray(v)) {
        // Kafka reads the list in any order; EventLab's setting is written compact first.
        const set = new Set(v);
        if (set.size > 0) values[key] = ['compact', 'delete'].filter((p) => set.has(p)).join(',');
      } else if (TOPIC_BINDING_KEYS.has(key) && (typeof v === 'number' || typeof v === 'boolean')) values[key] = String(v);
      else skipped.push({ key: `topicConfiguration/${key}`, why: `EventLab does not simulate the topic setting '${key}'` });
    }
  }
  return { values, skipped };
}

/** The Kafka channel bindings' topic settings, as `%% @config <topic> ...`. */
export function topicSettings(doc: Doc): Draft['config'] {
  const out: Draft['config'] = [];
  for (const [key, channel] of doc.entries(doc.root['channels'])) {
    const bindings = channel['bindings'];
    const kafka = isObject(bindings) ? doc.deref(bindings['kafka'], pointer('channels', key, 'bindings', 'kafka')) : undefined;
    if (!isObject(kafka)) continue;
    const topic = str(kafka['topic']) ? kafka['topic'] : str(channel['address']) ? channel['address'] : key;
    if (/[\s%]/.test(topic)) {
      doc.notes.push({ pointer: pointer('channels', key, 'bindings', 'kafka'), message: `the topic '${topic}' has a name no setting can name, so its binding's settings are left out` });
      continue;
    }
    const { values, skipped } = bindingSettings(kafka);
    for (const s of skipped) doc.notes.push({ pointer: pointer('channels', key, 'bindings', 'kafka', ...s.key.split('/')), message: s.why });
    // Kafka's defaults go without saying, as a learner would write the topic.
    for (const [k, v] of Object.entries(values)) if (setting(k)?.scope === 'topic' && setting(k)?.default === v) delete values[k];
    if (Object.keys(values).length > 0) out.push({ target: topic, values });
  }
  return out;
}
