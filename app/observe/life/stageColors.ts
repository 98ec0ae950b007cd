/** One colour per stage of a message's life, shared by the life lines and the spacetime diagram. */
import type { StageKind } from './stages.ts';

export const stageColors: Record<StageKind, string> = {
  produced: '#475569',
  sent: '#2563eb',
  appended: '#0f766e',
  acknowledged: '#16a34a',
  replicated: '#14b8a6',
  delivered: '#0891b2',
  processed: '#059669',
  committed: '#7c3aed',
  dropped: '#b91c1c',
};

export const stageOrder: StageKind[] = ['produced', 'sent', 'appended', 'acknowledged', 'replicated', 'delivered', 'processed', 'committed', 'dropped'];
