/**
 * A scenario an AMQP 0-9-1 client plays against a broker, and what it observes: the common language of the
 * differential suite, which plays each scenario on the model (engine/amqp/driver.ts) and on a real RabbitMQ
 * (tools/rabbit/), and requires the same outcome.
 *
 * Steps run in order; each waits for the broker's answer where AMQP has one (declare-ok, bind-ok, a confirm when the
 * publisher uses confirms), so the outcome does not depend on timing except through explicit `wait` steps. Message
 * bodies are unique within a scenario: they name the messages in the outcome.
 */

export type Headers = Record<string, string | number>;

export interface QueueArgs {
  'x-queue-type'?: 'classic' | 'quorum';
  'x-message-ttl'?: number;
  'x-max-length'?: number;
  'x-max-length-bytes'?: number;
  'x-overflow'?: 'drop-head' | 'reject-publish' | 'reject-publish-dlx';
  'x-dead-letter-exchange'?: string;
  'x-dead-letter-routing-key'?: string;
  'x-delivery-limit'?: number;
  'x-single-active-consumer'?: boolean;
}

export type AmqpStep =
  /** exchange.declare */
  | { op: 'exchange'; name: string; type: 'direct' | 'fanout' | 'topic' | 'headers'; durable?: boolean; alternate?: string }
  /** queue.declare (durable by default, as the seeds' queues are) */
  | { op: 'queue'; name: string; durable?: boolean; args?: QueueArgs }
  /** queue.bind; a headers binding carries `x-match` and the headers to match in `args` */
  | { op: 'bind'; queue: string; exchange: string; key?: string; args?: Headers }
  /** exchange.bind: messages `source` routes go on through `destination` */
  | { op: 'bindExchange'; destination: string; source: string; key?: string; args?: Headers }
  /**
   * basic.publish on the publisher's channel (one publisher). With `confirm` the channel is in confirm mode and the
   * step waits for the basic.ack or basic.nack. `bytes` pads the body to that size (for x-max-length-bytes).
   */
  | { op: 'publish'; exchange: string; key: string; body: string; mandatory?: boolean; persistent?: boolean; expiration?: number; headers?: Headers; confirm?: boolean; bytes?: number }
  /**
   * basic.consume, on a channel of its own, with basic.qos(prefetch) first when given. A consumer with `work` acks
   * (or rejects, `work.reject`) each delivery itself after that many milliseconds, one at a time, in the order
   * received; without it, a manual-ack consumer holds its deliveries until an `ack`/`nack`/`reject` step.
   */
  | { op: 'consume'; consumer: string; queue: string; ack: 'auto' | 'manual'; prefetch?: number; work?: { ms: number; reject?: 'requeue' | 'drop' } }
  /** basic.ack of the consumer's delivery carrying `body` (default: its oldest unacked); `multiple` acks all up to it */
  | { op: 'ack'; consumer: string; body?: string; multiple?: boolean }
  | { op: 'nack'; consumer: string; body?: string; requeue: boolean; multiple?: boolean }
  | { op: 'reject'; consumer: string; body?: string; requeue: boolean }
  /** basic.cancel: no more deliveries; its unacked ones stay unacked until it acks them or closes */
  | { op: 'cancel'; consumer: string }
  /** The consumer's channel closes (or its connection drops): its unacked deliveries are requeued */
  | { op: 'close'; consumer: string }
  /** Time passes (TTLs expire, workers work) */
  | { op: 'wait'; ms: number }
  /**
   * The broker node stops and starts again (`rabbitmqctl stop_app`, `start_app`): durable queues and their persistent
   * messages survive, transient messages and non-durable queues do not, and every consumer's channel is closed (its
   * unacked deliveries are back in their queues); consumers that should go on consume again after it.
   */
  | { op: 'restart' };

export interface AmqpScenario {
  name: string;
  /** The rows of shared/reference/semantics.md (Q1...) it shows. */
  rows: string[];
  steps: AmqpStep[];
}

/** One delivery as a consumer saw it. */
export interface SeenDelivery {
  body: string;
  redelivered: boolean;
  /** The routing key it was delivered with (dead-lettering may change it). */
  key: string;
  /** The x-death record, when it was dead-lettered: one entry per queue and reason, newest first. */
  deaths?: { queue: string; reason: 'rejected' | 'expired' | 'maxlen' | 'delivery_limit'; count: number }[];
}

export interface AmqpOutcome {
  /** What each consumer received, in the order it received it. */
  deliveries: Record<string, SeenDelivery[]>;
  /** Bodies the broker returned to the publisher (basic.return), in order. */
  returned: string[];
  /** How the broker answered each confirmed publish, by body. */
  confirms: Record<string, 'ack' | 'nack'>;
  /** What each queue still holds at the end, head first (read with basic.get after the last step, then purged). */
  queues: Record<string, string[]>;
}
