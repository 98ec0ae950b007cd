/**
 * Whether the design has a Kafka or RabbitMQ node. The checkers count broker messages, so without one their counters
 * (produced, lost, duplicated, reordered) have nothing to count, and the panels say so instead of showing zeros.
 */
import { isBrokerKind } from '../../engine/ui.ts';
import { useApp } from './store.ts';

/** True before a topology has parsed, so nothing flickers away while the text loads. */
export const useHasBroker = (): boolean => useApp((s) => s.good?.topology.nodes.some((n) => isBrokerKind(n.kind)) ?? true);
