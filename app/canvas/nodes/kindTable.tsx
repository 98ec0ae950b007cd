/**
 * How each node kind is drawn, described once: its accent colour (by family: Kafka teal, RabbitMQ orange, storage
 * violet), its palette group, and its icon (24×24, stroked in the kind's colour). What a kind means is the engine's
 * table (engine/topology/kinds.ts); every list of kinds in the app derives from these two.
 */
import type { ReactNode } from 'react';
import type { NodeKind } from '../../../engine/index.ts';

export interface KindLook {
  color: string;
  /** Palette group: kinds of one family sit together. */
  group: number;
  icon: ReactNode;
}

export const KIND_LOOK: Record<NodeKind, KindLook> = {
  client: {
    color: '#475569',
    group: 0,
    icon: (
      <>
        <rect x="3" y="4" width="18" height="12" rx="1.5" />
        <path d="M8 20h8M12 16v4" />
      </>
    ),
  },
  service: {
    color: '#2563eb',
    group: 0,
    icon: (
      <>
        <path d="M12 2.5 20.5 7.3v9.4L12 21.5l-8.5-4.8V7.3Z" />
        <circle cx="12" cy="12" r="3" />
      </>
    ),
  },
  kafka: {
    color: '#0f766e',
    group: 1,
    icon: (
      <>
        <circle cx="12" cy="5" r="2.4" />
        <circle cx="12" cy="12" r="2.4" />
        <circle cx="12" cy="19" r="2.4" />
        <circle cx="19" cy="8.5" r="2" />
        <circle cx="19" cy="15.5" r="2" />
        <path d="M12 7.4v2.2M12 14.4v2.2M14.2 11l3-1.6M14.2 13l3 1.6" />
      </>
    ),
  },
  topic: {
    color: '#0d9488',
    group: 1,
    icon: (
      <>
        <rect x="2.5" y="4" width="19" height="4" rx="1" />
        <rect x="2.5" y="10" width="15" height="4" rx="1" />
        <rect x="2.5" y="16" width="17" height="4" rx="1" />
      </>
    ),
  },
  partition: {
    color: '#0e7490',
    group: 1,
    icon: (
      <>
        <rect x="2.5" y="8" width="19" height="8" rx="1" />
        <path d="M7 8v8M11.5 8v8M16 8v8" />
      </>
    ),
  },
  consumer: {
    color: '#0891b2',
    group: 1,
    icon: (
      <>
        <path d="M3 14h5l1.5 3h5l1.5-3h5v6H3Z" />
        <path d="M12 3v9M8.5 8.5 12 12l3.5-3.5" />
      </>
    ),
  },
  rabbitmq: {
    color: '#ea580c',
    group: 2,
    icon: (
      <>
        <path d="M6 11V4.5a1.5 1.5 0 0 1 3 0V11M11 11V4.5a1.5 1.5 0 0 1 3 0V11" />
        <rect x="4" y="11" width="16" height="9" rx="2" />
        <circle cx="16" cy="15" r="1" />
      </>
    ),
  },
  exchange: {
    color: '#d97706',
    group: 2,
    icon: (
      <>
        <path d="M3 12h6M9 12l4-6h7M9 12l4 6h7M9 12h11" />
        <path d="m18 4 2 2-2 2M18 16l2 2-2 2M18 10l2 2-2 2" />
      </>
    ),
  },
  queue: {
    color: '#c2410c',
    group: 2,
    icon: (
      <>
        <path d="M2.5 7h19M2.5 17h19" />
        <rect x="5" y="9.5" width="3.5" height="5" rx="0.6" />
        <rect x="10.25" y="9.5" width="3.5" height="5" rx="0.6" />
        <rect x="15.5" y="9.5" width="3.5" height="5" rx="0.6" />
      </>
    ),
  },
  database: {
    color: '#7c3aed',
    group: 3,
    icon: (
      <>
        <ellipse cx="12" cy="5.5" rx="7.5" ry="2.8" />
        <path d="M4.5 5.5v13c0 1.5 3.4 2.8 7.5 2.8s7.5-1.3 7.5-2.8v-13M4.5 12c0 1.5 3.4 2.8 7.5 2.8s7.5-1.3 7.5-2.8" />
      </>
    ),
  },
  outbox: {
    color: '#9333ea',
    group: 3,
    icon: (
      <>
        <path d="M4 10v10h16V10M4 10l2-5h12l2 5M4 10h5l1 2h4l1-2h5" />
        <path d="M15 2.5h5v5M20 2.5l-6 6" />
      </>
    ),
  },
  eventstore: {
    color: '#6d28d9',
    group: 3,
    icon: (
      <>
        <ellipse cx="12" cy="5" rx="7" ry="2.5" />
        <path d="M5 5v14c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5V5" />
        <path d="M8.5 10.5h7M8.5 14h7M8.5 17.5h4" />
      </>
    ),
  },
  projection: {
    color: '#a21caf',
    group: 3,
    icon: (
      <>
        <path d="M2.5 12S6 5.5 12 5.5 21.5 12 21.5 12 18 18.5 12 18.5 2.5 12 2.5 12Z" />
        <circle cx="12" cy="12" r="3" />
      </>
    ),
  },
  saga: {
    color: '#db2777',
    group: 4,
    icon: (
      <>
        <circle cx="5" cy="6" r="2" />
        <circle cx="19" cy="12" r="2" />
        <circle cx="5" cy="18" r="2" />
        <path d="M7 6.5h6.5a3.5 3.5 0 0 1 3.5 3.5M17 14a3.5 3.5 0 0 1-3.5 3.5H7" />
      </>
    ),
  },
  'schema-registry': {
    color: '#4d7c0f',
    group: 4,
    icon: (
      <>
        <path d="M6 3h9l4 4v14H6Z" />
        <path d="M10.5 10c-1 0-1.5.5-1.5 1.5s-.5 1.5-1 1.5c.5 0 1 .5 1 1.5s.5 1.5 1.5 1.5M14.5 10c1 0 1.5.5 1.5 1.5s.5 1.5 1 1.5c-.5 0-1 .5-1 1.5s-.5 1.5-1.5 1.5" />
      </>
    ),
  },
  event: {
    color: '#ca8a04',
    group: 5,
    icon: <path d="M13.5 2.5 5 13.5h6l-1.5 8 8.5-11h-6Z" />,
  },
  note: {
    color: '#78716c',
    group: 5,
    icon: (
      <>
        <path d="M4 3.5h16v11l-5.5 6H4Z" />
        <path d="M14.5 20.5v-6H20M7.5 8h9M7.5 11.5h6" />
      </>
    ),
  },
};
