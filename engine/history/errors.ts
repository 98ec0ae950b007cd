/**
 * Error codes, as traces and reports carry them: 0 for none, the codes every family shares (a client giving up, a
 * service failing a request), and each family's own (Kafka's protocol errors), declared by the family with their
 * names.
 */
export const NONE = 0;
/** The client gave up after its delivery timeout (Kafka: a TimeoutException in the send callback). */
export const DELIVERY_TIMEOUT = 1001;
/** The service failed the request itself (crashed, rejecting, timed out, overloaded). */
export const SERVICE_UNAVAILABLE = 1002;
export const CALL_TIMEOUT = 1003;
export const OVERLOADED = 1004;
export const PROCESSING_FAILED = 1005;
/** Processing a message failed: a poison message (always fails), or a failure drawn from `failure`. */
export const POISON_FAILED = 2001;
export const PROCESS_FAILED = 2002;

const names = new Map<number, string>([
  [NONE, 'NONE'],
  [DELIVERY_TIMEOUT, 'delivery timeout'],
  [SERVICE_UNAVAILABLE, 'service unavailable'],
  [CALL_TIMEOUT, 'call timed out'],
  [OVERLOADED, 'overloaded (no thread free)'],
  [PROCESSING_FAILED, 'processing failed'],
]);

/** Declares a family's error codes and their names. */
export function defineErrors(codes: Record<number, string>): void {
  for (const [code, name] of Object.entries(codes)) names.set(Number(code), name);
}

export function errorName(code: number): string {
  return names.get(code) ?? `error ${code}`;
}
