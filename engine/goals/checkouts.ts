/**
 * The checkout goal: of the checkouts that finished, at least a share succeeded. A failure is explained by when the
 * failures happened and what failed the first one, in the learner's terms (refused, timed out, not acknowledged).
 */
import { CALL_TIMEOUT, DELIVERY_TIMEOUT, errorName, OVERLOADED, SERVICE_UNAVAILABLE } from '../history/errors.ts';
import { APPLICATION } from '../components.ts';
import type { EntryPoint } from '../messaging/port.ts';
import { createHistogram, mergeInto, quantile } from '../metrics/histogram.ts';
import type { CheckoutFailure } from '../metrics/metrics.ts';
import type { BehaviouralCheck } from './types.ts';
import { no, yes, type RunView, type Verdict } from './view.ts';
import { count, list, percent, plural, seconds, sentence } from './words.ts';

/** Why one checkout failed, in words. */
export function failureCause(f: CheckoutFailure): string {
  const what = f.request !== undefined ? `checkout #${f.request}` : `event #${f.message} of ${f.service}`;
  switch (f.code) {
    case SERVICE_UNAVAILABLE:
      return `${what}, refused by ${f.service}: it was down or failing`;
    case OVERLOADED:
      return `${what}, refused by ${f.service}: no thread free`;
    case CALL_TIMEOUT:
      return `${what}: ${f.service} did not answer in time`;
    case DELIVERY_TIMEOUT:
      return `${what}: Kafka did not acknowledge it within delivery.timeout.ms`;
    default:
      // Kafka's protocol errors keep Kafka's own numbers (under 1000); the other families' codes are their own
      // (RabbitMQ 4xxx, a database 3001, an event store 31xx, the schema registry 5xxx).
      return f.code < 1000 ? `${what}: Kafka answered ${errorName(f.code)}` : `${what}, failed at ${f.service}: ${errorName(f.code)}`;
  }
}

/** How an entry point reads in an explanation: `Client`, `users of Orders`, `events of Orders`. */
export function entryName(e: EntryPoint): string {
  return e.kind === 'client' ? e.node : `${e.kind} of ${e.node}`;
}

/**
 * Each entry point's share, when there are several: one blended figure would hide a failing entry behind a healthy
 * one. `' Per entry point: users of A 23.3% (94 of 403), events of B 100.0% (435 of 435).'`
 */
function perEntry(entries: EntryPoint[]): string {
  const started = entries.filter((e) => e.ok + e.failed > 0);
  if (started.length < 2) return '';
  return ` Per entry point: ${list(started.map((e) => `${entryName(e)} ${percent(e.ok / (e.ok + e.failed))} (${count(e.ok)} of ${count(e.ok + e.failed)})`))}.`;
}

/** At least `min` of the finished checkouts succeeded. */
export function checkouts(c: Extract<BehaviouralCheck, { kind: 'checkouts' }>, v: RunView): Verdict {
  const m = v.w.metrics;
  const total = m.checkoutsOk + m.checkoutsFailed;
  if (total === 0) {
    return no('No checkout finished: nothing started any. A service that only publishes sends events at its `rate`; a service that calls others gets users at its `rate`.');
  }
  const share = m.checkoutsOk / total;
  const f = m.checkoutFailures;
  const failures = perEntry(APPLICATION.entries(v.w)) + (m.checkoutsFailed === 0 ? '' :
    ` ${count(m.checkoutsFailed)} failed between ${seconds(f.firstAt)} and ${seconds(f.lastAt)}: the first was ${failureCause(f.examples[0]!)}.`);
  const counterexample = m.checkoutsFailed === 0 ? undefined : {
    window: { fromS: f.firstAt / 1e6, toS: f.lastAt / 1e6 },
    nodes: [...new Set(f.examples.map((x) => x.service.replace(/\/\d+$/, '')))],
  };
  const needed = c.min >= 1 ? 'every one' : `at least ${percent(c.min)}`;
  if (share < c.min) return no(`${percent(share)} of ${plural(total, 'checkout')} succeeded; the goal needs ${needed}.${failures}`, counterexample);
  if (m.checkoutsFailed === 0) {
    // A publish-only service's checkouts are its acknowledged events: their latency is in the other histogram.
    const latency = createHistogram();
    mergeInto(latency, m.checkoutLatency);
    mergeInto(latency, m.sourceAckLatency);
    const p99 = quantile(latency, 0.99) / 1000;
    return yes(`All ${plural(total, 'checkout')} succeeded (p99 latency ${p99 < 10 ? p99.toFixed(1) : count(p99)} ms).${perEntry(APPLICATION.entries(v.w))}`);
  }
  return yes(`${percent(share)} of ${plural(total, 'checkout')} succeeded (${needed} needed).${failures}`, counterexample);
}

/** Of the checkouts that succeeded, `quantile` were answered within `withinMs`. */
export function checkoutLatency(c: Extract<BehaviouralCheck, { kind: 'checkout-latency' }>, v: RunView): Verdict {
  const m = v.w.metrics;
  if (m.checkoutsOk === 0) return no('No checkout succeeded, so none was answered in time.');
  const latency = createHistogram();
  mergeInto(latency, m.checkoutLatency);
  mergeInto(latency, m.sourceAckLatency);
  const ms = quantile(latency, c.quantile) / 1000;
  const shown = ms < 10 ? ms.toFixed(1) : count(Math.round(ms));
  const which = `${percent(c.quantile)} of the ${plural(m.checkoutsOk, 'checkout')} that succeeded`;
  return ms <= c.withinMs
    ? yes(`${sentence(which)} were answered within ${shown} ms (the goal: ${c.withinMs} ms).`)
    : no(`${sentence(which)} took up to ${shown} ms, more than ${c.withinMs} ms: something on the way to the answer is slower than the budget allows.`);
}
