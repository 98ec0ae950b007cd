/**
 * Lesson 7: replication and acks. acks=1 acknowledges a write only the leader holds (semantics K2); acks=all waits
 * for the ISR, which shrinks to the leader alone once the followers are gone (R2), so without min.insync.replicas an
 * acks=all write can still rest on one broker (K6). When that broker dies and an out-of-sync replica is elected
 * (unclean election, K11), the write is gone. min.insync.replicas=2 refuses such writes instead (K7): no loss, paid for
 * in checkouts that fail while too few replicas are in sync.
 */
import type { Goal, LessonRun } from '../../engine/index.ts';

export const run: LessonRun = {
  seed: 7,
  durationS: 70,
  faults: [
    // A rack loses power: the two followers of orders-topic/0 go down.
    '10s crash {Kafka}/2',
    '10s crash {Kafka}/3',
    // The leader's machine fails for good.
    '28s crash {Kafka}/1',
    // The rack is back; its brokers are behind, and one of them is elected.
    '30s restart {Kafka}/2',
    '30s restart {Kafka}/3',
  ],
};

export const goals: Goal[] = [
  { id: 'no-loss', text: 'Through both outages, no order acknowledged to OrderService is lost.', check: { kind: 'no-loss' } },
  { id: 'available', text: 'At least 70% of checkouts still succeed, though some fail while replicas are down.', check: { kind: 'checkouts', min: 0.7 } },
  {
    // Beyond the script: ten drawn schedules (search seed 7, 20 s each) of broker and leader crashes, brokers cut off
    // from the rest and consumer crashes. Ten runs keep the check near a second; a lucky acks=1 design loses here.
    id: 'survives-search',
    text: 'Beyond the scripted outages, no acknowledged order is lost in 10 fault schedules of crashes and brokers cut off.',
    check: { kind: 'survives-search', property: 'no-loss', runs: 10, seed: 7 },
  },
];

export const hints: string[] = [
  'From 10 s only the leader, broker 1, is alive. What does an acknowledgement promise while it is the only broker holding the writes, and what happens to those writes when broker 1 dies at 28 s and a broker that missed them is elected?',
  'acks=all waits for every replica in the ISR, but the controller removes dead brokers from the ISR, so "every replica" can become the leader alone. Which topic setting makes the leader refuse a write it would hold alone? And what would turning off unclean election cost here, with broker 1 never coming back?',
  'Set `acks=all` on OrderService and `%% @config orders-topic replication.factor=3 min.insync.replicas=2`, and keep unclean election on. Then read the checkout goal: the failed checkouts are the price.',
];
