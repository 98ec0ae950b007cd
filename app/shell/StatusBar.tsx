/**
 * One line at the bottom: does the text parse, how big is the topology, how long parsing and layout took, and
 * whether the work is saved.
 */
import { useApp } from '../state/store.ts';
import './StatusBar.css';

function ParseStatus() {
  const status = useApp((s) => s.parseStatus);
  const errors = useApp((s) => s.diagnostics.filter((d) => d.severity === 'error').length);
  const warnings = useApp((s) => s.diagnostics.filter((d) => d.severity === 'warning').length);
  if (status === 'pending') return <span className="status-item is-pending" data-testid="parse-status">reading…</span>;
  if (status === 'error') {
    return (
      <span className="status-item is-error" data-testid="parse-status">
        {errors} {errors === 1 ? 'error' : 'errors'} · showing the last good drawing
      </span>
    );
  }
  return (
    <span className="status-item is-ok" data-testid="parse-status">
      parsed{warnings > 0 ? ` · ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : ''}
    </span>
  );
}

function Counts() {
  const topology = useApp((s) => s.good?.topology);
  if (!topology) return null;
  const n = topology.nodes.length;
  const e = topology.edges.length;
  const g = topology.groups.length;
  return (
    <span className="status-item" data-testid="counts">
      {n} {n === 1 ? 'node' : 'nodes'} · {e} {e === 1 ? 'edge' : 'edges'}
      {g > 0 ? ` · ${g} ${g === 1 ? 'group' : 'groups'}` : ''}
    </span>
  );
}

function Timing() {
  const ms = useApp((s) => s.loadMs);
  const fast = useApp((s) => s.good?.layout.quality === 'dagre-fast');
  if (ms === null) return null;
  return (
    <span className="status-item" data-testid="load-ms" title="Parse and layout in the worker, round trip">
      parse + layout {ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms{fast ? ' (fast layout for a large graph)' : ''}
    </span>
  );
}

function SaveStatus() {
  const status = useApp((s) => s.saveStatus);
  const text = {
    saved: 'saved in this browser',
    unsaved: 'saving…',
    memory: 'not stored: use Share or Export',
    failed: 'not saved: saving failed',
    conflict: 'not saved: changed in another tab',
  }[status];
  return (
    <span className={`status-item save-${status}`} data-testid="save-status">
      {text}
    </span>
  );
}

export function StatusBar() {
  return (
    <footer className="statusbar">
      <ParseStatus />
      <Counts />
      <Timing />
      <span className="status-spacer" />
      <SaveStatus />
    </footer>
  );
}
