/**
 * "Find a failure" in the play bar (issue 17 §4): opens the search's panel, whose code (and the workers it starts)
 * loads only on the first click.
 */
import { lazy, Suspense, useRef } from 'react';
import { startRun } from '../playback/actions.ts';
import { openDockTab } from '../playback/dockStore.ts';
import { findStore, useFind } from './findStore.ts';
import type { SearchHost } from './searchRun.ts';

const FindFailurePanel = lazy(() => import('./FindFailurePanel.tsx'));

const close = () => findStore.setState({ open: false });
const host: SearchHost = { startRun, setRunning: (running) => findStore.setState({ running }), close, showFaults: () => openDockTab('faults') };

export function FindFailureButton() {
  const open = useFind((s) => s.open);
  const running = useFind((s) => s.running);
  const anchor = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        ref={anchor}
        type="button"
        className={`bar-button find-button${open ? ' is-open' : ''}${running ? ' is-running' : ''}`}
        onClick={() => findStore.setState({ open: !open })}
        aria-expanded={open}
        title="Search fault schedules (crashes, splits) for a run that breaks this design, and show the smallest one"
        data-testid="find-failure"
      >
        <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
          <circle cx="6.5" cy="6.5" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
          <path d="M10 10l4 4" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
        </svg>
        {running ? 'Searching…' : 'Find a failure'}
      </button>
      {open && (
        <Suspense fallback={null}>
          <FindFailurePanel anchor={anchor} onClose={close} host={host} />
        </Suspense>
      )}
    </>
  );
}
