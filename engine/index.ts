/**
 * The engine's public API. Everything outside engine/ imports from here (DESIGN.md, "The engine").
 */
export type * from './topology/types.ts';
export { parseTopology } from './topology/parse.ts';
export { NODE_KINDS, kindClassName, kindOfClass, type NodeKindInfo } from './topology/kinds.ts';
export { printTopology } from './topology/print.ts';
export { patchTopology } from './topology/patch/patch.ts';
export type * from './layout/types.ts';
export { groupBoxes, groupMetrics, unionBox } from './layout/groups.ts';
export { nodeSize, nodeMetrics, wrapLabel, chipRows, textWidth, edgeLabelSize, badgedEdgeKinds } from './layout/measure.ts';
export { nodeCaption, kindName } from './layout/caption.ts';
export type { LoadResult } from './editing/load.ts';
export { diffChange } from './editing/diff.ts';
