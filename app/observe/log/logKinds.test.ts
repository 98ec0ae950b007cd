import { describe, expect, it } from 'vitest';
import { FAMILIES } from '../../../engine/components.ts';
import { traceKindNames } from '../../../engine/history/trace.ts';
import { familiesShown, familyOf, kindsFor, kindWords, LOG_FAMILIES } from './logKinds.ts';

describe('log families', () => {
  it('ask for every kind when nothing or everything is picked, else for the picked families', () => {
    expect(kindsFor(new Set())).toBeUndefined();
    expect(kindsFor(new Set(LOG_FAMILIES.map((f) => f.id)))).toBeUndefined();
    expect(kindsFor(new Set(['election', 'fault']))).toEqual(['election', 'isr', 'controller', 'fault', 'crash', 'start']);
  });

  it('cover every kind the trace records', () => {
    // Every kind any family declares (loading the families declares them all).
    expect(FAMILIES.length).toBeGreaterThan(1);
    const traced = traceKindNames();
    expect(traced).toContain('send');
    for (const k of traced) expect(LOG_FAMILIES.filter((f) => f.kinds.includes(k)).map((f) => f.id), k).toHaveLength(1);
    expect(familyOf('truncate').id).toBe('replicate');
    expect(familyOf('mystery')).toMatchObject({ id: 'mystery', kinds: ['mystery'], color: 'var(--muted)' });
  });

  it("read RabbitMQ's kinds in RabbitMQ's words", () => {
    expect(familyOf('deadLetter').id).toBe('rabbitmq');
    expect(kindWords('amqpPublish')).toBe('publish');
    expect(kindWords('deadLetter')).toBe('dead-letter');
    expect(kindWords('append')).toBe('append');
  });

  it("read a saga's kinds as a saga's steps and compensations", () => {
    expect(familyOf('sagaRejected').id).toBe('saga');
    expect(kindWords('sagaRejected')).toBe('step rejected');
    expect(kindWords('sagaTechnical')).toBe('technical failure');
  });

  it('offer the families the log holds entries of, in their order, and every picked one', () => {
    const ids = (present: string[] | undefined, picked: string[] = []) => familiesShown(present, new Set(picked)).map((f) => f.id);
    expect(ids(['append', 'send', 'isr', 'checkout'])).toEqual(['produce', 'append', 'election', 'request']);
    expect(ids(['append'], ['saga'])).toEqual(['append', 'saga']);
    expect(ids(undefined)).toEqual([]);
    expect(ids(['mystery'])).toEqual([]);
  });
});
