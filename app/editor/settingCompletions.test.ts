import { describe, expect, it } from 'vitest';
import { parseTopology, setting } from '../../engine/index.ts';
import { settingCompletions } from './settingCompletions.ts';

const topology = parseTopology(
  ['graph LR', '  Orders[Order Service] --> Kafka[Kafka Broker: orders-topic]', '  Kafka --> Billing[Billing Service]', '  Q[(Queue: billing)]:::queue', '  N[Note: retries are cheap]'].join('\n'),
).topology;
const labels = (before: string) => settingCompletions(before, topology)?.options.map((o) => o.label) ?? null;

describe('settingCompletions', () => {
  it('offers nothing outside a @config line', () => {
    expect(settingCompletions('  Orders --> Kaf', topology)).toBeNull();
    expect(settingCompletions('  %% a plain comment', topology)).toBeNull();
  });

  it('offers the nodes that take settings and the hosted topics as targets', () => {
    const r = settingCompletions('  %% @config Or', topology)!;
    expect(r.from).toBe('  %% @config '.length);
    expect(r.options.map((o) => o.label)).toEqual(['Orders', 'Kafka', 'Billing', 'Q', 'orders-topic']);
    expect(r.options[0]).toMatchObject({ detail: 'service', apply: 'Orders ' });
  });

  it('offers the settings the target reads, each with its default and what it does', () => {
    const r = settingCompletions('  %% @config Orders ling', topology)!;
    expect(r.from).toBe('  %% @config Orders '.length);
    const linger = r.options.find((o) => o.label === 'linger.ms')!;
    expect(linger).toEqual({ label: 'linger.ms', detail: '5 · producer', info: setting('linger.ms')!.doc, apply: 'linger.ms=', type: 'property' });
    expect(labels('  %% @config Orders ')).not.toContain('partitions');
    expect(labels('  %% @config orders-topic ')).toContain('min.insync.replicas');
    expect(labels('  %% @config orders-topic ')).not.toContain('acks');
    expect(labels('  %% @config Kafka ')).toEqual(expect.arrayContaining(['brokers', 'retention.ms']));
  });

  it('leaves out what the line already sets', () => {
    expect(labels('  %% @config Orders acks=all ')).not.toContain('acks');
    expect(labels('  %% @config Orders acks=all ')).toContain('linger.ms');
  });

  it('offers every setting for a target the text does not define yet', () => {
    expect(labels('  %% @config NewService ')?.length).toBeGreaterThan(60);
  });

  it('offers the values a setting takes, its default first', () => {
    const acks = settingCompletions('  %% @config Orders acks=', topology)!;
    expect(acks.from).toBe('  %% @config Orders acks='.length);
    expect(acks.options.map((o) => o.label)).toEqual(['0', '1', 'all', '-1']);
    expect(acks.options.find((o) => o.label === 'all')).toMatchObject({ detail: 'default', boost: 1 });
    expect(labels('  %% @config Billing rate=5/s idempotent=t')).toEqual(['true', 'false']);
    expect(labels('  %% @config Orders linger.ms=')).toEqual(['5']);
    expect(settingCompletions('  %% @config Orders lingr.ms=', topology)).toBeNull();
  });

  it("offers a queue's arguments for a queue", () => {
    expect(labels('  %% @config Q ')).toEqual(expect.arrayContaining(['x-queue-type', 'x-dead-letter-exchange', 'x-delivery-limit']));
    expect(labels('  %% @config Q ')).not.toContain('acks');
  });

  it('offers nothing for a drawn-only component, whose settings are not checked', () => {
    expect(labels('  %% @config N ')).toEqual([]);
  });
});
