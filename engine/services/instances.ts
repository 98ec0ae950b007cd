/**
 * Application instances crashing and coming back. A crash loses what the instance held in memory: the requests it
 * was serving never answer, the messages it was processing and had not finished are not applied, and its brokers'
 * clients (producers, consumers) lose their state. A restart opens new publisher sessions and joins again.
 */
import { BROKERS } from '../components.ts';
import { T } from '../history/kinds.ts';
import { record } from '../history/trace.ts';
import { after, on } from '../sim/loop.ts';
import type { World } from '../world.ts';
import { dropCallsAt } from './calls.ts';
import { AE } from './events.ts';
import { finish } from './processing.ts';
import { dropPool } from './pool.ts';
import type { Reader } from './types.ts';

/** How long an orchestrator takes to restart an instance that crashed at its worst moment. */
const RESTART_DELAY_US = 5_000_000;

export function crashInstance(w: World, iid: number): void {
  const a = w.parts.apps;
  const inst = a.instances[iid]!;
  if (!inst.alive) return;
  for (const rid of inst.readers) {
    // Messages finished before the crash were processed (their side effects happened); the rest were not.
    const r = a.readers[rid]!;
    finish(w, r, w.now);
    dropPool(w, r);
    r.delivery = null;
    r.attempts.clear();
    r.crashTrigger = null;
  }
  for (const b of BROKERS) b.crashOwner(w, inst.service, inst.number - 1);
  inst.alive = false;
  inst.life++;
  w.net.up[inst.host] = 0;
  dropCallsAt(w, iid);
  record(w.trace, w.now, T.crash, inst.host, -1, 0, 1, 0);
}

/** Brings an instance up: after a crash, or for the first time when its service has a start delay. */
export function restartInstance(w: World, iid: number): void {
  const inst = w.parts.apps.instances[iid]!;
  if (inst.alive) return;
  // Only a crash counts lives: an instance that was never up is starting, not restarting.
  const first = inst.life === 0;
  inst.alive = true;
  inst.life++;
  w.net.up[inst.host] = 1;
  for (const b of BROKERS) b.restartOwner(w, inst.service, inst.number - 1);
  if (first) record(w.trace, w.now, T.start, inst.host, -1, 0, 0, 0);
  else record(w.trace, w.now, T.crash, inst.host, -1, 0, 2, 0);
}

/** A fault armed the reader to crash its instance at its worst moment; an orchestrator restarts it a little later. */
export function crashAtWorstMoment(w: World, r: Reader): void {
  crashInstanceAndRestart(w, w.parts.apps.services[r.service]!.instances[r.instance]!);
}

/** Crashes an instance at a fault's chosen moment; an orchestrator restarts it a little later. */
export function crashInstanceAndRestart(w: World, iid: number): void {
  crashInstance(w, iid);
  after(w, RESTART_DELAY_US, AE.restartInstance, iid, w.parts.apps.instances[iid]!.life);
}

on<World>(AE.restartInstance, 'instance restarted', (w, iid, life) => {
  if (w.parts.apps.instances[iid]!.life === life) restartInstance(w, iid);
});
