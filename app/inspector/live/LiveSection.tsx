/**
 * The inspector's view of a node during a run, drawn by the section its family registered for the node's live
 * state (registry.ts): a service's instances, requests and consumer group, a client's success, a Kafka node's
 * brokers and partitions. Nothing before a run.
 */
import type { ComponentType } from 'react';
import type { NodeLive, NodeLives, TopologyNode } from '../../../engine/index.ts';
import { frameIndex } from '../../sim/frameIndex.ts';
import { useLive } from '../../sim/index.ts';
import { LIVE_SECTIONS } from './registry.ts';
import './live.css';

export function LiveSection({ node }: { node: TopologyNode }) {
  const view = useLive((s) => s.view);
  const live = view ? frameIndex(view).nodes[node.id] : undefined;
  // The registry is keyed by the live state's type, so the section found takes this state.
  const Section = live ? (LIVE_SECTIONS[live.type as keyof NodeLives] as ComponentType<{ node: TopologyNode; live: NodeLive }> | undefined) : undefined;
  if (!live || !Section) return null;
  return (
    <section className="live-inspector" data-testid="live-section">
      <label className="section-label">Live</label>
      <Section node={node} live={live} />
    </section>
  );
}
