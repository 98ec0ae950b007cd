/**
 * Which component draws a node's live rows, by the type of its live state (engine/live/types.ts `NodeLive`), as
 * React Flow's `nodeTypes` picks a node component: a new family adds its row component and one line here.
 */
import type { ComponentType } from 'react';
import { ExchangeLive, QueueLive, RabbitLive } from './AmqpLive.tsx';
import { DatabaseLive } from './DatabaseLive.tsx';
import { EventStoreLive, ProjectionLive } from './EventStoreLive.tsx';
import { KafkaLive } from './KafkaLive.tsx';
import { SagaLive } from './SagaLive.tsx';
import { ClientLiveRow, PartitionNodeLive, ServiceLiveRow, TopicLive } from './rows.tsx';

export const LIVE_ROWS: Readonly<Record<string, ComponentType<{ id: string; width: number }>>> = {
  kafka: KafkaLive,
  topic: TopicLive,
  partition: PartitionNodeLive,
  service: ServiceLiveRow,
  client: ClientLiveRow,
  database: DatabaseLive,
  rabbitmq: RabbitLive,
  exchange: ExchangeLive,
  queue: QueueLive,
  eventstore: EventStoreLive,
  projection: ProjectionLive,
  saga: SagaLive,
};
