/**
 * The observation panels the simulation dock shows in its tabs. (Being built on the `observe` branch: until then
 * each is a one-line placeholder, which the dock does not show as finished.)
 */
export { MetricsPanel } from './MetricsPanel.tsx';
export { EventLogPanel } from './EventLogPanel.tsx';
export { TracePanel } from './TracePanel.tsx';
export { ComparePanel } from './ComparePanel.tsx';
export { Counters } from './Counters.tsx';
