/**
 * The RabbitMQ family's part of the world: clusters and their nodes, exchanges, queues, and the clients' channels
 * (publishers, consumers), with what each destination of the messaging port stands for.
 */
import type { Cluster, Consumer, Exchange, Publisher, Queue, RabbitNode } from './types.ts';

/** A publish destination: an exchange with the routing key (and headers) the publishing edge gives. */
export interface Route {
  exchange: number;
  key: string;
  headers: Record<string, string> | null;
}

export interface AmqpPart {
  clusters: Cluster[];
  nodes: RabbitNode[];
  exchanges: Exchange[];
  queues: Queue[];
  publishers: Publisher[];
  consumers: Consumer[];
  /** By destination of the port (undefined: another family's): where a publish goes, or the queue it reads. */
  routes: (Route | undefined)[];
  queueOf: (number | undefined)[];
  /** Queues each exchange routes a routing key to, found once (bindings change only in scenarios, which clear it). */
  routeCache: Map<number, Map<string, { queues: number[]; alternate: boolean }>>;
  /** The copies a message routed to several queues has there (its own id is the first queue's). */
  copies: Map<number, number[]>;
  /**
   * Messages that left their queue as they should (processed and acked, auto-acked and processed, rejected by the
   * application, dead-lettered on): one bit per message id. With what queues and consumers hold, what the loss
   * checker asks.
   */
  settled: Uint8Array;
  /** Channels each application instance opened, by `app/instance`. */
  owners: Map<string, { publishers: number[]; consumers: number[] }>;
  /**
   * Clients declare their queues again when they reconnect (the clients' topology recovery): a transient queue a
   * restart deleted comes back empty. Off for scenarios (engine/amqp/driver.ts), which see it gone.
   */
  redeclare: boolean;
}

declare module '../world.ts' {
  interface Parts {
    amqp: AmqpPart;
  }
}

export function createAmqpPart(): AmqpPart {
  return {
    clusters: [], nodes: [], exchanges: [], queues: [], publishers: [], consumers: [], routes: [], queueOf: [],
    routeCache: new Map(), copies: new Map(), settled: new Uint8Array(1024), owners: new Map(), redeclare: true,
  };
}

/** Marks a message as having left its queue as it should. */
export function settle(p: AmqpPart, id: number): void {
  const byte = id >>> 3;
  if (byte >= p.settled.length) {
    const grown = new Uint8Array(Math.max(byte + 1, p.settled.length * 2));
    grown.set(p.settled);
    p.settled = grown;
  }
  p.settled[byte]! |= 1 << (id & 7);
}

export function isSettled(p: AmqpPart, id: number): boolean {
  const byte = id >>> 3;
  return byte < p.settled.length && (p.settled[byte]! & (1 << (id & 7))) !== 0;
}
