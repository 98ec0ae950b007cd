/** Kafka protocol error codes (org.apache.kafka.common.protocol.Errors), the ones the simulation produces. */
export const NONE = 0;
export const OFFSET_OUT_OF_RANGE = 1;
export const LEADER_NOT_AVAILABLE = 5;
export const NOT_LEADER_OR_FOLLOWER = 6;
export const REQUEST_TIMED_OUT = 7;
export const NETWORK_EXCEPTION = 13;
export const COORDINATOR_NOT_AVAILABLE = 15;
export const NOT_COORDINATOR = 16;
export const NOT_ENOUGH_REPLICAS = 19;
export const NOT_ENOUGH_REPLICAS_AFTER_APPEND = 20;
export const ILLEGAL_GENERATION = 22;
export const UNKNOWN_MEMBER_ID = 25;
export const REBALANCE_IN_PROGRESS = 27;
export const OUT_OF_ORDER_SEQUENCE_NUMBER = 45;
/** Not a protocol code: the client gave up after delivery.timeout.ms (a TimeoutException in the send callback). */
export const DELIVERY_TIMEOUT = 1001;
/** Not a protocol code: the service failed the request itself (crashed, rejecting, timed out, overloaded). */
export const SERVICE_UNAVAILABLE = 1002;
export const CALL_TIMEOUT = 1003;
export const OVERLOADED = 1004;
export const PROCESSING_FAILED = 1005;

const names: Record<number, string> = {
  [NONE]: 'NONE',
  [OFFSET_OUT_OF_RANGE]: 'OFFSET_OUT_OF_RANGE',
  [LEADER_NOT_AVAILABLE]: 'LEADER_NOT_AVAILABLE',
  [NOT_LEADER_OR_FOLLOWER]: 'NOT_LEADER_OR_FOLLOWER',
  [REQUEST_TIMED_OUT]: 'REQUEST_TIMED_OUT',
  [NETWORK_EXCEPTION]: 'NETWORK_EXCEPTION',
  [COORDINATOR_NOT_AVAILABLE]: 'COORDINATOR_NOT_AVAILABLE',
  [NOT_COORDINATOR]: 'NOT_COORDINATOR',
  [NOT_ENOUGH_REPLICAS]: 'NOT_ENOUGH_REPLICAS',
  [NOT_ENOUGH_REPLICAS_AFTER_APPEND]: 'NOT_ENOUGH_REPLICAS_AFTER_APPEND',
  [ILLEGAL_GENERATION]: 'ILLEGAL_GENERATION',
  [UNKNOWN_MEMBER_ID]: 'UNKNOWN_MEMBER_ID',
  [REBALANCE_IN_PROGRESS]: 'REBALANCE_IN_PROGRESS',
  [OUT_OF_ORDER_SEQUENCE_NUMBER]: 'OUT_OF_ORDER_SEQUENCE_NUMBER',
  [DELIVERY_TIMEOUT]: 'delivery timeout',
  [SERVICE_UNAVAILABLE]: 'service unavailable',
  [CALL_TIMEOUT]: 'call timed out',
  [OVERLOADED]: 'overloaded (no thread free)',
  [PROCESSING_FAILED]: 'processing failed',
};

export function errorName(code: number): string {
  return names[code] ?? `error ${code}`;
}
