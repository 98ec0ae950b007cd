import { describe, expect, it } from 'vitest';
import { BROKERS } from '../components.ts';
import { BROKER_FAMILIES, EDGE_KINDS, NODE_KINDS, isBrokerKind, kindClassName, kindOfClass } from './kinds.ts';

describe('node kinds', () => {
  it('describe every kind once, with a class that sets it', () => {
    expect(new Set(NODE_KINDS.map((k) => k.kind)).size).toBe(NODE_KINDS.length);
    for (const info of NODE_KINDS) {
      expect(info.description.length).toBeGreaterThan(10);
      expect(kindOfClass(kindClassName(info.kind))).toBe(info.kind);
    }
  });

  it('describe every edge kind once', () => {
    expect(EDGE_KINDS.map((k) => k.kind).sort()).toEqual(['link', 'publish', 'read', 'relay', 'request', 'route', 'structure', 'subscribe', 'write']);
  });

  it('accept the aliases learners write', () => {
    expect(kindOfClass('db')).toBe('database');
    expect(kindOfClass('Database')).toBe('database');
    expect(kindOfClass('registry')).toBe('schema-registry');
    expect(kindOfClass('eventstore')).toBe('eventstore');
    expect(kindOfClass('highlight')).toBeUndefined();
  });

  it('name the same broker families as the engine', () => {
    expect([...BROKER_FAMILIES].sort()).toEqual(BROKERS.map((b) => b.name).sort());
    expect(isBrokerKind('queue')).toBe(true);
    expect(isBrokerKind('topic')).toBe(true);
    expect(isBrokerKind('eventstore')).toBe(false);
    expect(isBrokerKind('service')).toBe(false);
  });
});
