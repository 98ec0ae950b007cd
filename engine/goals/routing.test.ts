import { describe, expect, it } from 'vitest';
import { TestSim } from '../testing/testSim.ts';
import { parseTopology } from '../topology/parse.ts';
import { noUnroutable, routed } from './routing.ts';
import type { RunView } from './view.ts';

/** Two shops and a refund service publishing into one exchange, three queues bound to it with the keys given. */
const shop = (type: string, billing: string, vat: string, audit = '|#|', extra = '') => `graph LR
  EuShop[EU Shop] -->|order.eu.created| Shop["Exchange: shop (${type})"]
  UsShop[US Shop] -->|order.us.created| Shop
  Refunds[Refund Service] -->|refund.eu.issued| Shop
  Shop -->${billing} Billing[(Queue: billing)]
  Shop -->${vat} Vat[(Queue: eu-vat)]
  Shop -->${audit} Audit[(Queue: audit)]
  Billing --> BillingSvc[Billing Service]
  Vat --> VatSvc[VAT Service]
  Audit --> AuditSvc[Audit Service]
  %% @config EuShop rate=10/s key=orderId
  %% @config UsShop rate=10/s key=orderId
  %% @config Refunds rate=5/s
${extra}`;

function run(text: string, seconds = '6s'): RunView {
  const sim = TestSim.of(text, { seed: 5 }).advance(seconds);
  return { w: sim.w, t: parseTopology(text).topology, applied: sim.w.faults.applied };
}

const billing = { kind: 'routed', queue: 'billing', from: ['{EuShop}', '{UsShop}'], sentBeforeS: 5, byS: 6 } as const;

