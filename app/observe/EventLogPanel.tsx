/**
 * The event log: what happened, in words, newest at the bottom, refreshed while the simulation plays. Filter by
 * family (produce, append, election, fault..., offering those it holds entries of) and by node; a node links to the canvas, a message to its story.
 */
import { useCallback, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { engine } from '../engine/client.ts';
import { useLive } from '../sim/index.ts';
import { familiesShown, kindsFor } from './log/logKinds.ts';
import { LogList } from './log/LogList.tsx';
import { openTrace, selectHost } from './observeStore.ts';
import { useLiveQuery } from './useLiveQuery.ts';
import './observe.css';
import './EventLogPanel.css';

/**
 * Entries asked for: enough to read back a while when paused; while playing, a few screens' worth (at speed they all
 * change at every refresh, and nobody reads a hundred lines in a third of a second).
 */
const LIMIT_PAUSED = 500;
const LIMIT_PLAYING = 60;
const REFRESH_MS = 400;

/** The simulated places a learner can filter by: nodes, and each broker of a cluster. */
function useNodeOptions(): string[] {
  return useLive(
    useShallow((s) => {
      const f = s.frame;
      if (!f) return [];
      const out: string[] = [];
      // Every simulated node, then what a run adds that names a host (a broker, a controller).
      for (const node of Object.keys(f.nodes)) {
        if (f.nodes[node]!.of > 0) out.push(node);
        for (const t of f.targets) if (t.startsWith(`${node}/`) && !t.endsWith('/controller')) out.push(t);
      }
      return [...new Set(out)];
    }),
  );
}

export function EventLogPanel() {
  const running = useLive((s) => s.frame !== null);
  const playing = useLive((s) => s.status === 'playing');
  const limit = playing ? LIMIT_PLAYING : LIMIT_PAUSED;
  const [families, setFamilies] = useState<ReadonlySet<string>>(() => new Set());
  const [node, setNode] = useState('');
  const [text, setText] = useState('');
  const nodes = useNodeOptions();
  const kinds = kindsFor(families);
  const kindsKey = kinds?.join(',') ?? '';
  const { data } = useLiveQuery(running ? () => engine.sim.log({ kinds, node: node || undefined, limit }) : null, [running, kindsKey, node, limit], REFRESH_MS);
  const { data: present } = useLiveQuery(running ? () => engine.sim.logKinds() : null, [running], REFRESH_MS);

  const entries = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return needle ? (data ?? []).filter((e) => e.text.toLowerCase().includes(needle) || e.node.toLowerCase().includes(needle)) : (data ?? []);
  }, [data, text]);

  const toggle = (id: string) =>
    setFamilies((f) => {
      const next = new Set(f);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const onNode = useCallback((host: string) => void selectHost(host), []);
  const onMessage = useCallback((id: number) => openTrace({ kind: 'message', id }), []);

  if (!running) return <div className="observe-empty">Press play: every produce, append, election, rebalance and fault shows up here, in words.</div>;
  return (
    <div className="event-log" data-testid="event-log">
      <div className="observe-toolbar log-toolbar">
        <div className="log-chips" role="group" aria-label="Show only these families">
          <button type="button" className="chip" aria-pressed={families.size === 0} onClick={() => setFamilies(new Set())} data-testid="log-family-all">
            all
          </button>
          {familiesShown(present, families).map((f) => (
            <button key={f.id} type="button" className="chip" aria-pressed={families.has(f.id)} onClick={() => toggle(f.id)} title={f.hint} data-testid={`log-family-${f.id}`}>
              <i className="chip-dot" style={{ background: f.color }} />
              {f.id}
            </button>
          ))}
        </div>
        <div className="log-fields">
          <select className="small-field" value={node} onChange={(e) => setNode(e.target.value)} aria-label="Only entries at this node" data-testid="log-node-filter">
            <option value="">every node</option>
            {nodes.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
          <input className="small-field" type="search" placeholder="find in text" value={text} onChange={(e) => setText(e.target.value)} aria-label="Find in the log" data-testid="log-search" />
        </div>
      </div>
      <LogList entries={entries} onNode={onNode} onMessage={onMessage} />
    </div>
  );
}
