/**
 * The selected node: its label, its kind and why the text reads it so, its settings, and for a Kafka node the
 * settings of each topic it hosts. Every change goes to the text through patchTopology.
 */
import type { NodeKind, Topology, TopologyNode } from '../../engine/index.ts';
import { NODE_KINDS, kindName, nodeCaption } from '../../engine/ui.ts';
import { KindIcon } from '../canvas/nodes/KindIcon.tsx';
import { kindInk } from '../canvas/nodes/kindColors.ts';
import { applyEdits, renameNode } from '../workspace/actions.ts';
import { ConfigRows } from './ConfigRows.tsx';
import { configKeys, topicKeys } from './configKeys.ts';
import { DefinedAt } from './DefinedAt.tsx';
import { CommitField } from './fields.tsx';
import { LiveSection } from './live/LiveSection.tsx';

export function NodeInspector({ node, topology }: { node: TopologyNode; topology: Topology }) {
  const hosted = node.kind === 'kafka' ? (node.topics ?? []) : [];
  return (
    <>
      <header className="inspector-head" style={{ color: kindInk[node.kind] }}>
        <KindIcon kind={node.kind} size={26} />
        <div>
          <h2 data-testid="inspector-title">{node.label}</h2>
          <p className="muted small">
            <code>{node.id}</code> · defined at <DefinedAt span={node.span} />
          </p>
        </div>
      </header>
      <LiveSection node={node} />
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
