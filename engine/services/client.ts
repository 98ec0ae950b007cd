/**
 * Clients: users sending checkouts into the first service at a rate (Poisson arrivals by default), recording
 * success, failure and latency of each.
 */
import { T } from '../history/kinds.ts';
import { AE } from './events.ts';
import { record } from '../history/trace.ts';
import { NONE } from '../history/errors.ts';
import { recordValue } from '../metrics/histogram.ts';
import { checkoutAnswered, checkoutFailed } from '../metrics/metrics.ts';
import { expDraw } from '../sim/exponential.ts';
import { after, on } from '../sim/loop.ts';
import { nextFloat, nextInt } from '../sim/random.ts';
import { SECOND } from '../sim/time.ts';
import type { World } from '../world.ts';
import { startCall } from './calls.ts';
import type { Call, Client } from './types.ts';

/** How long a user waits for a checkout before giving up. */
export const CLIENT_TIMEOUT_US = 30 * SECOND;

/** Time to the next arrival: exponential for Poisson arrivals, fixed otherwise. */
export function interArrival(rate: number, poisson: boolean, u: number): number {
  const mean = SECOND / rate;
  return Math.max(1, Math.round(poisson ? mean * expDraw(u) : mean));
}

export function startClient(w: World, c: Client): void {
  if (c.rate <= 0) return;
  after(w, interArrival(c.rate, c.poisson, nextFloat(c.rng)), AE.clientArrival, c.id, c.life);
}

on<World>(AE.clientStart, 'client starts', (w, cid, life) => {
  const c = w.parts.apps.clients[cid]!;
  if (c.life === life) startClient(w, c);
});

on<World>(AE.clientArrival, 'checkout arrives', (w, cid, life) => {
  const c = w.parts.apps.clients[cid]!;
  if (!c.alive || c.life !== life) return;
  after(w, interArrival(c.rate, c.poisson, nextFloat(c.rng)), AE.clientArrival, c.id, life);
  const key = c.keyCount > 0 ? c.keyBase + 1 + nextInt(c.rng, c.keyCount) : 0;
  startCall(w, c.id, true, -1, c.target, 0, key, CLIENT_TIMEOUT_US, c.edge);
});

on<World>(AE.checkoutResponse, 'checkout answered', (w, _cid, callId) => {
  const call = w.parts.apps.calls.get(callId);
  if (!call) return;
  w.parts.apps.calls.delete(callId);
  if (!call.abandoned) finishCheckout(w, call, call.code);
}, { hop: true });

/** Records a checkout's outcome (answered, or timed out at the client). */
export function finishCheckout(w: World, call: Call, code: number): void {
  const c = w.parts.apps.clients[call.from]!;
  const latency = w.now - call.startAt;
  if (code === NONE) {
    c.ok++;
    w.metrics.checkoutsOk++;
    recordValue(c.latency, latency);
    recordValue(w.metrics.checkoutLatency, latency);
    checkoutAnswered(w.metrics, latency, w.now, { request: call.id });
  } else {
    c.failed++;
    checkoutFailed(w.metrics, { request: call.id, at: w.now, code, service: call.culprit || w.parts.apps.services[call.service]!.node });
  }
  record(w.trace, w.now, T.checkout, c.host, -1, call.id, latency, code);
}
