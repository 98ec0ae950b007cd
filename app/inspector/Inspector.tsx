/**
 * The right panel: the selected node (or edge), edited through the text; with nothing selected, a summary of the
 * topology and how to edit it on the canvas.
 */
import { lazy, Suspense } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { NodeKind, Topology } from '../../engine/index.ts';
import { kindName } from '../../engine/ui.ts';
import { KindIcon } from '../canvas/nodes/KindIcon.tsx';
import { kindInk } from '../canvas/nodes/kindColors.ts';
import { useLive } from '../sim/index.ts';
import { useApp } from '../state/store.ts';
import { useLiveFocus } from './live/focus.ts';
import { RunSummary } from './live/RunSummary.tsx';
import './Inspector.css';

// What a selection shows (with the settings schema its rows suggest from), and a partition's log during a run, load
// on the first selection (issue 18 §1); until then the head names what is selected.
const NodeInspector = lazy(() => import('./NodeInspector.tsx').then((m) => ({ default: m.NodeInspector })));
const EdgeInspector = lazy(() => import('./EdgeInspector.tsx').then((m) => ({ default: m.EdgeInspector })));
const PartitionInspector = lazy(() => import('./live/PartitionInspector.tsx').then((m) => ({ default: m.PartitionInspector })));

export function Inspector() {
  const topology = useApp((s) => s.good?.topology);
  const [nodeId, edgeId] = useApp(useShallow((s) => [s.selection.nodes[0], s.selection.edges[0]]));
  const node = nodeId ? topology?.nodes.find((n) => n.id === nodeId) : undefined;
  const edge = !node && edgeId ? topology?.edges.find((e) => e.id === edgeId) : undefined;
  const focus = useLiveFocus((s) => s);
  const running = useLive((s) => s.view !== null);
  return (
    <aside className="inspector" data-testid="inspector" aria-label="Inspector">
      <Suspense fallback={<Loading title={node?.label ?? (edge ? `${edge.from} → ${edge.to}` : 'Topology')} />}>
        {node && running && focus.partition !== null && focus.node === node.id ? (
          <PartitionInspector pid={focus.partition} back={node.label} />
        ) : node && topology ? (
          <NodeInspector node={node} topology={topology} />
        ) : edge && topology ? (
          <EdgeInspector edge={edge} topology={topology} />
        ) : (
          <Summary topology={topology} />
        )}
      </Suspense>
    </aside>
  );
}

function Loading({ title }: { title: string }) {
  return (
    <header className="inspector-head" aria-busy="true">
      <div>
        <h2>{title}</h2>
      </div>
    </header>
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
      <RunSummary />
      {counts.size > 0 && (
        <section>
          <ul className="kind-counts">
            {[...counts].map(([kind, n]) => (
              <li key={kind}>
                <span className="kind-icon" style={{ color: kindInk[kind] }}>
                  <KindIcon kind={kind} size={16} />
                </span>
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
