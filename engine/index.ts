/**
 * The engine's public API. Everything outside engine/ imports from here (DESIGN.md, "The engine").
 */
export type * from './topology/types.ts';
