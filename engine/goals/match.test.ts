import { describe, expect, it } from 'vitest';
import { parseTopology } from '../topology/parse.ts';
import { expandFaults, matchNodes, matcherName, nothingMatches } from './match.ts';

const t = parseTopology(`graph LR
  OrderServiceSync[Order Service] -->|POST| NotificationServiceSync[Notification Service]
  OrderServiceAsync[Order Service] --> KafkaBroker[Kafka Broker: orders-topic]
  KafkaBroker --> Notify[Notification Service]
  KafkaBroker --> Mailer[Mail Sender]
`).topology;

const ids = (matcher: string) => matchNodes(t, matcher).map((n) => n.id);

describe('matchers', () => {
  it('{word} matches services whose id or label contains the word, ignoring case', () => {
    expect(ids('{Notification}')).toEqual(['NotificationServiceSync', 'Notify']);
    expect(ids('{order}')).toEqual(['OrderServiceSync', 'OrderServiceAsync']);
    expect(ids('{ Mail }')).toEqual(['Mailer']);
  });

  it('a plain name is an exact node id', () => {
    expect(ids('Notify')).toEqual(['Notify']);
    expect(ids('Notification')).toEqual([]);
  });

  it('matches services only, unless asked for other kinds', () => {
    expect(ids('{Kafka}')).toEqual([]);
    expect(matchNodes(t, '{Kafka}', new Set(['kafka'])).map((n) => n.id)).toEqual(['KafkaBroker']);
  });

  it('says what it looks for, and how to fix a miss', () => {
    expect(matcherName('{Billing}')).toBe("a service whose name contains 'Billing'");
    expect(matcherName('BillingService')).toBe('BillingService');
    expect(nothingMatches('{Billing}')).toMatch(/No service's id or label contains 'Billing'.*BillingService\[Billing Service\]/);
    expect(nothingMatches('BillingService')).toBe('There is no service with the id BillingService.');
  });
});

describe('fault schedules with matchers', () => {
  it('become one line per matching node; lines without matchers pass through', () => {
    expect(expandFaults(['10s crash {Notification}', '30s heal'], t)).toEqual({
      lines: ['10s crash NotificationServiceSync', '10s crash Notify', '30s heal'],
      unmatched: [],
    });
  });

  it('name brokers and instances too', () => {
    expect(expandFaults(['20s crash {Kafka}/1', '30s crash {Mail}/2'], t).lines).toEqual(['20s crash KafkaBroker/1', '30s crash Mailer/2']);
  });

  it('expand every matcher of a line', () => {
    expect(expandFaults(['5s cut {Mail} {Kafka}'], t).lines).toEqual(['5s cut Mailer KafkaBroker']);
  });

  it('report a matcher that names nothing instead of dropping the fault silently', () => {
    expect(expandFaults(['10s crash {Billing}'], t)).toEqual({ lines: [], unmatched: [{ line: '10s crash {Billing}', matcher: '{Billing}' }] });
  });
});
