/**
 * The dock under the playback bar: the fault timeline, and the observation panels (metrics, event log, trace, A/B)
 * from app/observe. A click on the open tab folds the dock; its top edge drags to resize it.
 */
import { Component, lazy, Suspense, useEffect, type ComponentType, type ReactNode } from 'react';
import { useResizeHandle } from '../shell/useResizeHandle.ts';
import { useObserve } from '../observe/index.ts';
import { clickDockTab, openDockTab, useDock, type DockTab } from './dockStore.ts';
import { FaultsPanel } from './FaultsPanel.tsx';
import './Dock.css';

// The observation panels (and uPlot) load when their tab is first opened: the faults tab is what a first visit shows.
const MetricsPanel = lazy(() => import('../observe/MetricsPanel.tsx').then((m) => ({ default: m.MetricsPanel })));
const EventLogPanel = lazy(() => import('../observe/EventLogPanel.tsx').then((m) => ({ default: m.EventLogPanel })));
const TracePanel = lazy(() => import('../observe/TracePanel.tsx').then((m) => ({ default: m.TracePanel })));
const ComparePanel = lazy(() => import('../observe/ComparePanel.tsx').then((m) => ({ default: m.ComparePanel })));

const tabs: { id: DockTab; label: string; Panel: ComponentType }[] = [
  { id: 'faults', label: 'Faults', Panel: FaultsPanel },
  { id: 'metrics', label: 'Metrics', Panel: MetricsPanel },
  { id: 'events', label: 'Event log', Panel: EventLogPanel },
  { id: 'trace', label: 'Trace', Panel: TracePanel },
  { id: 'compare', label: 'A/B', Panel: ComparePanel },
];

const MIN = 120;
const clamp = (h: number) => Math.round(Math.min(Math.max(MIN, h), window.innerHeight * 0.6));

export function Dock() {
  const tab = useDock((s) => s.tab);
  const open = useDock((s) => s.open);
  const Panel = tabs.find((t) => t.id === tab)!.Panel;
  // A message or key sent to the trace (from a finding, a log entry, a lesson's counterexample) brings its tab forward.
  const traceAsks = useObserve((s) => s.requests);
  useEffect(() => {
    if (traceAsks > 0) openDockTab('trace');
  }, [traceAsks]);
  return (
    <section className={`dock${open ? '' : ' is-folded'}`} aria-label="Simulation panels" data-testid="dock">
      {open && <DockResizer />}
      <div className="dock-tabs" role="tablist">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={open && tab === t.id}
            className={`dock-tab${open && tab === t.id ? ' is-active' : ''}`}
            data-testid={`dock-tab-${t.id}`}
            onClick={() => clickDockTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {open && (
        <div className="dock-body" role="tabpanel" data-testid={`dock-${tab}`}>
          <PanelBoundary key={tab}>
            <Suspense fallback={<div className="observe-empty">Loading…</div>}>
              <Panel />
            </Suspense>
          </PanelBoundary>
        </div>
      )}
    </section>
  );
}

/** The dock's top edge: drag (or arrow keys) to resize; the height is a CSS variable, so dragging renders nothing. */
function DockResizer() {
  const { ref, onPointerDown, onKeyDown, aria } = useResizeHandle({
    scope: '.dock',
    variable: '--dock-height',
    measured: '.dock-body',
    axis: 'y',
    inverted: true,
    storageKey: 'eventlab.dockHeight',
    clamp,
    fallback: 220,
    range: () => [MIN, window.innerHeight * 0.6],
  });
  return (
    <div
      ref={ref}
      className="dock-resizer"
      role="separator"
      aria-orientation="horizontal"
      aria-label="Resize the panels"
      tabIndex={0}
      {...aria}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}

/**
 * A panel that failed (its code could not be loaded, say after the app was updated under an open tab) says so in its
 * own tab, with a retry, instead of taking the whole app down.
 */
class PanelBoundary extends Component<{ children: ReactNode }, { error: string | null }> {
  override state = { error: null as string | null };

  static getDerivedStateFromError(e: unknown) {
    return { error: e instanceof Error ? e.message : String(e) };
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <div className="observe-empty" role="alert" data-testid="panel-error">
        This panel could not be shown ({this.state.error}).{' '}
        <button type="button" className="link-button" onClick={() => location.reload()}>
          Reload the app
        </button>{' '}
        (your work is saved).
      </div>
    );
  }
}
