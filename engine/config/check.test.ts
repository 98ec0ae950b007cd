/**
 * Settings are checked as the text is parsed, each problem at its own line and column: the learner sees a typo
 * before pressing Play, and the run's quiet fallback to a default never comes as a surprise.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTopology } from '../topology/parse.ts';
import { checkEntry, gluedKey, nearest } from './check.ts';

const settingProblems = (text: string) =>
  parseTopology(text)
    .diagnostics.filter((d) => d.code === 'setting')
    .map((d) => `${d.line}:${d.column}-${d.endColumn} ${d.message}`);

const ORDERS = [
  'graph LR',
  '  Client[Checkout Client] -->|POST /checkout| Orders[Order Service]',
  '  Orders -->|OrderCreatedEvent| Kafka[Kafka Broker: orders-topic]',
  '  Kafka -.->|subscribe| Billing[Billing Service]',
  '  %% @config orders-topic partitions=6',
];

describe('settings checked at parse time', () => {
  it('puts a malformed retry.topics at its line and column', () => {
    const lines = [...ORDERS, '  %% @config Billing retry.topics=orders-retry-1:5s,orders-retry-2'];
    expect(settingProblems(lines.join('\n'))).toEqual([
      '6:35-67 retry.topics=orders-retry-1:5s,orders-retry-2: expected topic:delay pairs such as orders-retry-1:5s,orders-retry-2:30s; the run keeps the default, none',
    ]);
  });

  it('puts each problem of a line at its own column, on that line, not at an earlier line for the same target', () => {
    const lines = [...ORDERS, '  %% @config Client rate=50/s', '', '  %% @config Orders key=customerId', '', '', '', '', '  %% @config Orders lingr.ms=5 acks=2'];
    expect(lines.length).toBe(13);
    expect(settingProblems(lines.join('\n'))).toEqual([
      "13:21-29 unknown setting 'lingr.ms' for Orders (did you mean linger.ms?)",
      '13:37-38 acks=2: expected one of 0, 1, all, -1; the run keeps the default, all',
    ]);
  });

  it('catches a misspelt key in lesson 6 and says which one was meant', () => {
    const text = readFileSync(new URL('../../lessons/06-idempotent-consumer/starter.mmd', import.meta.url), 'utf8');
    const typo = `${text.trimEnd()}\n  %% @config BillingService idempotant=true\n`;
    const line = typo.split('\n').length - 1;
    expect(settingProblems(typo)).toEqual([`${line}:29-39 unknown setting 'idempotant' for BillingService (did you mean idempotent?)`]);
  });

  it('says when two settings run together, at the place the space is missing', () => {
    expect(settingProblems([...ORDERS, '  %% @config Billing idempotent=trueprocessing=5ms'].join('\n'))).toEqual([
      "6:37-51 'idempotent=trueprocessing=5ms' runs two settings together, so 'idempotent' gets no value it can use: put a space before 'processing=5ms'",
    ]);
  });

  it('tells a setting of another kind of component from a typo', () => {
    expect(settingProblems([...ORDERS, '  %% @config Orders partitions=3', '  %% @config Kafka acks=all', '  %% @config orders-topic brokers=5'].join('\n'))).toEqual([
      "6:21-31 'partitions' is a topic setting, which Orders (a service) does not read",
      "7:20-24 'acks' is a producer setting, which Kafka (a kafka) does not read",
      "8:27-34 'brokers' is a cluster setting, which topic orders-topic does not read",
    ]);
  });

  it('checks values on topics named by their broker and on the Kafka node, as the resolver reads them', () => {
    expect(settingProblems([...ORDERS, '  %% @config orders-topic replication.factor=three', '  %% @config Kafka brokers=0 min.insync.replicas=2'].join('\n'))).toEqual([
      '6:46-51 replication.factor=three: expected a number; the run keeps the default, 1',
      '7:28-29 brokers=0: must be at least 1; the run keeps the default, 3',
    ]);
  });

  it('says that settings aimed at a consumer group or a partition are not read', () => {
    const text = ['graph LR', '  subgraph G [Consumer Group: fulfillment]', '    Inventory[Inventory Service]', '  end', '  P0[Partition 0]:::partition', '  %% @config fulfillment enable.auto.commit=false', '  %% @config P0 retention.ms=1000'];
    expect(settingProblems(text.join('\n'))).toEqual([
      "6:14-25 settings aimed at consumer group fulfillment are not read: a group's settings are read from each service in it, so aim them at the services",
      "7:14-16 settings aimed at P0 (a partition) are not read: a partition has its topic's settings, so aim them at the topic",
    ]);
  });

  it('checks RabbitMQ settings against what each kind reads: a queue takes its x-arguments, a consumer setting belongs on the service', () => {
    expect(settingProblems(['graph LR', '  Q[(Queue: billing)]:::queue', '  %% @config Q x-message-ttl=60000 x-max-length=10'].join('\n'))).toEqual([]);
    const problems = settingProblems(['graph LR', '  Q[(Queue: billing)]:::queue', '  %% @config Q x-message-ttl=60000 prefetch=10'].join('\n'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/prefetch/);
  });

  it('accepts good settings everywhere, quoted values included, and counts none of them as a mermaid problem', () => {
    const text = [...ORDERS, '  %% @config Billing processing="lognormal(20ms, 0.5)" commit=after idempotent=true dlq=billing-dlq', '  %% @config billing-dlq retention.ms=-1'].join('\n');
    const r = parseTopology(text);
    expect(r.diagnostics).toEqual([]);
    expect(r.ok).toBe(true);
  });
});

describe('checkEntry', () => {
  const service = { what: 'Orders (a service)', scopes: ['service', 'producer', 'consumer'] as const };
  const at = (key: string, value: string, quoted = false) => ({ key, value, quoted, from: 100, valueFrom: 100 + key.length + 1, to: 100 + key.length + 1 + value.length + (quoted ? 2 : 0) });

  it('points at the key for an unknown key and at the value for a bad one', () => {
    expect(checkEntry(at('lingr.ms', '5'), 'Orders', service)).toMatchObject({ from: 100, to: 108 });
    expect(checkEntry(at('acks', '2'), 'Orders', service)).toMatchObject({ from: 105, to: 106 });
    expect(checkEntry(at('acks', 'all'), 'Orders', service)).toBeUndefined();
  });

  it('does not split a quoted value that holds an equals sign', () => {
    expect(checkEntry(at('event', 'a rate=5', true), 'Orders', service)).toBeUndefined();
    expect(checkEntry(at('event', 'OrderPlacedrate=5'), 'Orders', service)?.message).toMatch(/runs two settings together/);
  });
});

describe('gluedKey and nearest', () => {
  it('finds the longest known name before an equals sign', () => {
    expect(gluedKey('trueprocessing=5ms')).toEqual({ at: 4, key: 'processing' });
    expect(gluedKey('3call.retries=2')).toEqual({ at: 1, key: 'call.retries' });
    expect(gluedKey('exp(5ms)')).toBeUndefined();
    expect(gluedKey('abc=1')).toBeUndefined();
  });

  it('suggests a name only when it is close', () => {
    expect(nearest('lingr.ms')).toBe(' (did you mean linger.ms?)');
    expect(nearest('flux-capacitor')).toBe('');
  });
});
