import { describe, expect, it } from 'vitest';
import { TestSim } from '../testing/testSim.ts';
import { parseTopology } from '../topology/parse.ts';
import { effectsOnce, eventsPublished } from './outbox.ts';
import type { RunView } from './view.ts';

/** Orders writes its database and sends an event per order: itself (a dual write) or through an outbox relay. */
const orders = (how: 'dual' | 'outbox', settings = '') => `graph LR
  Client[Client] -->|checkout| Orders[Order Service]
  Orders -->|INSERT order| DB[(Orders DB)]
  ${how === 'dual' ? 'Orders -->|publish| Kafka[Kafka Broker: orders]' : 'DB -->|outbox| Relay[Outbox Relay]\n  Relay --> Kafka[Kafka Broker: orders]'}
  Kafka --> Billing[Billing Service]
  %% @config Client rate=200/s
  %% @config DB transaction=20ms
  ${settings}
`;

/** The outbox, and Billing applying each order as a payment row in its own database, deduped as `inbox` says. */
const billing = (inbox: string) => `graph LR
  Client[Client] -->|checkout| Orders[Order Service]
  Orders -->|INSERT order| DB[(Orders DB)]
  DB -->|outbox| Relay[Outbox Relay]
  Relay --> Kafka[Kafka Broker: orders]
  Kafka --> Billing[Billing Service]
  Billing -->|INSERT payment| BDB[(Billing DB)]
  %% @config Client rate=50/s
  %% @config Billing inbox=${inbox} session.timeout.ms=10s
`;

const view = (sim: TestSim, text: string): RunView => ({ w: sim.w, t: parseTopology(text).topology, applied: sim.w.faults.applied });

/** Orders crashes twice mid-run and restarts, as a lesson's schedule would; judged at 20 s. */
function crashed(text: string): RunView {
  const s = TestSim.of(text, { seed: 14 }).until('4s').crash('Orders').advance('1s').restart('Orders').until('9s').crash('Orders').advance('1s').restart('Orders').until('20s');
  return view(s, text);
}

const published = { kind: 'events-published', service: '{Orders}', committedBeforeS: 15, byS: 20 } as const;

describe('events-published', () => {
  it('fails a dual write that crashed between its writes, naming a committed row no event announces', () => {
    const v = eventsPublished(published, crashed(orders('dual')));
    expect(v.pass).toBe(false);
    expect(v.explanation).toMatch(/^\d+ rows? Orders committed in DB never had an event published: row #\d+ \(no key\), committed at \d+(\.\d)? s, is in the table and no event names it\.$/);
    expect(v.counterexample!.messages!.length).toBeGreaterThan(0);
    expect(v.counterexample!.nodes).toEqual(['Orders', 'DB']);
  });

  it('passes the outbox under the same crashes, and says which relay published', () => {
    const v = eventsPublished(published, crashed(orders('outbox')));
    expect(v.pass, v.explanation).toBe(true);
    expect(v.explanation).toMatch(/^Each of the [\d,]+ rows Orders committed has its event, published through Relay, and no event lacks its row\.$/);
  });

  it('fails a dual write that publishes first: its crash leaves an event whose row was never written', () => {
    const text = orders('dual', '%% @config Orders write.order=publish-first');
    const s = TestSim.of(text, { seed: 1 }).until('3s').fault('crash-between-writes Orders').until('20s');
    const v = eventsPublished(published, view(s, text));
    expect(v.pass).toBe(false);
    expect(v.explanation).toMatch(/event #\d+ announces a row that was never written/);
  });

  it('fails an outbox whose relay is down: rows committed long ago still wait, though none is lost', () => {
    const text = orders('outbox');
    const s = TestSim.of(text, { seed: 1 }).until('5s').crash('Relay').until('20s');
    const v = eventsPublished(published, view(s, text));
    expect(v.pass).toBe(false);
    expect(v.explanation).toMatch(/^[\d,]+ outbox rows committed before 15 s still wait in DB for Relay to publish them at 20 s\.$/);
  });

  it('fails a service that writes its database and sends nothing', () => {
    const text = orders('dual').replace('Orders -->|publish| Kafka[Kafka Broker: orders]', 'Kafka[Kafka Broker: orders]');
    const v = eventsPublished(published, view(TestSim.of(text, { seed: 1 }).until('20s'), text));
    expect(v.pass).toBe(false);
    expect(v.explanation).toMatch(/^Orders sends no event for the rows it writes/);
  });
});

/** The relay crashes after publishing a batch (its duplicates), then Billing after processing, before committing. */
function duplicated(inbox: string): RunView {
  const text = billing(inbox);
  const s = TestSim.of(text, { seed: 15 }).until('8s').fault('crash-between-writes Relay').until('20s').fault('crash-after-processing Billing').until('40s');
  return view(s, text);
}

const once = { kind: 'effects-once', service: '{Billing}', sentFromS: 5, sentBeforeS: 30, byS: 40 } as const;

describe('effects-once', () => {
  it('fails a consumer with no dedupe, naming an event and its two effect rows', () => {
    const v = effectsOnce(once, duplicated('none'));
    expect(v.pass).toBe(false);
    expect(v.explanation).toMatch(/^Billing applied \d+ events more than once in BDB: event #\d+ \(no key\) has 2 effect rows \(#\d+, #\d+\)\.$/);
    expect(v.counterexample!.nodes).toEqual(['Billing']);
  });

  it('fails a dedupe kept in memory: it skips the relay duplicates, and forgets them across the crash', () => {
    const v = effectsOnce(once, duplicated('memory'));
    expect(v.pass).toBe(false);
    expect(v.explanation).toMatch(/more than once in BDB/);
  });

  it('passes an inbox table, and counts the repeats it skipped', () => {
    const v = effectsOnce(once, duplicated('table'));
    expect(v.pass, v.explanation).toBe(true);
    expect(v.explanation).toMatch(/^Each of the [\d,]+ events published between 5 s and 30 s has its effect in BDB once; it recognised \d+ repeats and skipped them\.$/);
  });

  it('fails events with no effect: a consumer that stopped for good applies nothing more', () => {
    const text = billing('table');
    const s = TestSim.of(text, { seed: 15 }).until('10s').crash('Billing').until('40s');
    const v = effectsOnce(once, view(s, text));
    expect(v.pass).toBe(false);
    expect(v.explanation).toMatch(/^[\d,]+ events published between 5 s and 30 s have no effect in BDB by 40 s, the first #\d+/);
  });

  it('fails a consumer that applies no effects in a database', () => {
    const v = effectsOnce(once, duplicated('off'));
    expect(v.pass).toBe(false);
    expect(v.explanation).toMatch(/^Billing writes no effect of its own in a database/);
  });
});
