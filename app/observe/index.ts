/**
 * What the rest of the app takes from the observation panels: the counters for the playback bar, and the trace's
 * store, through which a finding, a log entry or a lesson's counterexample opens a message's story. The panels
 * themselves (metrics, event log, trace, A/B) are loaded by the dock when their tab first opens.
 */
export { Counters } from './Counters.tsx';
export { openTrace, useObserve } from './observeStore.ts';