describe('routed', () => {
  it('passes when the queue got every event of its publishers and none of anyone else', () => {
    const v = routed(billing, run(shop('topic', '|order.*.created|', '|*.eu.*|')));
    expect(v.pass).toBe(true);
    expect(v.explanation).toMatch(/^Queue billing got all [\d,]+ events EuShop and UsShop published before 5 s, and none from anyone else\.$/);
  });

  it('names a stray by its copy in the queue, with its publisher and routing key', () => {
    const v = routed(billing, run(shop('fanout', '', '')));
    expect(v.pass).toBe(false);
    expect(v.explanation).toMatch(/^Queue billing got [\d,]+ events meant for others: the first, #\d+ \(no key, billing\), from Refunds with routing key refund\.eu\.issued, sent at \d\.\d s, does not belong there \(checked at 6 s\)\.$/);
    expect(v.counterexample!.messages!.every((m) => m.partition === 'billing')).toBe(true);
  });

  it('names an event the queue missed and where it went instead', () => {
    const v = routed({ ...billing, from: ['{EuShop}', '{UsShop}', '{Refunds}'] }, run(shop('topic', '|order.*.created|', '|*.eu.*|')));
    expect(v.pass).toBe(false);
    expect(v.explanation).toMatch(/^Queue billing did not get [\d,]+ of the [\d,]+ events EuShop, UsShop and Refunds published before 5 s: the first, #\d+ \(no key, [\w-]+\), from Refunds with routing key refund\.eu\.issued, sent at \d\.\d s, went only to (audit and eu-vat|eu-vat and audit) \(checked at 6 s\)\.$/);
  });

  it('says an event went nowhere when no binding matched it', () => {
    const v = routed(billing, run(shop('direct', '|order.*.created|', '|*.eu.*|', '|order.#|')));
    expect(v.pass).toBe(false);
    expect(v.explanation).toMatch(/did not get [\d,]+ of the [\d,]+ events .*: the first, #\d+ \(customer-\d+|order-\d+, shop \(exchange\)\), from EuShop with routing key order\.eu\.created, sent at 0\.\d s, went nowhere: no binding matched it/);
  });

  it('reports both at once: missing events and strays', () => {
    const v = routed({ ...billing, queue: 'eu-vat', from: ['{EuShop}', '{Refunds}'] }, run(shop('topic', '|order.*.created|', '|order.*.created|')));
    expect(v.explanation).toMatch(/^Queue eu-vat did not get [\d,]+ of .*; and queue eu-vat got [\d,]+ events meant for others: the first, #\d+ \([^)]*, eu-vat\), from UsShop/);
  });

  it('does not pass for a queue that is not drawn, a publisher that names nothing, or no events in the window', () => {
    const v = run(shop('topic', '|order.*.created|', '|*.eu.*|'));
    expect(routed({ ...billing, queue: 'invoices' }, v).explanation).toBe('There is no queue invoices: draw it as Q[(Queue: invoices)] and bind it to the exchange.');
    expect(routed({ ...billing, from: ['{Asia}'] }, v).pass).toBe(false);
    expect(routed({ ...billing, from: ['{Billing}'] }, v).explanation).toBe('Billing publishes nothing, so queue billing has nothing to get.');
    expect(routed({ ...billing, sentFromS: 7, sentBeforeS: 9 }, v).explanation).toMatch(/^EuShop and UsShop published no event between 7 s and 9 s/);
  });
});

describe('no-unroutable', () => {
  it('passes when every publish reached a queue that is read', () => {
    const v = noUnroutable(run(shop('topic', '|order.*.created|', '|*.eu.*|')));
    expect(v.pass).toBe(true);
    expect(v.explanation).toMatch(/^All [\d,]+ published events reached at least one queue or topic that is read\.$/);
  });

  it('names the first event no binding matched, counted by publisher, and says the publisher heard nothing', () => {
    const v = noUnroutable(run(shop('topic', '|order.eu.*|', '|order.eu.*|', '|order.eu.*|')));
    expect(v.pass).toBe(false);
    expect(v.explanation).toMatch(/^[\d,]+ events of [\d,]+ went nowhere: no binding matched, so they were dropped without a word to the publisher\. The first, #\d+ \(no key, shop \(exchange\)\), from (UsShop with routing key order\.us\.created|Refunds with routing key refund\.eu\.issued), sent at 0\.\d s, reached exchange shop and no queue\. By publisher: (UsShop [\d,]+ and Refunds [\d,]+|Refunds [\d,]+ and UsShop [\d,]+)\.$/);
    expect(v.counterexample!.window!.fromS).toBeLessThan(1);
  });

  it('says so when unroutable events came back to a mandatory publisher', () => {
    const v = noUnroutable(run(shop('topic', '|order.eu.*|', '|order.eu.*|', '|order.#|', '  %% @config Refunds mandatory=true\n')));
    expect(v.explanation).toMatch(/^[\d,]+ events of [\d,]+ went nowhere: no binding matched, so they were returned to the publisher \(mandatory\), delivered to nobody\. The first, #\d+ \(no key, shop \(exchange\)\), from Refunds/);
  });

  it('counts an event routed to a queue nobody reads as gone, unless a copy reached one that is read', () => {
    // audit is bound first, so a publish routed to it and elsewhere is itself the copy in audit.
    const unread = (audit: string) => {
      const text = shop('topic', '|order.*.created|', '|*.eu.*|', audit).replace('  Audit --> AuditSvc[Audit Service]\n', '');
      const binding = `  Shop -->${audit} Audit[(Queue: audit)]\n`;
      return text.replace(binding, '').replace('  Shop -->|order.*.created|', `${binding}  Shop -->|order.*.created|`);
    };
    // Refunds reach eu-vat, read, and audit, read by nobody: fine. With audit taking only refunds, they reach nothing read.
    expect(noUnroutable(run(unread('|#|'))).pass).toBe(true);
    const v = noUnroutable(run(unread('|refund.#|').replace('|*.eu.*|', '|order.eu.*|')));
    expect(v.pass).toBe(false);
    expect(v.explanation).toMatch(/^[\d,]+ events of [\d,]+ went nowhere\. The first, #\d+ \(no key, audit\), from Refunds with routing key refund\.eu\.issued, sent at 0\.\d s, reached audit, which nothing reads\.$/);
  });
});
