import { describe, expect, it } from 'vitest';
import { parseTopology } from '../../engine/index.ts';
import { fillPlaceholders } from '../lessonFile.ts';
import { checkoutPath, figures } from './figures.ts';
import starter from './starter.mmd?raw';
import solution from './solution.mmd?raw';

const topology = (text: string) => parseTopology(text).topology;

describe('the checkout path of lesson 1', () => {
  it('follows the synchronous calls of the starter, with the default settings', () => {
    const p = checkoutPath(topology(starter));
    expect(p.services.map((s) => s.id)).toEqual(['OrderServiceSync', 'InventoryServiceSync', 'NotificationServiceSync']);
    expect(p).toMatchObject({ synchronous: true, availability: 1, latencyMs: 15 });
  });

  it('multiplies availabilities and adds latencies as the learner sets them', () => {
    const text = `${starter}\n%% @config InventoryServiceSync availability=0.99 latency=40ms\n%% @config NotificationServiceSync availability=0.95 latency=exp(120ms)\n`;
    const f = figures(topology(text));
    expect(f).toEqual({
      path: 'Order Service, Inventory Service and Notification Service',
      availability: '100% × 99% × 95% = 94.05%',
      latency: '5 ms + 40 ms + 120 ms = 165 ms',
      downtime: '42 h 50 min',
    });
    expect(fillPlaceholders('A checkout waits for {{path}}: {{availability}}.', f)).toBe(
      'A checkout waits for Order Service, Inventory Service and Notification Service: 100% × 99% × 95% = 94.05%.',
    );
  });

  it('is the publishing service alone once the calls are gone', () => {
    expect(figures(topology(solution))).toEqual({ path: 'Order Service alone', availability: '100%', latency: '5 ms', downtime: 'none' });
  });

  it('says so when nothing starts a checkout', () => {
    expect(figures(topology('graph LR\n  A[Inventory Service]\n')).path).toBe('no service that calls another or publishes');
  });
});
