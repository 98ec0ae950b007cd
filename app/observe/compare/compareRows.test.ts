import { describe, expect, it } from 'vitest';
import { compareVariants } from '../../../engine/live/compare.ts';
import { changedLines, compareRows } from './compareRows.ts';

const orders = (acks: string) => `graph LR
  Client[Checkout Client] -->|POST /checkout| Orders[Order Service]
  Orders -->|OrderCreatedEvent| Kafka[Kafka: orders]
  Kafka -->|subscribe| Billing[Billing Service]
  %% @config orders partitions=3 replication.factor=3 min.insync.replicas=2
  %% @config Client rate=200/s key=customerId keys=40
  %% @config Orders acks=${acks}
`;

describe('A/B rows', () => {
  it('show the loss only in the acks=1 variant, and credit acks=all with it', () => {
    const [a, b] = compareVariants({ name: 'A', text: orders('1') }, { name: 'B', text: orders('all') }, {
      seed: 2, faults: ['5s partition Kafka/1 | Kafka/2,Kafka/3,Kafka/controller', '15s heal'], untilUs: 30_000_000,
    });
    const rows = compareRows(a, b);
    const lost = rows.find((r) => r.id === 'lost')!;
    expect(lost.a).toBeGreaterThan(0);
    expect(lost.b).toBe(0);
    expect(lost.winner).toBe('b');
    expect(lost.text[1]).toBe('0');
    // acks=all pays for it: while the leader is cut off from the controller, its checkouts fail.
    expect(rows.find((r) => r.id === 'checkouts-failed')!.winner).toBe('a');
    expect(rows.find((r) => r.id === 'produced')!.winner).toBeNull(); // neither more nor less is better
    expect(rows.map((r) => r.section)).toEqual([...rows.map((r) => r.section)].sort((x, y) => ['checkers', 'checkouts', 'latency', 'flow'].indexOf(x) - ['checkers', 'checkouts', 'latency', 'flow'].indexOf(y)));
  }, 20_000);

  it('show dashes for a variant whose text does not parse', () => {
    const [a, b] = compareVariants({ name: 'A', text: orders('1') }, { name: 'B', text: 'graph LR\n  A[ --> B' }, { seed: 1, faults: [], untilUs: 1_000_000 });
    expect(b.errors.length).toBeGreaterThan(0);
    const rows = compareRows(a, b);
    expect(rows.every((r) => r.b === null && r.text[1] === '–' && r.winner === null)).toBe(true);
  });
});

describe('changed lines', () => {
  it('name what B changes, ignoring blank lines and trailing spaces', () => {
    expect(changedLines(orders('1'), `${orders('all')}\n\n`)).toEqual({ removed: ['%% @config Orders acks=1'], added: ['%% @config Orders acks=all'] });
    expect(changedLines('a\na\nb', 'a\nb  ')).toEqual({ removed: ['a'], added: [] });
  });
});
