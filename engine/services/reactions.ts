/**
 * A service's reaction to a record it consumed: the events it publishes in turn (causation = the consumed
 * message), and the dead-letter topic for records that kept failing.
 */
import { T } from '../history/kinds.ts';
import { addMessage, CAUSED_BY_MESSAGE, keyOf, typeOf } from '../history/messages.ts';
import { record } from '../history/trace.ts';
import { hooks } from '../kafka/hooks.ts';
import { partitionFor } from '../kafka/partitioning.ts';
import { send } from '../kafka/producer.ts';
import { countEdge } from '../metrics/metrics.ts';

hooks.processed = (w, consumerId, message) => {
  const c = w.parts.kafka.consumers[consumerId]!;
  const svc = w.parts.apps.services[c.service]!;
  if (svc.publishes.length === 0) return;
  const inst = w.parts.apps.instances[svc.instances[c.instance]!]!;
  const key = keyOf(w.messages, message);
  for (const target of svc.publishes) {
    const topic = w.parts.kafka.topics[target.topic]!;
    const prod = w.parts.kafka.producers[inst.producers[topic.cluster]!]!;
    const partition = partitionFor(w, prod, target.topic, key);
    const id = addMessage(w.messages, key, target.type, partition, w.now, message, CAUSED_BY_MESSAGE);
    countEdge(w.metrics, target.edge, 1);
    send(w, prod, partition, id, -1);
  }
};

hooks.deadLetter = (w, consumerId, message, partition, offset) => {
  const c = w.parts.kafka.consumers[consumerId]!;
  const svc = w.parts.apps.services[c.service]!;
  const inst = w.parts.apps.instances[svc.instances[c.instance]!]!;
  const topic = w.parts.kafka.topics[c.config.dlq]!;
  const prod = w.parts.kafka.producers[inst.producers[topic.cluster]!]!;
  const key = keyOf(w.messages, message);
  const target = partitionFor(w, prod, c.config.dlq, key);
  const id = addMessage(w.messages, key, typeOf(w.messages, message), target, w.now, message, CAUSED_BY_MESSAGE);
  record(w.trace, w.now, T.dlq, c.host, partition, message, id, c.group);
  send(w, prod, target, id, -1);
  void offset;
};
