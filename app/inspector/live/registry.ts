/**
 * Which section the inspector shows for a node during a run, by the type of its live state (engine/live/types.ts
 * `NodeLive`), as the canvas picks a live row (app/canvas/live/registry.ts): a new family adds its section and one
 * line here.
 */
import { createElement, lazy, Suspense, type ComponentType } from 'react';
import type { NodeLives, TopologyNode } from '../../../engine/index.ts';

/**
 * A section loaded when first shown, so the first load does not carry it (a family's section is read only by those
 * who inspect one of its nodes during a run; issue 18 §1). Every family's sections are loaded so.
 */
function onDemand<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Section = lazy(() => load().then((c) => ({ default: c })));
  return (props: P) => createElement(Suspense, { fallback: null }, createElement(Section, props));
}

const apps = () => import('./appsSections.tsx');
const kafka = () => import('./kafkaSections.tsx');
const amqp = () => import('./amqpSections.tsx');

/** Each section takes the live state of its own type. */
export type LiveSections = { readonly [K in keyof NodeLives]?: ComponentType<{ node: TopologyNode; live: NodeLives[K] }> };

export const LIVE_SECTIONS: LiveSections = {
  service: onDemand(() => apps().then((m) => m.ServiceSection)),
  client: onDemand(() => apps().then((m) => m.ClientSection)),
  kafka: onDemand(() => kafka().then((m) => m.ClusterSection)),
  topic: onDemand(() => kafka().then((m) => m.TopicSection)),
  database: onDemand(() => import('./databaseSection.tsx').then((m) => m.DatabaseSection)),
  rabbitmq: onDemand(() => amqp().then((m) => m.RabbitSection)),
  exchange: onDemand(() => amqp().then((m) => m.ExchangeSection)),
  queue: onDemand(() => amqp().then((m) => m.QueueSection)),
  saga: onDemand(() => import('./sagaSection.tsx').then((m) => m.SagaSection)),
  eventstore: onDemand(() => import('./eventStoreSection.tsx').then((m) => m.EventStoreSection)),
};
