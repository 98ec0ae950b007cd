import { describe, expect, it } from 'vitest';
import { inferEdge } from './infer-edge.ts';

describe('inferEdge', () => {
  it('reads the meaning from the kinds at both ends', () => {
    const kind = (from: Parameters<typeof inferEdge>[0], to: Parameters<typeof inferEdge>[1]) => inferEdge(from, to).kind;
    expect(kind('service', 'kafka')).toBe('publish');
    expect(kind('service', 'topic')).toBe('publish');
    expect(kind('service', 'exchange')).toBe('publish');
    expect(kind('topic', 'service')).toBe('subscribe');
    expect(kind('partition', 'consumer')).toBe('subscribe');
    expect(kind('queue', 'service')).toBe('subscribe');
    expect(kind('service', 'service')).toBe('request');
    expect(kind('client', 'service')).toBe('request');
    expect(kind('service', 'database')).toBe('write');
    expect(kind('database', 'service')).toBe('read');
    expect(kind('exchange', 'queue')).toBe('route');
    expect(kind('topic', 'partition')).toBe('structure');
    expect(kind('kafka', 'topic')).toBe('structure');
    expect(kind('outbox', 'kafka')).toBe('relay');
    expect(kind('database', 'kafka')).toBe('relay');
    expect(kind('event', 'service')).toBe('link');
    expect(kind('note', 'note')).toBe('link');
    expect(kind('group', 'service')).toBe('link');
    expect(kind('eventstore', 'projection')).toBe('subscribe');
    expect(kind('client', 'projection')).toBe('read');
    expect(kind('projection', 'projection')).toBe('write');
  });

  it('lets the label decide where the kinds leave a choice', () => {
    expect(inferEdge('service', 'database', 'Query orders').kind).toBe('read');
    expect(inferEdge('service', 'kafka', 'Async Subscribe').kind).toBe('subscribe');
    expect(inferEdge('service', 'projection', 'Updates').kind).toBe('write');
    expect(inferEdge('eventstore', 'service', 'Publish').kind).toBe('subscribe');
    expect(inferEdge('eventstore', 'service').kind).toBe('read');
    // The label cannot turn a call into something the kinds rule out.
    expect(inferEdge('service', 'service', 'Async Publish').kind).toBe('request');
  });

  it('explains itself in one sentence', () => {
    expect(inferEdge('service', 'topic', 'Publish').reason).toBe('a service to a topic: it sends messages to the broker');
  });
});
