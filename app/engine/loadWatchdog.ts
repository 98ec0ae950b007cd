/**
 * Abandons a load the worker is stuck in. Some texts take the layout far longer than any drawing should (a thousand
 * nested subgraphs: minutes), and a worker cannot be interrupted, only replaced. A load is abandoned when a newer
 * text has waited behind it for a while (the learner moved on), or when it has run so long that it will not finish.
 * Time spent waiting behind other calls (a lesson's check, a simulation step) does not count: see WorkerLink.current.
 */
import type { WorkerLink } from './workerLink.ts';

/** A newer text waits at most this long behind a load before the worker is replaced. */
export const SUPERSEDE_AFTER_MS = 3_000;
/** No load is given longer (10,000 nodes lay out in about 5 s on a laptop). */
export const GIVE_UP_AFTER_MS = 20_000;
const CHECK_EVERY_MS = 250;

/** Watches the load in flight until the returned function is called. */
export function watchLoad(link: Pick<WorkerLink<unknown>, 'current' | 'restart'>, newerWaiting: () => boolean, now: () => number): () => void {
  const timer = setInterval(() => {
    const c = link.current();
    if (c?.label !== 'load') return;
    const ms = now() - c.since;
    if (ms >= GIVE_UP_AFTER_MS) link.restart(`it stopped reading a text after ${GIVE_UP_AFTER_MS / 1000} s`, 'abandoned');
    else if (ms >= SUPERSEDE_AFTER_MS && newerWaiting()) link.restart('it was stuck on an older text', 'abandoned');
  }, CHECK_EVERY_MS);
  return () => clearInterval(timer);
}
