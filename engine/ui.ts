/**
 * The engine's pure helpers that the app's main thread draws with: node kinds, node sizes and captions, subgraph
 * boxes, text diffs (the settings schema is in engine/settings.ts, loaded with the views that read it). The app imports
 * these values from here and its types from index.ts, because index.ts also
 * exports the simulation, whose modules register hooks when loaded and so cannot be tree-shaken out of the main
 * bundle; the simulation, parsing and layout run in the worker only.
 */
export { NODE_KINDS, isBrokerKind, kindClassName, kindOfClass } from './topology/kinds.ts';
export { groupBoxes, groupMetrics, unionBox } from './layout/groups.ts';
export { badgedEdgeKinds, chipRows, edgeLabelSize, liveRows, nodeMetrics, nodeSize, textWidth, wrapLabel } from './layout/measure.ts';
export { kindName, nodeCaption } from './layout/caption.ts';
export { diffChange } from './editing/diff.ts';
export { parseDuration, formatDuration } from './sim/time.ts';
export { parseFault, formatFault } from './faults/parse.ts';
