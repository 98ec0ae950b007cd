/**
 * The crashes at an unlucky moment, offered where the design has that moment: a consumer crashing after it processed a
 * message and before it committed (the message comes again: a duplicate) or before processing it; a service that
 * writes its database and publishes crashing between the two (the dual write: an event lost or a phantom one); an
 * outbox relay crashing after publishing a batch and before marking it sent (the batch is published again, P3).
 */
import type { Topology, TopologyNode } from '../../../engine/index.ts';
import { nodeFaultLine } from '../../sim/faultLines.ts';
import { Item } from './MenuItems.tsx';
import { momentsOf } from './moments.ts';

export function MomentFaults({ topology, node }: { topology: Topology; node: TopologyNode }) {
  const m = momentsOf(topology, node);
  if (!m.consumes && !m.dualWrite && !m.relay && !m.rebuild) return null;
  const id = node.id;
  return (
    <>
      <div className="menu-sep" />
      {m.consumes && (
        <>
          <Item line={nodeFaultLine({ action: 'crash-after-processing', target: id })} testId="fault-crash-after-processing">
            Crash after processing, before committing
          </Item>
          <Item line={nodeFaultLine({ action: 'crash-before-processing', target: id })} testId="fault-crash-before-processing">
            Crash on receiving, before processing
          </Item>
        </>
      )}
      {m.dualWrite && (
        <Item line={nodeFaultLine({ action: 'crash-between-writes', target: id })} testId="fault-crash-between-writes">
          Crash between its database write and its publish
        </Item>
      )}
      {m.rebuild && (
        <Item line={nodeFaultLine({ action: 'rebuild', target: id })} testId="fault-rebuild">
          Rebuild from the start of the store
        </Item>
      )}
      {m.relay && (
        <Item line={nodeFaultLine({ action: 'crash-between-writes', target: id })} testId="fault-crash-between-writes">
          Crash after publishing, before marking sent
        </Item>
      )}
    </>
  );
}
