/**
 * The component families, listed once. The kernel, the faults, the checkers and the live frame reach a family only
 * through this list and the contract in family.ts; applications reach brokers only through the messaging port.
 * The order matters: families build and start in it (Kafka's partitions are the first places).
 */
import type { Family } from './family.ts';
import { amqp } from './amqp/family.ts';
import { kafka } from './kafka/family.ts';
import { isBroker, isStore, type Application } from './messaging/port.ts';
import { eventstore } from './eventstore/family.ts';
import { apps } from './services/family.ts';
import { outbox } from './outbox/family.ts';
import { sagas } from './sagas/family.ts';
import { schemas } from './schemas/family.ts';
import { stores } from './stores/family.ts';

/** Every family, in build order. */
export const FAMILIES: readonly Family[] = [kafka, amqp, apps, stores, outbox, schemas, eventstore, sagas];

/** The broker families, in family order, indexed as `PublishTarget.broker` and `Reader.broker` count them. */
export const BROKERS = FAMILIES.filter(isBroker);

/** The store families, in family order, indexed as `WriteTarget.store` counts them. */
export const STORES = FAMILIES.filter(isStore);

/** The family that runs the applications: brokers hand it outcomes and deliveries. */
export const APPLICATION: Application = apps;

/** The index of the broker family hosting `family`'s destinations. */
export function brokerIndex(family: string): number {
  const i = BROKERS.findIndex((b) => b.name === family);
  if (i < 0) throw new Error(`no broker family '${family}'`);
  return i;
}

/** The index of the store family hosting `family`'s destinations. */
export function storeIndex(family: string): number {
  const i = STORES.findIndex((s) => s.name === family);
  if (i < 0) throw new Error(`no store family '${family}'`);
  return i;
}
