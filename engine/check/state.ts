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
  };
}
