/**
 * The observation panels the simulation dock shows in its tabs, and the trace's store, through which a finding, a log
 * entry or a lesson's counterexample opens a message's story.
 */
export { MetricsPanel } from './MetricsPanel.tsx';
export { EventLogPanel } from './EventLogPanel.tsx';
export { TracePanel } from './TracePanel.tsx';
export { ComparePanel } from './ComparePanel.tsx';
export { Counters } from './Counters.tsx';
export { openTrace, useObserve } from './observeStore.ts';
