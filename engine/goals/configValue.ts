/**
 * The value a setting has for a service, topic or cluster, as the simulation will use it: written in a `%% @config`
 * line (a topic inherits its node's and its cluster's topic settings), else Kafka's default.
 */
import { setting } from '../config/schema.ts';
import { parseValue, type Value } from '../config/values.ts';
import { rawSettings } from '../model/settings.ts';
import type { Spec } from '../model/spec.ts';
import type { Topology } from '../topology/types.ts';

export interface ConfigValue {
  /** The text in effect (empty when the setting is unknown and unwritten). */
  text: string;
  /** True when the learner wrote it; false for a default. */
  written: boolean;
}

/**
 * The setting `key` of `target` (a node id or a topic name).
 * @example configValue(t, spec, 'orders-topic', 'min.insync.replicas') // { text: '2', written: true }
 */
export function configValue(t: Topology, spec: Spec, target: string, key: string): ConfigValue {
  const layers = [target];
  const topic = spec.topics.find((x) => x.name === target);
  if (topic) {
    if (topic.node && topic.node !== target) layers.push(topic.node);
    layers.push(spec.clusters[topic.cluster]!.node);
  }
  for (const layer of layers) {
    const text = rawSettings(t, layer)[key];
    if (text !== undefined) return { text, written: true };
  }
  return { text: setting(key)?.default ?? '', written: false };
}

/** Kafka accepts `-1` for `acks=all`; compare them as one. */
function normal(key: string, text: string): string {
  return key === 'acks' && text === '-1' ? 'all' : text;
}

function parsed(key: string, text: string): Value | undefined {
  const s = setting(key);
  if (!s) return text;
  const v = parseValue(s, normal(key, text));
  return typeof v === 'object' && 'error' in v ? undefined : v;
}

/**
 * Whether a setting's value meets `op value`: numbers and durations compare as numbers, the rest as text.
 * @example satisfies('min.insync.replicas', { text: '2', written: true }, '>=', '2') // true
 */
export function satisfies(key: string, v: ConfigValue, op: '=' | '>=' | '<=' | 'set', value?: string): boolean {
  if (op === 'set') return v.written && v.text.trim() !== '' && v.text !== 'none';
  if (value === undefined) return false;
  const a = parsed(key, v.text);
  const b = parsed(key, value);
  if (a === undefined || b === undefined) return false;
  if (op === '=') return typeof a === 'object' ? JSON.stringify(a) === JSON.stringify(b) : normal(key, String(a)) === normal(key, String(b));
  if (typeof a !== 'number' || typeof b !== 'number') return false;
  return op === '>=' ? a >= b : a <= b;
}
