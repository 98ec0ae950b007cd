/**
 * One accent colour per node kind, grouped by family: Kafka teal, RabbitMQ orange, storage violet.
 */
import type { NodeKind } from '../../../engine/index.ts';

export const kindColors: Record<NodeKind, string> = {
  client: '#475569',
  service: '#2563eb',
  kafka: '#0f766e',
  topic: '#0d9488',
  partition: '#0e7490',
  consumer: '#0891b2',
  rabbitmq: '#ea580c',
  exchange: '#d97706',
  queue: '#c2410c',
  database: '#7c3aed',
  outbox: '#9333ea',
  eventstore: '#6d28d9',
  projection: '#a21caf',
  saga: '#db2777',
  'schema-registry': '#4d7c0f',
  event: '#ca8a04',
  note: '#78716c',
};

/** Every node kind, grouped by family as the palette shows them. */
export const paletteGroups: NodeKind[][] = [
  ['client', 'service'],
  ['kafka', 'topic', 'partition', 'consumer'],
  ['rabbitmq', 'exchange', 'queue'],
  ['database', 'outbox', 'eventstore', 'projection'],
  ['saga', 'schema-registry'],
  ['event', 'note'],
];

/** Every node kind, in palette order. */
export const paletteKinds: NodeKind[] = paletteGroups.flat();
