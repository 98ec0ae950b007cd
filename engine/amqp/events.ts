/**
 * The RabbitMQ family's event kinds, allocated by name when the module loads (sim/loop.ts).
 */
import { eventKinds } from '../sim/loop.ts';

export const RE = eventKinds([
  'flush', // a=publisher, b=life: send what the publisher was handed this instant, as one batch
  'publishArrive', // a=publisher, b=batch: a batch of publishes reaches its node
  'confirmSend', // a=publisher, b=life: the node sends the confirms it has for the publisher this instant
  'confirmArrive', // a=publisher, b=batch: confirms (basic.ack / basic.nack) reach the publisher
  'deliverArrive', // a=consumer, b=push: deliveries reach the consumer
  'ackArrive', // a=consumer, b=batch: acks, nacks and rejects reach the queue
  'queueSync', // a=queue, b=0: the queue syncs its persistent messages to disk (or a quorum replicates them)
  'expire', // a=queue, b=0: the message at the head of the queue may have expired
  'heartbeat', // a=consumer, b=life: the broker checks it still hears from the consumer; consumer_timeout
  'reconnect', // a=publisher or consumer (b=0 publisher, 1 consumer): a client tries its connection again
  'election', // a=queue, b=0: a quorum queue elects a new leader
  'scriptWork', // a=consumer, b=life: a scenario consumer finished the delivery it was working on
  'queueExpire', // a=queue, b=0: a queue with a TTL (x-expires) may have been unused long enough to be deleted
]);
