/**
 * Builds a running world from a spec: the kernel (network, message table, keys, trace, metrics, checker and fault
 * state), then each family's part in the order components.ts lists them, then starts them. Every random choice is
 * drawn from a stream named after what it is for, so adding a service never changes another's draws.
 */
import { createChecks } from '../check/state.ts';
import { FAMILIES } from '../components.ts';
import { createFaultState } from '../faults/types.ts';
import { createKeys } from '../history/keys.ts';
import { createMessages } from '../history/messages.ts';
import { createTrace } from '../history/trace.ts';
import { addDestination, createMessaging } from '../messaging/state.ts';
import { createMetrics } from '../metrics/metrics.ts';
import { startSampler } from '../metrics/sampler.ts';
import { createNetwork } from '../sim/network.ts';
import { createQueue } from '../sim/queue.ts';
import { stream } from '../sim/random.ts';
import type { Parts, World } from '../world.ts';
import type { Spec } from './spec.ts';

export interface WorldOptions {
  seed: number;
  traceCapacity?: number;
}

export function instantiate(spec: Spec, opts: WorldOptions): World {
  const seed = opts.seed;
  const parts = {} as Record<string, unknown>;
  for (const f of FAMILIES) parts[f.name] = f.createPart();
  const w: World = {
    seed,
    now: 0,
    events: 0,
    queue: createQueue(4096),
    net: createNetwork(stream(seed, 'network')),
    messages: createMessages(),
    keys: createKeys(),
    trace: createTrace(opts.traceCapacity),
    metrics: createMetrics(0),
    checks: createChecks(0),
    faults: createFaultState(),
    msg: createMessaging(),
    parts: parts as unknown as Parts,
    nextId: 1,
    rng: stream(seed, 'world'),
  };
  // Destinations are the kernel's: every family names them by their index in the spec.
  for (const d of spec.destinations) addDestination(w.msg, d.family, d.name);
  for (const f of FAMILIES) f.build(w, spec);
  for (const f of FAMILIES) f.built?.(w, spec);
  w.metrics = createMetrics(w.msg.subscriptions.length);
  w.checks = createChecks(w.msg.subscriptions.length);
  for (const f of FAMILIES) f.start(w, spec);
  startSampler(w);
  return w;
}
