/**
 * The applications' live state for the frame, per topology node: a service's instances (up of them alive), load,
 * request outcomes, messages processed and the lag of the subscription it reads; a client's checkouts.
 */
import type { NodeLiveBase } from '../live/types.ts';
import type { World } from '../world.ts';

export interface ServiceNodeLive extends NodeLiveBase {
  type: 'service';
  busy: number;
  queued: number;
  requests: number;
  ok: number;
  failed: number;
  rejected: number;
  processed: number;
  rejecting: boolean;
  slowMs: number;
  /** The subscription (consumer group) this service reads in, if any, and its lag. */
  group: number;
  lag: number;
}

export interface ClientNodeLive extends NodeLiveBase {
  type: 'client';
  /** Topology node the requests go to (an implicit client is named after it). */
  target: string;
  ok: number;
  failed: number;
}

declare module '../live/types.ts' {
  interface NodeLives {
    service: ServiceNodeLive;
    client: ClientNodeLive;
  }
}

/** Fills in the live state of every service and client; `lags` holds each subscription's lag. */
export function appsLive(w: World, out: Record<string, unknown>, lags: readonly number[]): void {
  const a = w.parts.apps;
  const processedBy = new Map<number, number>();
  for (const r of a.readers) processedBy.set(r.service, (processedBy.get(r.service) ?? 0) + r.processed);
  for (const s of a.services) {
    let up = 0, busy = 0, queued = 0, slow = 0;
    for (const iid of s.instances) {
      const i = a.instances[iid]!;
      if (i.alive) up++;
      busy += i.busy;
      queued += i.waiting.length;
      slow = Math.max(slow, i.slowUs);
    }
    out[s.node] = {
      type: 'service',
      up,
      of: s.instances.length,
      busy,
      queued,
      requests: s.stats.requests,
      ok: s.stats.ok,
      failed: s.stats.failed,
      rejected: s.stats.rejected,
      processed: processedBy.get(s.id) ?? 0,
      rejecting: s.faults.rejecting,
      slowMs: (s.faults.slowUs + slow) / 1000,
      group: s.group,
      lag: s.group >= 0 ? (lags[s.group] ?? 0) : 0,
    } satisfies ServiceNodeLive;
  }
  for (const c of a.clients) {
    out[c.node] = { type: 'client', up: c.alive ? 1 : 0, of: 1, target: a.services[c.target]?.node ?? '', ok: c.ok, failed: c.failed } satisfies ClientNodeLive;
  }
}
