/**
 * The outbox family's part of a resolved topology: the relays drawn (`DB -->|outbox| Relay[Outbox Relay]`,
 * `Relay --> Kafka`), the services whose writes to a relayed database carry an outbox row, and the order in which a
 * service that writes its database and publishes (a dual write) does the two.
 */

export type RelayMode = 'poll' | 'cdc';

export interface RelaySpec {
  node: string;
  /** The relay's service in the applications family (it runs as an application: instances, publishers, crashes). */
  service: number;
  /** The destination of the database whose outbox it reads. */
  database: number;
  mode: RelayMode;
  pollUs: number;
  batch: number;
  /** CDC: how often the relay's read position is stored durably (Kafka Connect's offset.flush.interval.ms). */
  flushUs: number;
}

export interface OutboxWriterSpec {
  /** The writing service, the database destination its transaction writes, and the event type of its outbox rows. */
  service: number;
  database: number;
  type: string;
}

export interface OutboxSpec {
  relays: RelaySpec[];
  writers: OutboxWriterSpec[];
  /** Services (by index) that publish before they write their database (`write.order=publish-first`). */
  publishFirst: number[];
  /** Consumers that apply each message as an effect row in their database, and how they recognise a repeat. */
  inboxes: InboxSpec[];
}

export interface InboxSpec {
  service: number;
  /** The database destination its effects go to, and the effect row's type (its write edge's label). */
  database: number;
  mode: 'none' | 'memory' | 'table';
  effectType: string;
}

declare module '../model/spec.ts' {
  interface Spec {
    outbox: OutboxSpec;
  }
}
