/**
 * Behavioural checks about the work consumers do: how long a job takes from being sent to being done (its finish
 * time, counting the jobs still waiting), and how often processing failed over the run.
 */
import { quantile } from '../metrics/histogram.ts';
import { producedAtOf, partitionOf } from '../history/messages.ts';
import { offsetOf } from '../messaging/queries.ts';
import type { ServiceView } from '../messaging/port.ts';
import type { World } from '../world.ts';
import type { BehaviouralCheck } from './types.ts';
import { consumingServices, no, seenBy, yes, type RunView, type Verdict } from './view.ts';
import { at, count, list, plural } from './words.ts';

type Of<K extends BehaviouralCheck['kind']> = Extract<BehaviouralCheck, { kind: K }>;

/** A duration in µs as a learner reads it: `0.64 s`, `12.3 s`. */
function span(us: number): string {
  const s = us / 1e6;
  return `${s < 10 ? s.toFixed(2) : s.toFixed(1)} s`;
}

/** `99%`, `99.9%`, or `every one`. */
function share(q: number): string {
  return q >= 1 ? 'every one' : `${Number((q * 100).toFixed(1))}%`;
}

/** Messages on the service's places, sent before `beforeUs`, that its group has not processed and the broker still holds. */
function stillWaiting(w: World, s: ServiceView, beforeUs: number): { count: number; oldest: number } {
  const places = new Set(w.msg.subscriptions[s.group]!.destinations.flatMap((d) => w.msg.destinations[d]!.places));
  let n = 0;
  let oldest = -1;
  for (let id = 1; id < w.messages.count; id++) {
    const p = partitionOf(w.messages, id);
    if (!places.has(p) || producedAtOf(w.messages, id) >= beforeUs || seenBy(w, s.group, id)) continue;
    if (offsetOf(w, p, id) < 0) continue;
    if (n++ === 0) oldest = id;
  }
  return { count: n, oldest };
}

/** What each instance processed, when there are several: round-robin shows as equal counts whatever the work. */
function perInstance(s: ServiceView): string {
  if (s.readers.length < 2) return '';
  return ` Its instances processed ${list(s.readers.map((r) => `${count(r.processed)} (${r.instance})`))}.`;
}

/** At least `quantile` of the jobs each matching service processed, or still owes, were done within `withinS`. */
export function finishTime(c: Of<'finish-time'>, v: RunView): Verdict {
  const services = consumingServices(v, c.service);
  if (typeof services === 'string') return no(services);
  const { w } = v;
  const limit = c.withinS * 1e6;
  const failures: string[] = [];
  const passes: string[] = [];
  for (const s of services) {
    const h = w.metrics.groupLatency[s.group]!;
    const waiting = stillWaiting(w, s, w.now - limit);
    const total = h.total + waiting.count;
    if (total === 0) {
      failures.push(`${s.node} processed nothing, so nothing finished`);
      continue;
    }
    // The jobs still waiting past the limit are the slowest of all: the quantile falls among them once they outnumber the rest.
    const rank = Math.max(1, Math.ceil(c.quantile * total));
    const what = `the ${plural(total, 'event')} ${s.node} processed or still owes`;
    if (rank > h.total) {
      const since = (w.now - producedAtOf(w.messages, waiting.oldest)) / 1e6;
      failures.push(`${count(waiting.count)} of ${what} have waited more than ${at(c.withinS)} and are still not done (the oldest since ${at(Math.round(since * 10) / 10)} ago)`);
      continue;
    }
    const value = rank === h.total && waiting.count === 0 ? h.max : quantile(h, rank / h.total);
    const about = rank === h.total && waiting.count === 0 ? '' : 'about ';
    const done = `${share(c.quantile)} of ${what} ${c.quantile >= 1 ? 'was' : 'were'} done within ${about}${span(value)} of being sent`;
    const slowest = waiting.count > 0 ? `; ${count(waiting.count)} still wait` : c.quantile >= 1 ? '' : `; the slowest took ${span(h.max)}`;
    if (value > limit) failures.push(`${done}, more than ${at(c.withinS)}${slowest}.${perInstance(s)}`);
    else passes.push(`${done} (at most ${at(c.withinS)} allowed)${slowest}.${perInstance(s)}`);
  }
  const nodes = services.map((s) => s.node);
  if (failures.length > 0) return no(sentenceOf(failures.join(' ')), { nodes });
  return yes(sentenceOf(passes.join(' ')));
}

function sentenceOf(s: string): string {
  const t = s.charAt(0).toUpperCase() + s.slice(1);
  return /[.]$/.test(t) ? t : `${t}.`;
}

/**
 * At least `quantile` of the events each matching service processed were processed within `withinS` of being sent
 * (the group's latency histogram, where a retried copy counts from its original's send).
 */
export function processedWithin(c: Of<'processed-within'>, v: RunView): Verdict {
  const services = consumingServices(v, c.service);
  if (typeof services === 'string') return no(services);
  const failed: string[] = [];
  const passed: string[] = [];
  for (const s of services) {
    const h = v.w.metrics.groupLatency[s.group]!;
    if (h.total === 0) {
      failed.push(`${s.node} processed nothing.`);
      continue;
    }
    const value = quantile(h, c.quantile);
    const done = `${share(c.quantile)} of the ${plural(h.total, 'event')} ${s.node} processed ${c.quantile >= 1 ? 'was' : 'were'} processed within about ${span(value)} of being sent`;
    if (value > c.withinS * 1e6) failed.push(`${done}, more than ${at(c.withinS)}; the slowest took ${span(h.max)}.`);
    else passed.push(`${done} (at most ${at(c.withinS)} allowed).`);
  }
  if (failed.length > 0) return no(sentenceOf(failed.join(' ')), { nodes: services.map((s) => s.node) });
  return yes(sentenceOf(passed.join(' ')));
}

/** Processing failed at most `max` times over the run. */
export function failures(c: Of<'failures'>, v: RunView): Verdict {
  const n = v.w.metrics.processFailed;
  if (n <= c.max) return yes(`Processing failed ${plural(n, 'time')} in the run (at most ${count(c.max)} allowed).`);
  return no(`Processing failed ${plural(n, 'time')} in the run, more than ${count(c.max)}: a message that fails every time is being tried again and again instead of being set aside.`);
}
