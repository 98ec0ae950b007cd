import { describe, expect, it } from 'vitest';
import { eventLog } from '../live/queries.ts';
import { TestSim } from '../testing/testSim.ts';

const text = `graph LR
  Orders[Order Service] -->|OrderCreatedEvent| K[Kafka: orders]
  K -->|subscribe| Billing[Billing Service]
  K -->|subscribe| Analytics[Analytics Service]
  %% @config Orders rate=20/s
  %% @config Analytics start=3s
`;

const lines = (sim: TestSim) => eventLog(sim.w, { kinds: ['crash', 'start'] }).map((e) => [e.timeUs, e.kind, e.text]);

describe('instances in the event log', () => {
  it('a start delay ends in a start, not a restart; a crash is one line, however many clients the instance had', () => {
    const sim = TestSim.of(text, { seed: 2 }).advance('1s').crash('Billing').advance('1s').restart('Billing').advance('2s').crash('Analytics').advance('1s').restart('Analytics');
    expect(lines(sim)).toEqual([
      [1_000_000, 'crash', 'Billing crashed'],
      [2_000_000, 'crash', 'Billing restarted'],
      [3_000_000, 'start', 'Analytics started for the first time'],
      [4_000_000, 'crash', 'Analytics crashed'],
      [5_000_000, 'crash', 'Analytics restarted'],
    ]);
  });
});
