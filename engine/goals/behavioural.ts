/**
 * Behavioural checks as plans the evaluator follows while the simulation runs: when each check is judged, and what
 * it must look at earlier (a replay compares what a service processed after a reset with what it had before).
 */
import { checkoutLatency, checkouts } from './checkouts.ts';
import { lag, noDuplicates, noIdleConsumers, perKeyOrder } from './consumption.ts';
import { delivered, markReplay, noLoss, replayed, type ReplayMark } from './delivery.ts';
import { effectsOnce, eventsPublished } from './outbox.ts';
import { noUnroutable, routed } from './routing.ts';
import { readYourWrites, replayLength } from './eventsourcing.ts';
import { sagasSettled } from './sagas.ts';
import { writesField } from './schemas.ts';
import type { BehaviouralCheck } from './types.ts';
import { consumingServices, no, type RunView, type Verdict } from './view.ts';
import { failures, finishTime, processedWithin } from './work.ts';

export interface Plan {
  /** When the check is judged, in simulated seconds. */
  dueS: number;
  /** Earlier moments the check must look at before it is judged. */
  marks: { atS: number; take: (v: RunView) => void }[];
  judge: (v: RunView) => Verdict;
}

/** How and when to judge a behavioural check in a run of `durationS` seconds. */
export function plan(c: BehaviouralCheck, durationS: number): Plan {
  const end = (judge: (v: RunView) => Verdict): Plan => ({ dueS: durationS, marks: [], judge });
  switch (c.kind) {
    case 'no-loss':
      return end(noLoss);
    case 'no-duplicates':
      return end((v) => noDuplicates(c, v));
    case 'per-key-order':
      return end((v) => perKeyOrder(c, v));
    case 'checkouts':
      return end((v) => checkouts(c, v));
    case 'delivered':
      return { dueS: c.byS, marks: [], judge: (v) => delivered(c, v) };
    case 'lag':
      return { dueS: c.byS, marks: [], judge: (v) => lag(c, v) };
    case 'no-idle-consumers':
      return { dueS: c.atS, marks: [], judge: (v) => noIdleConsumers(c, v) };
    case 'routed':
      return { dueS: c.byS, marks: [], judge: (v) => routed(c, v) };
    case 'no-unroutable':
      return end(noUnroutable);
    case 'finish-time':
      return end((v) => finishTime(c, v));
    case 'failures':
      return end((v) => failures(c, v));
    case 'processed-within':
      return end((v) => processedWithin(c, v));
    case 'events-published':
      return { dueS: c.byS, marks: [], judge: (v) => eventsPublished(c, v) };
    case 'effects-once':
      return { dueS: c.byS, marks: [], judge: (v) => effectsOnce(c, v) };
    case 'sagas-settled':
      return { dueS: c.byS, marks: [], judge: (v) => sagasSettled(c, v) };
    case 'replay-length':
      return end((v) => replayLength(c, v));
    case 'read-your-writes':
      return end((v) => readYourWrites(c, v));
    case 'writes-field':
      return end((v) => writesField(c, v));
    case 'checkout-latency':
      return end((v) => checkoutLatency(c, v));
    case 'replayed': {
      let seen: { services: ReturnType<typeof consumingServices>; marks: Map<number, ReplayMark> } | null = null;
      return {
        dueS: durationS,
        marks: [{
          atS: c.afterS,
          take: (v) => {
            const services = consumingServices(v, c.service);
            seen = { services, marks: typeof services === 'string' ? new Map() : markReplay(v, services) };
          },
        }],
        judge: (v) => {
          if (!seen) return no(`The run ended before ${c.afterS} s, so nothing could be replayed.`);
          const { services, marks } = seen;
          if (typeof services === 'string') return no(services);
          if (c.by === undefined) return replayed(c, v, services, marks);
          const replayers = consumingServices(v, c.by);
          return typeof replayers === 'string' ? no(replayers) : replayed(c, v, services, marks, replayers);
        },
      };
    }
  }
}
