/**
 * What the checkers keep while a run goes on, per consumer group: a bit per message processed (the inbox, for
 * duplicates) and the newest message processed per key (for reordering), plus the first counterexamples found.
 */

export interface Example {
  message: number;
  partition: number;
  offset: number;
  at: number;
  /** For a reordering: the later message that was processed first. */
  other?: number;
  /** For a reordering caused by a retry topic: the original message this retried copy stands for. */
  retryOf?: number;
}

export interface GroupChecks {
  seen: Uint8Array;
  duplicates: number;
  duplicateExamples: Example[];
  /** Redeliveries an inbox (idempotent consumer) recognised and skipped. */
  skipped: number;
  reordered: number;
  reorderExamples: Example[];
  /** Newest message id processed, per key id. */
  lastByKey: Uint32Array;
}

export interface Window {
  what: 'partition' | 'service' | 'writes';
  id: number;
  from: number;
  to: number;
}

export interface ChecksState {
  groups: GroupChecks[];
  unavailable: Window[];
  examplesLimit: number;
  /**
   * Copies an application published to a retry topic, each to the original message it stands for: per-key order is
   * judged by the original's place in its key's sequence, so a retried record overtaken by a later one is a reorder.
   */
  retryOf: Map<number, number>;
}

export function createChecks(groups: number): ChecksState {
  return {
    groups: Array.from({ length: groups }, () => ({
      seen: new Uint8Array(1024),
      duplicates: 0,
      duplicateExamples: [],
      skipped: 0,
      reordered: 0,
      reorderExamples: [],
      lastByKey: new Uint32Array(1024),
    })),
    unavailable: [],
    examplesLimit: 100,
    retryOf: new Map(),
  };
}
