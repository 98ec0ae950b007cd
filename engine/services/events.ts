/**
 * The applications family's event kinds: clients, synchronous calls, event sources, instance restarts.
 * Numbers are allocated by name when the module loads (sim/loop.ts); `a` and `b` are each event's two arguments.
 */
import { eventKinds } from '../sim/loop.ts';

export const AE = eventKinds([
  'generate', // a=producer load, b=life: produce the events that arrived since the last tick
  'clientArrival', // a=client, b=life
  'requestArrive', // a=service instance, b=call id
  'requestDone', // a=service instance, b=call id: local work finished
  'callResponse', // a=caller instance, b=call id
  'callTimeout', // a=caller instance, b=call id
  'checkoutResponse', // a=client, b=call id
  'clientStart', // a=client, b=life: a client with a start delay begins
  'processDone', // a=reader, b=delivery sequence: messages of a delivery are processed
  'restartInstance', // a=instance, b=life: an orchestrator restarts a crashed instance
  'writeTimeout', // a=call id, b=transaction id: the store has not answered in the service's timeout
  'poolDone', // a=reader, b=pool epoch: a worker of processing.threads finished a record
  'poolSettle', // a=reader, b=pool epoch: the poll loop may poll again after handing records to the workers
]);
