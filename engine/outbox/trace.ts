/**
 * The outbox family's trace kinds and how their entries read in the event log: a relay's reads, publishes, marks
 * and stored positions, and a service crashing between its two writes.
 */
import { defineTraceKinds } from '../history/trace.ts';

const rows = (n: number) => `${n} ${n === 1 ? 'row' : 'rows'}`;

export const OT = defineTraceKinds({
  // node=relay host, part=place published to, a=event id, b=outbox row id, c=times the row was published before
  relayPublish: {
    namesMessage: true,
    describe: (_w, e, at) => ({
      text: e.c > 0
        ? `${at.node} published outbox row #${e.b} again as #${e.a} (${e.c + 1} times now): it had not marked it sent, so it cannot know it went out (a duplicate)`
        : `${at.node} published outbox row #${e.b} as #${e.a} to ${at.place}`,
      message: e.a,
    }),
  },
  // node=relay host, part=-1, a=first row id, b=rows, c=1 marked in the table (poll), 2 read position advanced (cdc)
  relayMark: {
    namesMessage: true,
    describe: (_w, e, at) => ({ text: e.c === 2 ? `${at.node} moved its log position past ${rows(e.b)} (#${e.a} first)` : `${at.node} marked ${rows(e.b)} sent in the outbox (#${e.a} first)`, message: e.a }),
  },
  // node=relay host, part=-1, a=log position stored, b=rows past the last stored position
  relayOffsetFlush: { describe: (_w, e, at) => ({ text: `${at.node} stored its log position ${e.a} (offset.flush.interval.ms): ${rows(e.b)} will not be read again after a crash` }) },
  // node=relay host, part=-1, a=log position it restarts from, b=rows it will read again
  relayRewind: { describe: (_w, e, at) => ({ text: `${at.node} came back and reads the log again from its stored position ${e.a}: ${rows(e.b)} it had published will go out again` }) },
  // node=consumer instance host, part=-1, a=message id, b=event id, c=1 inbox table (0 memory)
  inboxSkip: {
    namesMessage: true,
    describe: (_w, e, at) => ({
      text: `${at.node} skipped message #${e.a}: its ${e.c === 1 ? 'inbox table' : 'in-memory dedupe set'} has event #${e.b} already, so its effect is not applied again`,
      message: e.a,
    }),
  },
  // node=service instance host, part=-1, a=1 published first (0 wrote first, 2 a relay: published, not marked), b=rows (relay), c=request id
  crashBetweenWrites: {
    describe: (_w, e, at) => ({
      text: e.a === 2
        ? `${at.node} crashed after publishing ${rows(e.b)} and before marking them sent: it will publish them again (duplicates)`
        : e.a === 1
        ? `${at.node} crashed between its publish and its database write (request #${e.c}): the event is out, the row will never be written (a phantom event)`
        : `${at.node} crashed between its database commit and its publish (request #${e.c}): the row is committed, the event will never be sent (a lost event)`,
    }),
  },
});
