/**
 * Lesson 1: decouple the checkout (seed 000, §8). The starter is the seed's practice template: the legacy synchronous
 * design beside the event-driven target. The learner removes the synchronous calls and names the event.
 */
import type { Goal, LessonRun } from '../../engine/index.ts';

export { figures } from './figures.ts';

export const run: LessonRun = {
  seed: 1,
  durationS: 60,
  faults: ['10s crash {Notification}', '40s restart {Notification}'],
};

export const goals: Goal[] = [
  { id: 'broker', text: 'A Kafka broker hosts orders-topic.', check: { kind: 'hosts-topic', topic: 'orders-topic' } },
  {
    id: 'publishes',
    text: 'OrderService publishes OrderCreatedEvent to orders-topic.',
    check: { kind: 'publishes', service: '{Order}', topic: 'orders-topic', event: 'OrderCreatedEvent' },
  },
  { id: 'inventory', text: 'InventoryService subscribes to orders-topic.', check: { kind: 'subscribes', service: '{Inventory}', topic: 'orders-topic' } },
  { id: 'notification', text: 'NotificationService subscribes to orders-topic.', check: { kind: 'subscribes', service: '{Notification}', topic: 'orders-topic' } },
  { id: 'no-sync-call', text: 'No service calls another synchronously.', check: { kind: 'no-sync-call' } },
  {
    id: 'checkouts',
    text: 'With NotificationService down from 10 s to 40 s, every checkout succeeds.',
    check: { kind: 'checkouts', min: 1 },
  },
  {
    id: 'notified',
    text: 'Every order sent while NotificationService was down (10 s to 40 s) reaches it by 60 s.',
    check: { kind: 'delivered', to: '{Notification}', topic: 'orders-topic', sentFromS: 10, sentBeforeS: 40, byS: 60 },
  },
];

export const hints: string[] = [
  'Read the checkouts goal: the failed checkouts all come from OrderServiceSync, whose HTTP calls wait for NotificationServiceSync. What would a checkout depend on if nothing called NotificationService at all?',
  'The target design already publishes to the broker and both services subscribe. Look at the publishes goal: the arrow into the broker carries a caption, not an event name.',
  'Delete the subgraph Legacy_Sync, from `subgraph Legacy_Sync` down to its `end`, and change `-->|1. Async Publish|` to `-->|OrderCreatedEvent|` (or add `%% @config OrderServiceAsync event=OrderCreatedEvent`).',
];
