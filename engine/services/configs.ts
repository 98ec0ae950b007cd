/**
 * The applications' parsed setting values turned into typed configs: how a service serves requests, and what it does
 * with messages it reads.
 */
import type { Value } from '../config/values.ts';
import type { Distribution } from '../sim/distribution.ts';
import type { HandlingSpec } from './spec.ts';
import type { ServiceConfig } from './types.ts';

type Values = Record<string, Value> & { explicit: Set<string> };
const ms = (v: Value) => Math.round((v as number) * 1000);

export function serviceConfig(v: Values): ServiceConfig {
  return {
    threads: v['threads'] as number,
    queue: v['queue'] as number,
    latency: v['latency'] as Distribution,
    timeoutUs: ms(v['timeout']!),
    callRetries: v['call.retries'] as number,
    availability: v['availability'] as number,
  };
}

/** What a service does with messages it reads; its dead-letter and retry destinations are found later (none until then). */
export function handlingConfig(v: Values): HandlingSpec {
  // Committing by hand after processing (commit=after, or enable.auto.commit=false) waits for the workers.
  const commit = v['commit'] as string;
  const manualAfter = commit === 'after' || (commit === 'auto' && v['enable.auto.commit'] === false);
  return {
    processing: v['processing'] as Distribution,
    failure: v['failure'] as number,
    retry: v['retry'] as number,
    dlq: -1,
    retryTopics: [],
    retryDelaysUs: [],
    idempotent: v['idempotent'] as boolean,
    threads: v['processing.threads'] as number,
    waitForBatch: manualAfter,
  };
}
