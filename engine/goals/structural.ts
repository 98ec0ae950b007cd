/**
 * Structural checks: what the topology says, read from the parsed text and the simulation spec built from it
 * (so a goal sees edges the way the simulator will run them: a dotted arrow from a broker is still a subscription).
 */
import type { Spec } from '../model/spec.ts';
import type { Topology } from '../topology/types.ts';
import { configValue, satisfies } from './configValue.ts';
import { matchNodes, matches, nothingMatches } from './match.ts';
import type { StructuralCheck } from './types.ts';
import { no, yes, type Verdict } from './view.ts';
import { list } from './words.ts';

/** Judges one structural check against a parsed topology and its spec. */
export function checkStructure(c: StructuralCheck, t: Topology, spec: Spec): Verdict {
  switch (c.kind) {
    case 'hosts-topic':
      return hostsTopic(c.topic, t, spec);
    case 'publishes':
    case 'subscribes':
      return uses(c, t, spec);
    case 'no-sync-call':
      return noSyncCall(c, t, spec);
    case 'partitions': {
      const tp = spec.topics.find((x) => x.name === c.topic);
      if (!tp) return no(`There is no topic ${c.topic}${otherTopics(spec)}.`);
      const n = tp.config.partitions;
      if (n >= c.min) return yes(`${c.topic} has ${n} partitions.`);
      // The count is the learner's to write: a lesson spells out the edit in its last hint only.
      return no(`${c.topic} has ${n === 1 ? '1 partition' : `${n} partitions`}; it needs at least ${c.min}.`);
    }
    case 'key':
      return keyedBy(c.service, c.key, t, spec);
    case 'config':
      return config(c, t, spec);
  }
}

function otherTopics(spec: Spec): string {
  const names = spec.topics.map((x) => x.name);
  return names.length === 0 ? ' (no broker hosts any topic yet)' : ` (the topics are ${list(names)})`;
}

function hostsTopic(topic: string, t: Topology, spec: Spec): Verdict {
  const tp = spec.topics.find((x) => x.name === topic);
  if (!tp) return no(`No broker hosts ${topic}${otherTopics(spec)}: add a node such as KafkaBroker[Kafka Broker: ${topic}].`);
  const host = spec.clusters[tp.cluster]!.node;
  const drawn = t.nodes.some((n) => n.id === host);
  return yes(drawn ? `${host} hosts ${topic}.` : `${topic} is a topic (of the cluster EventLab adds as ${host}).`);
}

function uses(c: Extract<StructuralCheck, { kind: 'publishes' | 'subscribes' }>, t: Topology, spec: Spec): Verdict {
  const nodes = matchNodes(t, c.service);
  if (nodes.length === 0) return no(nothingMatches(c.service));
  const reasons: string[] = [];
  const edges: string[] = [];
  // When some service has the edge and only the event type is wrong, the fix is the label, not another arrow.
  let edgeDrawn = false;
  const topicName = (i: number) => spec.destinations[i]!.name;
  for (const n of nodes) {
    const s = spec.services.find((x) => x.node === n.id);
    if (!s) continue;
    if (c.kind === 'subscribes') {
      if (s.consumes.some((i) => topicName(i) === c.topic)) return yes(`${n.id} subscribes to ${c.topic}.`);
      reasons.push(s.consumes.length === 0 ? `${n.id} subscribes to nothing` : `${n.id} subscribes to ${list(s.consumes.map(topicName))}, not ${c.topic}`);
      continue;
    }
    const to = s.publishes.filter((p) => topicName(p.destination) === c.topic);
    edges.push(...to.map((p) => p.edge));
    if (to.length > 0 && (!c.event || to.some((p) => p.type === c.event))) {
      return yes(`${n.id} publishes ${c.event ?? 'its events'} to ${c.topic}.`);
    }
    if (to.length > 0) {
      edgeDrawn = true;
      const types = [...new Set(to.map((p) => p.type))];
      reasons.push(`${n.id} publishes ${list(types)} to ${c.topic}, not ${c.event}: label its edge ${c.event} or add event=${c.event} to its @config line`);
    } else if (s.publishes.length > 0) reasons.push(`${n.id} publishes to ${list([...new Set(s.publishes.map((p) => topicName(p.destination)))])}, not ${c.topic}`);
    else reasons.push(`${n.id} publishes nothing`);
  }
  const fix = c.kind === 'subscribes' ? `draw an arrow from the broker hosting ${c.topic} to the service` : `draw an arrow from the service to the broker hosting ${c.topic}`;
  return no(`${list(reasons)}${edgeDrawn ? '' : `: ${fix}`}.`, { nodes: nodes.map((n) => n.id), edges });
}

