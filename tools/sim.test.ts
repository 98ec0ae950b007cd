/**
 * The command line says what is wrong with a topology's settings the way a compiler would (`file:line:column:`), each
 * problem once, at the line that holds it, before the report.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const TEXT = [
  'graph LR',
  '  Client[Checkout Client] -->|POST /checkout| Orders[Order Service]',
  '  Orders -->|OrderCreatedEvent| Kafka[Kafka Broker: orders-topic]',
  '  Kafka -.->|subscribe| Billing[Billing Service]',
  '  %% @config orders-topic partitions=3',
  '  %% @config Client rate=20/s',
  '',
  '  %% @config Orders key=customerId',
  '  %% @config Billing idempotent=trueprocessing=5ms',
  '',
  '',
  '',
  '  %% @config Orders lingr.ms=5 acks=2',
  '',
].join('\n');

describe('npm run sim', () => {
  it('prints each setting problem once, at its own line and column', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'eventlab-sim-')), 'orders.mmd');
    writeFileSync(file, TEXT);
    const r = spawnSync('npx', ['tsx', 'tools/sim.ts', file, '--duration', '1s'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith(file));
    expect(lines).toEqual([
      `${file}:9:37: warning: 'idempotent=trueprocessing=5ms' runs two settings together, so 'idempotent' gets no value it can use: put a space before 'processing=5ms'`,
      `${file}:13:21: warning: unknown setting 'lingr.ms' for Orders (did you mean linger.ms?)`,
      `${file}:13:37: warning: acks=2: expected one of 0, 1, all, -1; the run keeps the default, all`,
    ]);
    // The run goes ahead with the defaults in their place.
    expect(r.stdout).toMatch(/checkouts/);
  }, 60_000);

  it("--lesson runs the lesson's own run and judges its goals: the starter fails them, the solution meets them", () => {
    const sim = (file: string) => spawnSync('npx', ['tsx', 'tools/sim.ts', `lessons/05-delivery-semantics/${file}`, '--lesson', '5'], { encoding: 'utf8' });
    const starter = sim('starter.mmd');
    expect(starter.status, starter.stderr).toBe(1);
    // The lesson's faults name the service by a word ({Billing}); the run applies them to BillingService.
    expect(starter.stdout).toMatch(/50s\s+crash-before-processing BillingService/);
    expect(starter.stdout).toMatch(/goals of lesson 5, Delivery semantics: 0 of 2 met\n {2}NOT MET .*\n.*has not processed \d+ of/);
    const solution = sim('solution.mmd');
    expect(solution.status, solution.stderr).toBe(0);
    expect(solution.stdout).toMatch(/2 of 2 met\n {2}met {5}/);
  }, 60_000);
});
