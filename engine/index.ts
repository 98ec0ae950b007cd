/**
 * The engine's public API. Everything outside engine/ imports from here (DESIGN.md, "The engine").
 */
export type * from './topology/types.ts';
export { parseTopology } from './topology/parse.ts';
export { NODE_KINDS, kindClassName, kindOfClass, type NodeKindInfo } from './topology/kinds.ts';
export { printTopology } from './topology/print.ts';
export { patchTopology } from './topology/patch/patch.ts';
