import { producedAtOf } from '../history/messages.ts';
import type { World } from '../world.ts';
import type { LogWrite } from './replicas.ts';
import type { Topic } from './types.ts';

/** How a partition of `topic` writes its shared log now. */
export function logWrite(w: World, topic: Topic): LogWrite {
  return { now: w.now, roll: topic.config, recordBytes: topic.config.recordBytes, timestampOf: (id) => producedAtOf(w.messages, id) };
}
