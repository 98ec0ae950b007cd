/**
 * The selected edge: what its kind means to the simulator, and its label.
 */
import type { Topology, TopologyEdge } from '../../engine/index.ts';
import { edgeKindStyles } from '../canvas/edgeStyle.ts';
import { applyEdits } from '../workspace/actions.ts';
import { DefinedAt } from './DefinedAt.tsx';
import { CommitField } from './fields.tsx';

const edgeMeaning: Record<TopologyEdge['kind'], string> = {
  publish: 'The sender publishes messages to the broker; it does not wait for the consumers.',
  subscribe: 'The service consumes from the broker, in its own consumer group unless one is set.',
  request: 'A synchronous call (HTTP): the caller waits, and fails when the callee is down.',
  write: 'The service writes to the database; committed rows survive crashes.',
  read: 'The service reads from this store.',
  route: 'The exchange routes matching messages to the queue (a binding).',
  relay: 'A relay publishes the rows committed to the outbox.',
  structure: 'Containment drawn as an edge (a topic and its partitions).',
  link: 'A link with no simulation meaning; it is kept and drawn.',
};

/** A publish edge that draws where a service's failed records go (its retry or dead-letter topic). */
const roleMeaning: Record<NonNullable<TopologyEdge['role']>, string> = {
  retry: 'A retry topic of the service: a record that fails is sent here and read again after the delay, while its partition moves on. Not events the service publishes.',
  'dead-letter': 'The dead-letter topic of the service: a record it gives up on is kept here for a person to look at. Not events the service publishes.',
};

export function EdgeInspector({ edge, topology }: { edge: TopologyEdge; topology: Topology }) {
  const look = edgeKindStyles[edge.kind];
  const label = (id: string) => topology.nodes.find((n) => n.id === id)?.label ?? topology.groups.find((g) => g.id === id)?.title ?? id;
  return (
    <>
      <header className="inspector-head">
        <span className="edge-chip" style={{ background: look.color }}>
          {edge.role ?? edge.kind}
        </span>
        <div>
          <h2 data-testid="inspector-title">
            {label(edge.from)} → {label(edge.to)}
          </h2>
          <p className="muted small">
            <code>
              {edge.from} → {edge.to}
            </code>{' '}
            · defined at <DefinedAt span={edge.span} />
          </p>
        </div>
      </header>
      <section>
        <p className="reading" data-testid="inspector-edge-meaning">
          {edge.role ? roleMeaning[edge.role] : edgeMeaning[edge.kind]}
        </p>
      </section>
      <section>
        <label className="section-label">Label</label>
        <CommitField
          value={edge.label ?? ''}
          label="Edge label"
          testId="inspector-edge-label"
          placeholder="no label"
          onCommit={(v) => void applyEdits([{ type: 'setEdgeLabel', edgeId: edge.id, label: v.trim() }])}
        />
      </section>
    </>
  );
}
