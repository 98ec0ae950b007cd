/**
 * Kafka clients' retry waits: exponential from a base to a maximum, with ±20% jitter so that clients that failed
 * together do not retry together (KIP-580, org.apache.kafka.common.utils.ExponentialBackoff). Every retry loop in the
 * clients waits by this, so no fault can make a client spin.
 */
import { nextFloat, type Stream } from '../sim/random.ts';

/** The consumer's defaults, where EventLab has no setting of its own for them (CommonClientConfigs). */
export const RETRY_BACKOFF_US = 100_000; // retry.backoff.ms
export const RETRY_BACKOFF_MAX_US = 1_000_000; // retry.backoff.max.ms
export const RECONNECT_BACKOFF_US = 50_000; // reconnect.backoff.ms
export const RECONNECT_BACKOFF_MAX_US = 1_000_000; // reconnect.backoff.max.ms

/**
 * The wait before attempt `failures` + 1, after `failures` failures in a row (1 or more).
 * @example backoffUs(1, 100_000, 1_000_000, rng) // 80-120 ms
 */
export function backoffUs(failures: number, baseUs: number, maxUs: number, rng: Stream): number {
  const exp = Math.min(maxUs, baseUs * 2 ** Math.min(20, Math.max(0, failures - 1)));
  return Math.round(exp * (0.8 + 0.4 * nextFloat(rng)));
}
