/**
 * Plays an AmqpScenario (engine/amqp/scenario.ts) on a real RabbitMQ with a real AMQP 0-9-1 client (amqplib) and
 * reports what the client observed, in the same shape as the model's outcome.
 *
 * One connection carries an admin channel (declarations, basic.get), the publisher's confirm channel and one channel per
 * consumer. Deliveries, returns and channel errors arrive asynchronously and are recorded as they come; the steps
 * themselves wait for the broker's answer, as scenario.ts says.
 */
import { connect } from 'amqplib';
import type { Channel, ChannelModel, ConfirmChannel, ConsumeMessage, Message, Options } from 'amqplib';
import type { AmqpOutcome, AmqpScenario, AmqpStep, SeenDelivery } from '../../engine/amqp/scenario.ts';
import type { RabbitServer } from './server.ts';

export interface RunOptions {
  /** How long an ack/nack/reject step waits for the delivery it settles. */
  deliveryTimeoutMs?: number;
  /** The pause after the last step for deliveries still in flight, before consumers are cancelled. */
  settleMs?: number;
}

type Death = NonNullable<SeenDelivery['deaths']>[number];

interface Consumer {
  name: string;
  channel?: Channel;
  tag?: string;
  /** The channel is open (deliveries may still be settled on it). */
  open: boolean;
  /** basic.consume is in force: deliveries may still come. */
  consuming: boolean;
  /** Manual-ack deliveries not yet settled, in the order received. */
  unacked: ConsumeMessage[];
  /** The last settled delivery of each body: an `ack` with `again` sends its tag once more (Q12). */
  settled: Map<string, ConsumeMessage>;
  /** Woken on every delivery, for steps that wait for one. */
  waiters: Set<() => void>;
  /** The worker's queue of pending work (consumers with `work`). */
  work: Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A message body with the step's padding (`bytes`) taken off. */
const bodyOf = (m: Message) => m.content.toString('utf8').trimEnd();

function deathsOf(m: Message): Death[] | undefined {
  const xDeath: unknown = m.properties.headers?.['x-death'];
  if (!Array.isArray(xDeath)) return undefined;
  return xDeath.map((d: Record<string, unknown>) => ({
    queue: String(d.queue),
    reason: String(d.reason) as Death['reason'],
    count: Number(d.count),
  }));
}

function seen(m: ConsumeMessage): SeenDelivery {
  const deaths = deathsOf(m);
  return { body: bodyOf(m), redelivered: m.fields.redelivered, key: m.fields.routingKey, ...(deaths ? { deaths } : {}) };
}

/** An Erlang term printed by `rabbitmqctl eval` for application:get_env: `{ok,1800000}` or `undefined`. */
function parseEnvInteger(printed: string): number | undefined {
  const m = /\{ok,(\d+)\}/.exec(printed);
  return m ? Number(m[1]) : undefined;
}

export async function runOnRabbit(server: RabbitServer, vhost: string, scenario: AmqpScenario, options: RunOptions = {}): Promise<AmqpOutcome> {
  const deliveryTimeoutMs = options.deliveryTimeoutMs ?? 3000;
  const settleMs = options.settleMs ?? 100;
  const outcome: AmqpOutcome = { deliveries: {}, returned: [], confirms: {}, queues: {}, channelErrors: {} };
  const consumers = new Map<string, Consumer>();
  const queues: string[] = [];
  const exchanges: string[] = [];
  /** Bodies whose confirm has arrived: a basic.return after it breaks Q7's order. */
  const answered = new Set<string>();
  const problems: string[] = [];
  let restarting = false;

  let conn!: ChannelModel;
  let admin!: Channel;
  let publisher!: ConfirmChannel;
  let publisherClosed: string | undefined;

  const open = async () => {
    conn = await connect(server.url(vhost));
    conn.on('error', () => {}); // a restart closes the connection (320 CONNECTION_FORCED): expected
    admin = await conn.createChannel();
    admin.on('error', (e: Error) => problems.push(`admin channel: ${e.message}`));
    publisher = await conn.createConfirmChannel();
    publisherClosed = undefined;
    publisher.on('error', (e: Error) => (publisherClosed = e.message));
    publisher.on('return', (m: Message) => {
      const body = bodyOf(m);
      if (answered.has(body)) problems.push(`basic.return of ${body} came after its confirm (Q7: before)`);
      outcome.returned.push(body);
    });
  };

  const consumer = (name: string): Consumer => {
    const c = consumers.get(name);
    if (!c) throw new Error(`${scenario.name}: no consumer '${name}' consumed yet`);
    return c;
  };

  /** Waits until `find` returns something, woken by each delivery to the consumer. */
  const waitFor = async <T>(c: Consumer, what: string, find: () => T | undefined): Promise<T> => {
    const deadline = performance.now() + deliveryTimeoutMs;
    for (;;) {
      const found = find();
      if (found !== undefined) return found;
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`${scenario.name}: consumer ${c.name} never received ${what}`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          c.waiters.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, left);
        c.waiters.add(wake);
      });
    }
  };

  const settleTarget = (c: Consumer, body: string | undefined) =>
    waitFor(c, body ?? 'a delivery to settle', () => (body === undefined ? c.unacked[0] : c.unacked.find((m) => bodyOf(m) === body)));

  /** Takes the settled deliveries (the target, and with `multiple` every earlier one) off the unacked list. */
  const markSettled = (c: Consumer, target: ConsumeMessage, multiple: boolean) => {
    const tag = target.fields.deliveryTag;
    const done = c.unacked.filter((m) => (multiple ? m.fields.deliveryTag <= tag : m === target));
    c.unacked = c.unacked.filter((m) => !done.includes(m));
    for (const m of done) c.settled.set(bodyOf(m), m);
  };

  const channelOf = (c: Consumer): Channel => {
    if (!c.open || !c.channel) throw new Error(`${scenario.name}: consumer ${c.name}'s channel is closed`);
    return c.channel;
  };

  const onDelivery = (c: Consumer, m: ConsumeMessage, manual: boolean, work: Extract<AmqpStep, { op: 'consume' }>['work']) => {
    outcome.deliveries[c.name]!.push(seen(m));
    if (manual) c.unacked.push(m);
    for (const wake of [...c.waiters]) wake();
    if (manual && work) {
      // One delivery at a time, in the order received, as a single-threaded worker would.
      c.work = c.work.then(async () => {
        await sleep(work.ms);
        if (!c.open || !c.unacked.includes(m)) return;
        try {
          if (work.reject) c.channel!.reject(m, work.reject === 'requeue');
          else c.channel!.ack(m);
          markSettled(c, m, false);
        } catch {
          // the channel closed under the worker: the broker requeues what it held
        }
      });
    }
  };

  const step = async (s: AmqpStep) => {
    switch (s.op) {
      case 'exchange':
        await admin.assertExchange(s.name, s.type, { durable: s.durable ?? true, ...(s.alternate ? { alternateExchange: s.alternate } : {}) });
        if (!exchanges.includes(s.name)) exchanges.push(s.name);
        return;
      case 'queue':
        await admin.assertQueue(s.name, { durable: s.durable ?? true, arguments: { ...s.args } });
        if (!queues.includes(s.name)) queues.push(s.name);
        return;
      case 'bind':
        await admin.bindQueue(s.queue, s.exchange, s.key ?? '', s.args);
        return;
      case 'bindExchange':
        await admin.bindExchange(s.destination, s.source, s.key ?? '', s.args);
        return;
      case 'publish': {
        if (s.bytes !== undefined && s.bytes < Buffer.byteLength(s.body)) throw new Error(`${scenario.name}: ${s.body} is longer than ${s.bytes} bytes`);
        const content = Buffer.from(s.bytes === undefined ? s.body : s.body.padEnd(s.bytes, ' '));
        const props: Options.Publish = {
          mandatory: s.mandatory ?? false,
          persistent: s.persistent ?? false,
          ...(s.expiration !== undefined ? { expiration: String(s.expiration) } : {}),
          ...(s.headers ? { headers: s.headers } : {}),
        };
        const answer = await new Promise<'ack' | 'nack'>((resolve, reject) => {
          // amqplib answers a basic.nack with this error, and a closed channel with another.
          publisher.publish(s.exchange, s.key, content, props, (err: Error | null) =>
            !err ? resolve('ack') : err.message === 'message nacked' ? resolve('nack') : reject(new Error(`${scenario.name}: publishing ${s.body}: ${publisherClosed ?? err.message}`)),
          );
        });
        answered.add(s.body);
        if (s.confirm) outcome.confirms[s.body] = answer;
        return;
      }
      case 'consume': {
        const existing = consumers.get(s.consumer);
        if (existing?.open) throw new Error(`${scenario.name}: consumer ${s.consumer} is still open`);
        const channel = await conn.createChannel();
        const c: Consumer = existing ?? { name: s.consumer, open: true, consuming: true, unacked: [], settled: new Map(), waiters: new Set(), work: Promise.resolve() };
        Object.assign(c, { channel, open: true, consuming: true, unacked: [], work: Promise.resolve() });
        consumers.set(s.consumer, c);
        outcome.deliveries[s.consumer] ??= [];
        channel.on('error', (e: Error & { code?: number }) => {
          if (!restarting) outcome.channelErrors[s.consumer] = e.code ?? 0;
        });
        channel.on('close', () => {
          // The broker requeues what the channel held (R-confirms, automatic requeueing).
          if (c.channel === channel) Object.assign(c, { open: false, consuming: false, unacked: [] });
        });
        if (s.prefetch !== undefined) await channel.prefetch(s.prefetch);
        const manual = s.ack === 'manual';
        const ok = await channel.consume(s.queue, (m) => m && onDelivery(c, m, manual, s.work), { noAck: !manual });
        c.tag = ok.consumerTag;
        return;
      }
      case 'ack': {
        const c = consumer(s.consumer);
        if (s.again) {
          const m = s.body === undefined ? undefined : c.settled.get(s.body);
          if (!m) throw new Error(`${scenario.name}: consumer ${c.name} has not settled ${s.body ?? '(no body given)'}`);
          channelOf(c).ack(m);
          return;
        }
        const m = await settleTarget(c, s.body);
        channelOf(c).ack(m, s.multiple ?? false);
        markSettled(c, m, s.multiple ?? false);
        return;
      }
      case 'nack': {
        const c = consumer(s.consumer);
        const m = await settleTarget(c, s.body);
        channelOf(c).nack(m, s.multiple ?? false, s.requeue);
        markSettled(c, m, s.multiple ?? false);
        return;
      }
      case 'reject': {
        const c = consumer(s.consumer);
        const m = await settleTarget(c, s.body);
        channelOf(c).reject(m, s.requeue);
        markSettled(c, m, false);
        return;
      }
      case 'cancel': {
        const c = consumer(s.consumer);
        await channelOf(c).cancel(c.tag!);
        c.consuming = false;
        return;
      }
      case 'close': {
        const c = consumer(s.consumer);
        await channelOf(c).close();
        return;
      }
      case 'wait':
        await sleep(s.ms);
        return;
      case 'restart': {
        restarting = true;
        await server.restart();
        for (const c of consumers.values()) Object.assign(c, { open: false, consuming: false, unacked: [] });
        await conn.close().catch(() => {});
        await open();
        restarting = false;
        return;
      }
    }
  };

  // consumer_timeout is read when a channel opens (rabbit_channel:init), so it is set before the scenario's channels.
  let previousTimeout: number | undefined;
  if (scenario.consumerTimeout !== undefined) {
    const set = `ok = application:set_env(rabbit, consumer_timeout, ${Math.round(scenario.consumerTimeout)})`;
    previousTimeout = parseEnvInteger(await server.eval(`Previous = application:get_env(rabbit, consumer_timeout), ${set}, Previous.`));
  }

  try {
    await open();
    for (const s of scenario.steps) await step(s);

    // Deliveries still in flight arrive; after cancel-ok no more come, so the queues can be read without a race.
    await sleep(settleMs);
    for (const c of consumers.values()) {
      if (c.consuming && c.open) await c.channel!.cancel(c.tag!).catch(() => {});
      c.consuming = false;
    }
    for (const q of queues) {
      if (!(await queueExists(conn, q))) continue;
      const held: string[] = [];
      for (let m = await admin.get(q, { noAck: true }); m; m = await admin.get(q, { noAck: true })) held.push(bodyOf(m));
      outcome.queues[q] = held;
    }
    if (problems.length > 0) throw new Error(`${scenario.name}: ${problems.join('; ')}`);
    return outcome;
  } finally {
    await cleanUp(conn, [...consumers.values()], queues, exchanges);
    if (scenario.consumerTimeout !== undefined) {
      await server.eval(
        previousTimeout === undefined ? 'application:unset_env(rabbit, consumer_timeout).' : `application:set_env(rabbit, consumer_timeout, ${previousTimeout}).`,
      );
    }
  }
}

/** queue.declare passive answers 404 for a queue that is gone; that closes the channel, so a throw-away one asks. */
async function queueExists(conn: ChannelModel, queue: string): Promise<boolean> {
  const probe = await conn.createChannel();
  probe.on('error', () => {});
  try {
    await probe.checkQueue(queue);
    await probe.close();
    return true;
  } catch {
    return false;
  }
}

/** Deletes what the scenario declared (its virtual host is its own, but a rerun should start clean) and disconnects. */
async function cleanUp(conn: ChannelModel | undefined, consumers: Consumer[], queues: string[], exchanges: string[]): Promise<void> {
  if (!conn) return;
  try {
    for (const c of consumers) if (c.open) await c.channel!.close().catch(() => {});
    const ch = await conn.createChannel();
    ch.on('error', () => {});
    for (const q of queues) await ch.deleteQueue(q).catch(() => {});
    for (const x of exchanges) await ch.deleteExchange(x).catch(() => {});
    await conn.close();
  } catch {
    // the connection is already gone (a failed restart): the node is thrown away after the suite anyway
  }
}
