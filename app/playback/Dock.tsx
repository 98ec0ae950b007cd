/**
 * The dock under the playback bar: the fault timeline, and the observation panels (metrics, event log, trace, A/B)
 * from app/observe. A click on the open tab folds the dock; its top edge drags to resize it.
 */
import { lazy, Suspense, useEffect, useRef, type ComponentType, type KeyboardEvent, type PointerEvent } from 'react';
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

const STORAGE_KEY = 'eventlab.dockHeight';
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
          <Suspense fallback={<div className="observe-empty">Loading…</div>}>
            <Panel />
          </Suspense>
        </div>
      )}
    </section>
  );
}

/** The dock's top edge: drag (or arrow keys) to resize; the height is a CSS variable, so dragging renders nothing. */
function DockResizer() {
  const handle = useRef<HTMLDivElement>(null);
  const dock = () => handle.current?.closest<HTMLElement>('.dock') ?? null;
  const apply = (h: number) => dock()?.style.setProperty('--dock-height', `${clamp(h)}px`);
  const current = () => dock()?.querySelector('.dock-body')?.getBoundingClientRect().height ?? 220;
  const save = () => localStorage.setItem(STORAGE_KEY, String(Math.round(current())));
  useEffect(() => {
    const stored = Number(localStorage.getItem(STORAGE_KEY));
    if (stored > 0) handle.current?.closest<HTMLElement>('.dock')?.style.setProperty('--dock-height', `${clamp(stored)}px`);
  }, []);
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    const startY = e.clientY;
    const start = current();
    const target = e.currentTarget;
    const move = (m: globalThis.PointerEvent) => apply(start - (m.clientY - startY));
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
      save();
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowUp' ? 24 : e.key === 'ArrowDown' ? -24 : 0;
    if (!step) return;
    e.preventDefault();
    apply(current() + step);
    save();
  };
  return (
    <div
      ref={handle}
      className="dock-resizer"
      role="separator"
      aria-orientation="horizontal"
      aria-label="Resize the panels"
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
