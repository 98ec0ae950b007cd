/**
 * Lesson 7: replication and acks. With acks=1 the leader acknowledges a write its followers may never copy; if it
 * then dies, a follower takes over without it and the acknowledged write is gone (semantics K2). acks=all with
 * min.insync.replicas=2 acknowledges only writes two replicas hold (K4, K7), and refuses writes when fewer are in
 * sync: no loss, paid for in availability.
 */
import type { Goal, LessonRun } from '../../engine/index.ts';

export const run: LessonRun = {
  seed: 7,
  durationS: 70,
  faults: [
    // A switch fails: the leader of orders-topic/0 (broker 1) can no longer reach its followers; then it dies.
    '15s cut {Kafka}/1 {Kafka}/2',
    '15s cut {Kafka}/1 {Kafka}/3',
    '20s crash {Kafka}/1',
    '25s heal',
    '25s restart {Kafka}/1',
    // Later, two of the three brokers are down for fifteen seconds.
    '40s crash {Kafka}/2',
    '40s crash {Kafka}/3',
    '55s restart {Kafka}/2',
    '55s restart {Kafka}/3',
  ],
};

export const goals: Goal[] = [
  { id: 'replicas', text: 'orders-topic keeps 3 copies of each partition (replication.factor=3).', check: { kind: 'config', target: 'orders-topic', key: 'replication.factor', op: '>=', value: '3' } },
  { id: 'min-isr', text: 'A write to orders-topic needs at least 2 in-sync copies (min.insync.replicas=2).', check: { kind: 'config', target: 'orders-topic', key: 'min.insync.replicas', op: '>=', value: '2' } },
  { id: 'acks', text: 'OrderService waits for every in-sync replica (acks=all).', check: { kind: 'config', target: '{Order}', key: 'acks', value: 'all' } },
  { id: 'no-loss', text: 'When the leader dies at 20 s, no acknowledged order is lost.', check: { kind: 'no-loss' } },
  { id: 'available', text: 'At least 70% of checkouts still succeed, though some fail while two brokers are down.', check: { kind: 'checkouts', min: 0.7 } },
];

export const hints: string[] = [
  'With acks=1, "acknowledged" means "the leader has it". From 15 s the followers cannot fetch; what happens to the leader\'s last five seconds of writes when it dies at 20 s?',
  'acks=all makes the leader wait for every replica in the ISR. min.insync.replicas=2 makes it refuse a write, NOT_ENOUGH_REPLICAS, rather than accept it alone.',
  'Set `%% @config orders-topic replication.factor=3 min.insync.replicas=2` and acks=all on OrderService. Then read the checkout goal: what did the 15 s with two brokers down cost?',
];
