import { describe, expect, it } from 'vitest';
import { resolve } from '../model/resolve.ts';
import { parseTopology } from '../topology/parse.ts';
import { configValue, satisfies } from './configValue.ts';

const t = parseTopology(`graph LR
  Orders[Order Service] --> Kafka[Kafka: orders, audit]
  %% @config Kafka min.insync.replicas=2
  %% @config orders replication.factor=3 min.insync.replicas=3
  %% @config Orders acks=-1 linger.ms=20ms
`).topology;
const spec = resolve(t).spec;

describe('configValue', () => {
  it("reads a topic's own setting before its cluster node's, and a default last", () => {
    expect(configValue(t, spec, 'orders', 'min.insync.replicas')).toEqual({ text: '3', written: true });
    expect(configValue(t, spec, 'audit', 'min.insync.replicas')).toEqual({ text: '2', written: true });
    expect(configValue(t, spec, 'audit', 'replication.factor')).toEqual({ text: '1', written: false });
  });

  it("reads a service's settings, and knows nothing of unknown keys", () => {
    expect(configValue(t, spec, 'Orders', 'acks')).toEqual({ text: '-1', written: true });
    expect(configValue(t, spec, 'Orders', 'enable.idempotence')).toEqual({ text: 'true', written: false });
    expect(configValue(t, spec, 'Orders', 'no.such.setting')).toEqual({ text: '', written: false });
  });
});

describe('satisfies', () => {
  const v = (text: string, written = true) => ({ text, written });

  it('compares as Kafka reads the values: -1 is acks=all, durations and sizes as numbers', () => {
    expect(satisfies('acks', v('-1'), '=', 'all')).toBe(true);
    expect(satisfies('acks', v('1'), '=', 'all')).toBe(false);
    expect(satisfies('session.timeout.ms', v('10s'), '=', '10000')).toBe(true);
    expect(satisfies('session.timeout.ms', v('10s'), '<=', '15s')).toBe(true);
    expect(satisfies('session.timeout.ms', v('45000', false), '<=', '15s')).toBe(false);
    expect(satisfies('min.insync.replicas', v('2'), '>=', '2')).toBe(true);
    expect(satisfies('processing', v('exp(5ms)'), '=', 'exp(5ms)')).toBe(true);
  });

  it("'set' needs a value the learner wrote", () => {
    expect(satisfies('dlq', v('orders-dlq'), 'set')).toBe(true);
    expect(satisfies('dlq', v('', false), 'set')).toBe(false);
    expect(satisfies('key', v('none', false), 'set')).toBe(false);
  });

  it('fails rather than guesses on a value it cannot read', () => {
    expect(satisfies('min.insync.replicas', v('two'), '>=', '2')).toBe(false);
    expect(satisfies('acks', v('all'), '>=', '1')).toBe(false);
    expect(satisfies('acks', v('all'), '=')).toBe(false);
  });
});
