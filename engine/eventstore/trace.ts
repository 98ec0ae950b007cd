/**
 * The event store family's trace kinds and how their entries read in the event log: appends, concurrency conflicts
 * and the commands they reject, snapshots, projections storing a checkpoint or rewinding to it after a crash,
 * events applied twice to a read model, and stale reads.
 */
import { keyText } from '../history/keys.ts';
import { defineTraceKinds } from '../history/trace.ts';
import type { World } from '../world.ts';

const events = (n: number) => `${n} ${n === 1 ? 'event' : 'events'}`;
const stream = (w: World, key: number) => keyText(w.keys, key) ?? `#${key}`;

export const ET = defineTraceKinds({
  // node=store host, part=place, a=first event id, b=key, c=new version
  esAppend: { namesMessage: true, describe: (w, e, at) => ({ text: `${at.node} appended to stream ${stream(w, e.b)}, now at version ${e.c} (#${e.a})`, message: e.a }) },
  // node=store host, part=place, a=key, b=expected version, c=actual version
  esConflict: {
    describe: (w, e, at) => ({ text: `${at.node} refused an append to ${stream(w, e.a)}: expected version ${e.b}, the stream is at ${e.c} (a concurrent command appended first)` }),
  },
  // node=store host, part=place, a=key, b=the version it could not read, c=the version the handler reads
  esUnreadable: {
    describe: (w, e, at) => ({
      text: `${at.node}: a command on ${stream(w, e.a)} failed: its handler reads version ${e.c} and the stream holds a version ${e.b} event ${e.b < e.c ? 'with no upcaster for it' : 'a newer release wrote'}`,
    }),
  },
  // node=store host, part=place, a=key, b=attempts
  esRejected: { describe: (w, e, at) => ({ text: `${at.node}: a command on ${stream(w, e.a)} failed after ${e.b} conflicting ${e.b === 1 ? 'attempt' : 'attempts'}` }) },
  // node=store host, part=place, a=key, b=version
  esSnapshot: { describe: (w, e, at) => ({ text: `${at.node} took a snapshot of ${stream(w, e.a)} at version ${e.b}` }) },
  // node=projection host, part=-1, a=position stored
  projCheckpoint: { describe: (_w, e, at) => ({ text: `${at.node} stored its checkpoint at position ${e.a}` }) },
  // node=projection host, part=-1, a=checkpoint, b=position it had reached
  projRewind: {
    describe: (_w, e, at) => ({ text: `${at.node} resubscribed from its checkpoint ${e.a}: ${events(e.b - e.a)} it had applied come again` }),
  },
  // node=projection host, part=-1, a=events to replay, b=read models cleared
  projRebuild: {
    describe: (_w, e, at) => ({ text: `${at.node} is rebuilding: ${e.b === 1 ? 'its read model' : `its ${e.b} read models`} cleared, replaying ${events(e.a)} from the start of the store` }),
  },
  // node=read model host, part=-1, a=event id, b=position, c=times applied
  projTwice: {
    namesMessage: true,
    describe: (_w, e, at) => ({ text: `${at.node} applied event #${e.a} (position ${e.b}) ${e.c} times: the projection is not idempotent`, message: e.a }),
  },
  // node=read model host, part=-1, a=event id (the client's own), b=events behind, c=lag µs
  staleRead: {
    namesMessage: true,
    describe: (_w, e, at) => ({ text: `a read of ${at.node} was stale: ${events(e.b)} behind the store, ${(e.c / 1000).toFixed(1)} ms (looking for #${e.a})`, message: e.a }),
  },
});
