/**
 * The language the differential scenarios are written in: an outcome with nothing returned, confirmed or closed unless
 * a scenario says so, first deliveries and redeliveries, and runs of publishes.
 */
import type { AmqpOutcome, SeenDelivery } from '../scenario.ts';

/** An outcome with nothing returned, confirmed or closed unless a scenario says so. */
export const outcome = (o: Partial<AmqpOutcome>): AmqpOutcome => ({ deliveries: {}, returned: [], confirms: {}, queues: {}, channelErrors: {}, ...o });

/** A first delivery, and a redelivery (redelivered = true). */
export const fresh = (body: string, key: string, deaths?: SeenDelivery['deaths']): SeenDelivery => ({ body, redelivered: false, key, ...(deaths ? { deaths } : {}) });
export const again = (body: string, key: string): SeenDelivery => ({ body, redelivered: true, key });

export const bodies = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
export const publishAll = (exchange: string, key: string, list: string[], extra: { confirm?: boolean; persistent?: boolean; bytes?: number } = {}) =>
  list.map((body) => ({ op: 'publish' as const, exchange, key, body, ...extra }));
