/**
 * The right panel: the selected node's label, kind and settings (or the selected edge's), all edited through the
 * text. With nothing selected it summarises the topology.
 */
import { useShallow } from 'zustand/react/shallow';
import { NODE_KINDS, kindName, nodeCaption } from '../../engine/ui.ts';
import type { NodeKind, Topology, TopologyEdge, TopologyNode } from '../../engine/index.ts';
import { edgeKindStyles } from '../canvas/edgeStyle.ts';
import { KindIcon } from '../canvas/nodes/KindIcon.tsx';
import { kindColors } from '../canvas/nodes/kindColors.ts';
import { revealInEditor } from '../editor/editorBridge.ts';
import { useApp } from '../state/store.ts';
import { applyEdits, renameNode } from '../workspace/edits.ts';
import { ConfigRows } from './ConfigRows.tsx';
import { configKeys, topicKeys } from './configKeys.ts';
import { CommitField } from './fields.tsx';
import './Inspector.css';

export function Inspector() {
  const topology = useApp((s) => s.good?.topology);
  const [nodeId, edgeId] = useApp(useShallow((s) => [s.selection.nodes[0], s.selection.edges[0]]));
  const node = nodeId ? topology?.nodes.find((n) => n.id === nodeId) : undefined;
  const edge = !node && edgeId ? topology?.edges.find((e) => e.id === edgeId) : undefined;
  return (
    <aside className="inspector" data-testid="inspector" aria-label="Inspector">
      {node && topology ? (
        <NodeInspector node={node} topology={topology} />
      ) : edge ? (
        <EdgeInspector edge={edge} />
      ) : (
        <Summary topology={topology} />
      )}
    </aside>
  );
}

function DefinedAt({ span }: { span: { from: number; line: number } }) {
  return (
    <button type="button" className="link-button" onClick={() => revealInEditor(span.from)}>
      line {span.line}
    </button>
  );
}

function NodeInspector({ node, topology }: { node: TopologyNode; topology: Topology }) {
  const hosted = node.kind === 'kafka' ? (node.topics ?? []) : [];
  return (
    <>
      <header className="inspector-head" style={{ color: kindColors[node.kind] }}>
        <KindIcon kind={node.kind} size={26} />
        <div>
          <h2 data-testid="inspector-title">{node.label}</h2>
          <p className="muted small">
            <code>{node.id}</code> · defined at <DefinedAt span={node.span} />
          </p>
        </div>
      </header>
      <section>
        <label className="section-label">Label</label>
        <CommitField value={node.label} label="Label" testId="inspector-label" onCommit={(v) => void renameNode(node.id, v.trim() || null)} />
      </section>
      <section>
        <label className="section-label" htmlFor="inspector-kind">
          Kind
        </label>
        <select
          id="inspector-kind"
          className="field"
          data-testid="inspector-kind"
          value={node.kind}
          onChange={(e) => void applyEdits([{ type: 'setKind', id: node.id, kind: e.target.value as NodeKind }])}
        >
          {NODE_KINDS.map((k) => (
            <option key={k.kind} value={k.kind} title={k.description}>
              {kindName(k.kind)}
            </option>
          ))}
        </select>
        <p className="reading" data-testid="inspector-reason">
          Read as <strong>{nodeCaption(node)}</strong>: {node.kindReason}.
        </p>
      </section>
      <section>
        <label className="section-label">Settings</label>
        <ConfigRows target={node.id} entries={Object.entries(node.config)} keys={configKeys[node.kind] ?? []} />
      </section>
      {hosted.map((topic) => (
        <section key={topic}>
          <label className="section-label">
            Topic <code>{topic}</code>
          </label>
          <ConfigRows target={topic} entries={topicEntries(topology, topic)} keys={topicKeys} />
        </section>
      ))}
    </>
  );
}

/** A topic's settings: later directives win, as in the parser. */
function topicEntries(topology: Topology, topic: string): [string, string][] {
  const out = new Map<string, string>();
  for (const d of topology.directives) if (d.target === topic) for (const e of d.entries) out.set(e.key, e.value);
  return [...out];
}

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

function EdgeInspector({ edge }: { edge: TopologyEdge }) {
  const look = edgeKindStyles[edge.kind];
  return (
    <>
      <header className="inspector-head">
        <span className="edge-chip" style={{ background: look.color }}>
          {edge.kind}
        </span>
        <div>
          <h2 data-testid="inspector-title">
            {edge.from} → {edge.to}
          </h2>
          <p className="muted small">
            defined at <DefinedAt span={edge.span} />
          </p>
        </div>
      </header>
      <section>
        <p className="reading">{edgeMeaning[edge.kind]}</p>
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

function Summary({ topology }: { topology: Topology | undefined }) {
  const counts = new Map<NodeKind, number>();
  for (const n of topology?.nodes ?? []) counts.set(n.kind, (counts.get(n.kind) ?? 0) + 1);
  return (
    <>
      <header className="inspector-head">
        <div>
          <h2>Topology</h2>
          <p className="muted small">Select a node or an edge to edit it.</p>
        </div>
      </header>
      {counts.size > 0 && (
        <section>
          <ul className="kind-counts">
            {[...counts].map(([kind, n]) => (
              <li key={kind} style={{ color: kindColors[kind] }}>
                <KindIcon kind={kind} size={16} />
                <span>
                  {n} × {kindName(kind)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="tips">
        <label className="section-label">On the canvas</label>
        <ul>
          <li>Drag a component from the palette, or click it.</li>
          <li>Drag from a node’s edge handle to another node to connect them.</li>
          <li>Double-click a node to rename it; Delete removes the selection.</li>
          <li>Every change is written into the text, where you can undo it.</li>
        </ul>
      </section>
    </>
  );
}
