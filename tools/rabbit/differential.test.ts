/**
 * The RabbitMQ differential suite: every scenario of engine/amqp/scenarios.ts is played on a real RabbitMQ (a
 * throw-away node, started here) and must observe what the reference predicts (`expected`). The model plays the same
 * scenarios and must observe the same as the real server.
 *
 * Without rabbitmq-server installed, every test fails with how to install it (server.ts), never passes or skips.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runModel } from '../../engine/amqp/driver.ts';
import { SCENARIOS } from '../../engine/amqp/scenarios.ts';
import { runOnRabbit } from './realRunner.ts';
import { startRabbit } from './server.ts';
import type { RabbitServer } from './server.ts';

/** Each scenario has a virtual host of its own, created when the node boots. */
const vhostOf = (index: number) => `scenario-${index + 1}`;

describe('the scenarios', () => {
  it('are at least 30, named uniquely, and cover every row Q1-Q29 that one node can show', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(SCENARIOS.map((s) => s.name)).size).toBe(SCENARIOS.length);
    const shown = new Set(SCENARIOS.flatMap((s) => s.rows));
    // Q27 (nack on an internal queue error) cannot be caused by a client; Q28 (a crash before the fsync) cannot be
    // timed from outside: scenarios.ts says why.
    const cannot = ['Q27', 'Q28'];
    const rows = Array.from({ length: 29 }, (_, i) => `Q${i + 1}`).filter((r) => !cannot.includes(r));
    expect(rows.filter((r) => !shown.has(r))).toEqual([]);
  });
});

describe('a real RabbitMQ', () => {
  let server: RabbitServer | undefined;
  /** Why the node did not start (e.g. RabbitMQ is not installed): every scenario fails with it, none is skipped. */
  let failure: unknown;

  beforeAll(async () => {
    try {
      server = await startRabbit({
        vhosts: SCENARIOS.map((_, i) => vhostOf(i)),
        // consumer_timeout is checked on each channel tick (60 s by default); Q11's scenario needs a short one.
        channelTickMs: 100,
      });
      console.info(`rabbitmq ${server.node} on 127.0.0.1:${server.port} started in ${Math.round(server.startupMs)} ms`);
    } catch (error) {
      failure = error;
    }
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
  }, 30_000);

  SCENARIOS.forEach((scenario, index) => {
    it(`${scenario.name} (${scenario.rows.join(', ')})`, async () => {
      if (!server) throw failure;
      const real = await runOnRabbit(server, vhostOf(index), scenario);
      expect(real).toEqual(scenario.expected);
      // The model must observe what the real server did.
      expect(runModel(scenario)).toEqual(real);
    }, 60_000);
  });
});
