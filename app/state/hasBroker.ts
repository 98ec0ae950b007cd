/**
 * Whether the design has a Kafka or RabbitMQ node. The checkers count broker messages, so without one their counters
 * (produced, lost, duplicated, reordered) have nothing to count, and the panels say so instead of showing zeros.
 */
import { isBrokerKind } from '../../engine/ui.ts';
import { useApp } from './store.ts';

/** A subgraph drawn as a Kafka cluster, a topic or a partition (seed 003's topic of partitions) is a broker too. */
const BROKER_GROUPS: ReadonlySet<string> = new Set(['kafka', 'topic', 'partition']);

/** True before a topology has parsed, so nothing flickers away while the text loads. */
export const useHasBroker = (): boolean =>
  useApp((s) => (s.good ? s.good.topology.nodes.some((n) => isBrokerKind(n.kind)) || s.good.topology.groups.some((g) => BROKER_GROUPS.has(g.kind ?? '')) : true));
