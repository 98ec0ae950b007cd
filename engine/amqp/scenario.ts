/**
 * A scenario an AMQP 0-9-1 client plays against a broker, and what it observes: the common language of the
 * differential suite, which plays each scenario on the model (engine/amqp/driver.ts) and on a real RabbitMQ
 * (tools/rabbit/), and requires the same outcome.
 *
 * Steps run in order; each waits for the broker's answer where AMQP has one (declare-ok, bind-ok, consume-ok,
 * cancel-ok, close-ok, and for every publish its confirm), so the outcome does not depend on timing except through
 * explicit `wait` steps. Message bodies are unique within a scenario: they name the messages in the outcome.
 *
 * Names (exchanges, queues) are the scenario's own: each scenario runs on a broker, or a virtual host, of its own.
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
  /** Queue TTL: the queue is deleted after this long unused; its messages are not dead-lettered (Q19). */
  'x-expires'?: number;
}

export type AmqpStep =
  /** exchange.declare (durable by default, as queues are) */
  | { op: 'exchange'; name: string; type: 'direct' | 'fanout' | 'topic' | 'headers'; durable?: boolean; alternate?: string }
  /** queue.declare (durable by default, as the seeds' queues are) */
  | { op: 'queue'; name: string; durable?: boolean; args?: QueueArgs }
  /** queue.bind; a headers binding carries `x-match` and the headers to match in `args` */
  | { op: 'bind'; queue: string; exchange: string; key?: string; args?: Headers }
  /** exchange.bind: messages `source` routes go on through `destination` */
  | { op: 'bindExchange'; destination: string; source: string; key?: string; args?: Headers }
  /**
   * basic.publish on the publisher's channel (one publisher). The message is transient unless `persistent`. Every
   * publish waits until the broker has dealt with it (a real client publishes on a confirm channel and waits for the
   * basic.ack or basic.nack, and for a basic.return first, which the broker sends before the ack: Q7), so steps never
   * race; `confirm` says the publisher looks at the answer: only those publishes appear in the outcome's `confirms`.
   * `bytes` pads the body to that many bytes (for x-max-length-bytes); consumers see the body without the padding.
   */
  | { op: 'publish'; exchange: string; key: string; body: string; mandatory?: boolean; persistent?: boolean; expiration?: number; headers?: Headers; confirm?: boolean; bytes?: number }
  /**
   * basic.consume, on a channel of its own, with basic.qos(prefetch) first when given. A consumer with `work` acks
   * (or rejects, `work.reject`) each delivery itself after that many milliseconds, one at a time, in the order
   * received; without it, a manual-ack consumer holds its deliveries until an `ack`/`nack`/`reject` step. A consumer
   * that closed, or lost its channel to a restart, may consume again under its name: its deliveries go on in one list.
   */
  | { op: 'consume'; consumer: string; queue: string; ack: 'auto' | 'manual'; prefetch?: number; work?: { ms: number; reject?: 'requeue' | 'drop' } }
  /**
   * basic.ack of the consumer's unacked delivery carrying `body` (default: its oldest unacked), waiting for that delivery
   * to arrive if it has not yet; `multiple` acks all up to it. The same for nack and reject. With `again`, the step acks
   * the delivery tag of `body` that the consumer already settled (Q12: the broker closes the channel with 406
   * PRECONDITION_FAILED, unknown delivery tag, and the channel's unacked deliveries are requeued).
   */
  | { op: 'ack'; consumer: string; body?: string; multiple?: boolean; again?: boolean }
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
  /**
   * The broker's `consumer_timeout` in milliseconds while this scenario runs (RabbitMQ's default is 30 minutes): a
   * consumer's channel holding a delivery unacked for longer is closed with 406 PRECONDITION_FAILED (Q11).
   */
  consumerTimeout?: number;
  steps: AmqpStep[];
  /** The outcome the reference (shared/reference/semantics.md, and the RabbitMQ docs it cites) predicts. */
  expected: AmqpOutcome;
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
  /** What each consumer received, in the order it received it (every consumer that consumed, even if it got nothing). */
  deliveries: Record<string, SeenDelivery[]>;
  /** Bodies the broker returned to the publisher (basic.return), in order. */
  returned: string[];
  /** How the broker answered each confirmed publish, by body. */
  confirms: Record<string, 'ack' | 'nack'>;
  /**
   * What each declared queue still holds at the end, head first: after the last step and a short settling wait, every
   * consumer is cancelled, then each queue is read with basic.get (no ack) until empty, in the order the queues were
   * declared. Deliveries a consumer still holds unacked are not in it. A queue that no longer exists (expired, or
   * transient across a restart) is absent.
   */
  queues: Record<string, string[]>;
  /**
   * Consumers whose channel the broker closed, with the AMQP reply code (406 PRECONDITION_FAILED for an unknown delivery
   * tag, Q12, or a consumer timeout, Q11). Channels the scenario closes itself, or a restart closes, are not in it.
   */
  channelErrors: Record<string, number>;
}
