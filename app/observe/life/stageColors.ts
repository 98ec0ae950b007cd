/** One colour per stage of a message's life, shared by the life lines and the spacetime diagram. */
import type { StageKind } from './stages.ts';

export const stageColors: Record<StageKind, string> = {
  produced: 'var(--text-3)',
  sent: 'var(--accent)',
  appended: 'var(--teal)',
  acknowledged: 'var(--green)',
  replicated: 'var(--teal-mid)',
  delivered: 'var(--cyan)',
  processed: 'var(--emerald)',
  committed: 'var(--violet)',
  dropped: 'var(--danger)',
};

export const stageOrder: StageKind[] = ['produced', 'sent', 'appended', 'acknowledged', 'replicated', 'delivered', 'processed', 'committed', 'dropped'];
