/**
 * The stores' trace kinds and how their entries read in the event log: transactions committed, rolled back by a
 * crash, refused, and committed rows a crash lost before they reached the disk.
 */
import { errorName } from '../history/errors.ts';
import { defineTraceKinds } from '../history/trace.ts';

const rows = (n: number) => `${n} ${n === 1 ? 'row' : 'rows'}`;
const ms = (us: number) => `${(us / 1000).toFixed(1)} ms`;

export const ST = defineTraceKinds({
  // node=database host, part=place, a=first row id, b=rows, c=duration µs
  txCommit: { namesMessage: true, describe: (_w, e, at) => ({ text: `${at.node} committed ${rows(e.b)} (#${e.a}) in ${ms(e.c)}`, message: e.a }) },
  // node=database host, part=place, a=first row id, b=rows
  txRollback: {
    namesMessage: true,
    describe: (_w, e, at) => ({ text: `${at.node} rolled back ${rows(e.b)} (#${e.a}): the transaction was open when it crashed`, message: e.a }),
  },
  // node=database host, part=place, a=first row id, b=error code
  txRefused: { namesMessage: true, describe: (_w, e, at) => ({ text: `${at.node} refused a transaction (#${e.a}): ${errorName(e.b)}`, message: e.a }) },
  // node=database host, part=place, a=first row id lost, b=rows
  walLost: {
    namesMessage: true,
    describe: (_w, e, at) => ({ text: `${at.node} crashed with ${rows(e.b)} committed but not yet flushed (synchronous_commit=off): they are gone (#${e.a} first)`, message: e.a }),
  },
});
