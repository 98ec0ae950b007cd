/**
 * Which component draws a node's live rows, by the type of its live state (engine/live/types.ts `NodeLive`), as
 * React Flow's `nodeTypes` picks a node component: a new family adds its row component and one line here.
 *
 * Rows exist only during a run, so each family's rows load when a run first shows one (issue 18 §1: out of the first
 * load). The node is already sized for its rows (engine/layout/measure.ts), so nothing moves while they arrive.
 */
import { createElement, lazy, Suspense, type ComponentType } from 'react';

type Row = ComponentType<{ id: string; width: number }>;

function onDemand(load: () => Promise<Row>): Row {
  const Rows = lazy(() => load().then((c) => ({ default: c })));
  return (props) => createElement(Suspense, { fallback: null }, createElement(Rows, props));
}

const rows = () => import('./rows.tsx');
const amqp = () => import('./AmqpLive.tsx');
const eventStore = () => import('./EventStoreLive.tsx');

export const LIVE_ROWS: Readonly<Record<string, Row>> = {
  kafka: onDemand(() => import('./KafkaLive.tsx').then((m) => m.KafkaLive)),
  topic: onDemand(() => rows().then((m) => m.TopicLive)),
  partition: onDemand(() => rows().then((m) => m.PartitionNodeLive)),
  service: onDemand(() => rows().then((m) => m.ServiceLiveRow)),
  client: onDemand(() => rows().then((m) => m.ClientLiveRow)),
  database: onDemand(() => import('./DatabaseLive.tsx').then((m) => m.DatabaseLive)),
  rabbitmq: onDemand(() => amqp().then((m) => m.RabbitLive)),
  exchange: onDemand(() => amqp().then((m) => m.ExchangeLive)),
  queue: onDemand(() => amqp().then((m) => m.QueueLive)),
  eventstore: onDemand(() => eventStore().then((m) => m.EventStoreLive)),
  projection: onDemand(() => eventStore().then((m) => m.ProjectionLive)),
  saga: onDemand(() => import('./SagaLive.tsx').then((m) => m.SagaLive)),
};
