/**
 * The diagrams of the curriculum, ready to open. The practice template (practice.ts) comes first and is also what a
 * first visit opens; the others load with the Examples menu.
 */
import capTheorem from './cap-theorem.mmd?raw';
import cqrsEventBus from './cqrs-event-bus.mmd?raw';
import cqrsReadModels from './cqrs-read-models.mmd?raw';
import eventSourcingReplay from './event-sourcing-replay.mmd?raw';
import kafkaArchitecture from './kafka-architecture.mmd?raw';
import kafkaPartitions from './kafka-partitions-consumer-group.mmd?raw';
import ordersTopicSpec from './orders-topic-spec.mmd?raw';
import sagaChoreography from './saga-choreography.mmd?raw';
import sagaOrchestration from './saga-orchestration.mmd?raw';
import { practiceTemplate, type Example } from './practice.ts';

export { practiceTemplate, type Example };

export const examples: Example[] = [
  practiceTemplate,
  { id: 'orders-topic-spec', title: 'orders.v1 topic', summary: 'One publisher, one topic, two subscribing services', text: ordersTopicSpec },
  { id: 'kafka-architecture', title: 'Kafka: partitions and groups', summary: 'A producer, a topic with three partitions, consumers in two groups', text: kafkaArchitecture },
  {
    id: 'kafka-partitions-consumer-group',
    title: 'Kafka: offsets per partition',
    summary: 'Three partitions with their offsets, each read by one consumer of the group',
    text: kafkaPartitions,
  },
  { id: 'cqrs-event-bus', title: 'CQRS via an event bus', summary: 'Commands to the write side, queries to a projection', text: cqrsEventBus },
  { id: 'cqrs-read-models', title: 'CQRS with three read models', summary: 'An event store feeding SQL, search and dashboard read models', text: cqrsReadModels },
  { id: 'event-sourcing-replay', title: 'Event sourcing: replay', summary: 'Current state derived by replaying an order’s events', text: eventSourcingReplay },
  { id: 'saga-choreography', title: 'Saga: choreography', summary: 'Each service reacts to the previous one’s event', text: sagaChoreography },
  { id: 'saga-orchestration', title: 'Saga: orchestration', summary: 'A central orchestrator drives each step', text: sagaOrchestration },
  { id: 'cap-theorem', title: 'CAP theorem', summary: 'Consistency, availability, partition tolerance and who picks what', text: capTheorem },
];