function noSyncCall(c: Extract<StructuralCheck, { kind: 'no-sync-call' }>, t: Topology, spec: Spec): Verdict {
  const between = (a: string, b: string) => {
    if (c.from && c.to) return (matches(t, c.from, a) && matches(t, c.to, b)) || (matches(t, c.from, b) && matches(t, c.to, a));
    const one = c.from ?? c.to;
    return one === undefined || matches(t, one, a) || matches(t, one, b);
  };
  const calls = spec.services.flatMap((s) => s.calls.filter((x) => between(s.node, x.service)).map((x) => ({ from: s.node, to: x.service, edge: x.edge })));
  if (calls.length === 0) return yes(c.from || c.to ? 'No synchronous call is left between those services.' : 'No service calls another synchronously.');
  const line = (edge: string) => t.edges.find((e) => e.id === edge)?.span.line;
  const callers = [...new Set(calls.map((x) => x.from))];
  const sentences = callers.map((caller) => {
    const callees = calls.filter((x) => x.from === caller).map((x) => `${x.to} (line ${line(x.edge)})`);
    return `${caller} still calls ${list(callees)} synchronously`;
  });
  return no(`${list(sentences)}: while a callee is down or slow, the caller's request fails or waits with it.`, {
    edges: calls.map((x) => x.edge),
    nodes: [...new Set(calls.flatMap((x) => [x.from, x.to]))],
  });
}

function keyedBy(service: string, key: string, t: Topology, spec: Spec): Verdict {
  const nodes = matchNodes(t, service);
  if (nodes.length === 0) return no(nothingMatches(service));
  const publishers = nodes.filter((n) => spec.services.find((s) => s.node === n.id)?.publishes.length);
  if (publishers.length === 0) return no(`${list(nodes.map((n) => n.id))} publishes nothing, so there is no key to check.`, { nodes: nodes.map((n) => n.id) });
  const wrong: string[] = [];
  for (const n of publishers) {
    const given = configValue(t, spec, n.id, 'key');
    const ignored = configValue(t, spec, n.id, 'partitioner.ignore.keys');
    if (!given.written || given.text === 'none' || given.text === 'null') wrong.push(`${n.id} sends its events without a key, so they spread over the partitions: add key=${key} to its @config line`);
    else if (given.text.toLowerCase() !== key.toLowerCase()) wrong.push(`${n.id} keys its events by ${given.text}, not ${key}`);
    else if (ignored.text === 'true') wrong.push(`${n.id} sets key=${key} but also partitioner.ignore.keys=true, so the key does not choose the partition`);
  }
  if (wrong.length > 0) return no(`${list(wrong)}.`, { nodes: publishers.map((n) => n.id) });
  return yes(`${list(publishers.map((n) => n.id))} ${publishers.length === 1 ? 'keys its' : 'key their'} events by ${key}, and the key chooses the partition.`);
}

function config(c: Extract<StructuralCheck, { kind: 'config' }>, t: Topology, spec: Spec): Verdict {
  const op = c.op ?? '=';
  const isTopic = spec.topics.some((x) => x.name === c.target) || t.nodes.some((n) => n.id === c.target && n.kind === 'kafka');
  const targets = isTopic ? [c.target] : matchNodes(t, c.target).map((n) => n.id);
  if (targets.length === 0) return no(nothingMatches(c.target));
  const wrong: string[] = [];
  const right: string[] = [];
  for (const target of targets) {
    const v = configValue(t, spec, target, c.key);
    const shown = `${target} has ${v.written ? `${c.key}=${v.text}` : v.text ? `${c.key}=${v.text} (the default)` : `no ${c.key}`}`;
    (satisfies(c.key, v, op, c.value) ? right : wrong).push(shown);
  }
  if (wrong.length === 0) return yes(`${list(right)}.`);
  const want = op === 'set' ? `a ${c.key}` : `${c.key}${op === '=' ? '=' : ` ${op} `}${c.value}`;
  const example = `%% @config ${targets[0]} ${c.key}=${c.value ?? '...'}`;
  return no(`${list(wrong)}; the goal needs ${want}: write \`${example}\`.`, { nodes: targets.filter((x) => t.nodes.some((n) => n.id === x)) });
}
