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
  requeued: 'var(--amber-mid)',
  'dead-lettered': 'var(--orange)',
  unroutable: 'var(--danger)',
  refused: 'var(--danger)',
};

/** Kafka's stages, in the order a message meets them (the legend before any life is read). */
export const stageOrder: StageKind[] = ['produced', 'sent', 'appended', 'acknowledged', 'replicated', 'delivered', 'processed', 'committed', 'dropped'];

/** Every stage, in the order a message meets them (a legend picks those its lives have). */
export const everyStage: StageKind[] = [...stageOrder.slice(0, -1), 'requeued', 'dead-lettered', 'unroutable', 'refused', 'dropped'];
