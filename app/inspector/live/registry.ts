/**
 * Which section the inspector shows for a node during a run, by the type of its live state (engine/live/types.ts
 * `NodeLive`), as the canvas picks a live row (app/canvas/live/registry.ts): a new family adds its section and one
 * line here.
 */
import { createElement, lazy, Suspense, type ComponentType } from 'react';
import type { NodeLives, TopologyNode } from '../../../engine/index.ts';
import { ClientSection, ServiceSection } from './appsSections.tsx';
import { DatabaseSection } from './databaseSection.tsx';
import { ClusterSection, TopicSection } from './kafkaSections.tsx';

/**
 * A section loaded when first shown, so the first load does not carry it (a family's section is read only by those
 * who inspect one of its nodes during a run).
 */
function onDemand<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Section = lazy(() => load().then((c) => ({ default: c })));
  return (props: P) => createElement(Suspense, { fallback: null }, createElement(Section, props));
}

const amqp = () => import('./amqpSections.tsx');

/** Each section takes the live state of its own type. */
export type LiveSections = { readonly [K in keyof NodeLives]?: ComponentType<{ node: TopologyNode; live: NodeLives[K] }> };

export const LIVE_SECTIONS: LiveSections = {
  service: ServiceSection,
  client: ClientSection,
  kafka: ClusterSection,
  topic: TopicSection,
  database: DatabaseSection,
  rabbitmq: onDemand(() => amqp().then((m) => m.RabbitSection)),
  exchange: onDemand(() => amqp().then((m) => m.ExchangeSection)),
  queue: onDemand(() => amqp().then((m) => m.QueueSection)),
};
