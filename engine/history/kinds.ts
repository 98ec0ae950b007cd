/**
 * The trace kinds every family shares: what applications did with messages (processed, skipped as a duplicate,
 * dead-lettered, failed), synchronous requests and checkouts, and faults, crashes, restarts and delayed starts. Each family
 * declares its own beside these (kafka/trace.ts).
 */
import { formatFault } from '../faults/parse.ts';
import { subscriptionName } from '../messaging/state.ts';
import type { World } from '../world.ts';
import { errorName, POISON_FAILED, PROCESS_FAILED } from './errors.ts';
import { partitionOf } from './messages.ts';
import { defineTraceKinds, type TraceEntry } from './trace.ts';

const host = (w: World, h: number) => (h >= 0 ? (w.net.names[h] ?? '') : '');
const group = (w: World, e: TraceEntry) => subscriptionName(w.msg, e.c);

export const T = defineTraceKinds({
  // node=consumer host, part=place, a=message id, b=offset, c=subscription
  process: {
    namesMessage: true,
    describe: (w, e, at) => ({ text: `${at.node} (${group(w, e)}) processed message #${e.a} (${at.place} offset ${e.b})`, message: e.a, group: group(w, e) }),
  },
  // node=host (-1 for network-wide), a=index of the applied fault
  fault: {
    describe: (w, e) => {
      const f = w.faults.applied[e.a];
      if (!f) return { text: 'fault' };
      const text = `${f.ok ? '' : 'could not apply: '}${f.note}`;
      return { text: `fault: ${formatFault(f.fault).replace(/^\S+\s+/, '')}: ${text}`, node: faultNode(f.fault), placeless: true };
    },
  },
  // node=caller host, part=callee host, a=request id, b=latency µs, c=status (0 ok)
  request: {
    describe: (w, e, at) => ({ text: `${at.node} → ${host(w, e.part)}: ${e.c === 0 ? 'answered' : errorName(e.c)} in ${(e.b / 1000).toFixed(1)} ms`, placeless: true }),
  },
  // node=client host, a=request id, b=latency µs, c=status (0 ok)
  checkout: {
    describe: (_w, e, at) => ({ text: `${at.node}: checkout ${e.c === 0 ? 'succeeded' : `failed (${errorName(e.c)})`} in ${(e.b / 1000).toFixed(1)} ms`, placeless: true }),
  },
  // node=host, part=place or -1, a=error code, b=message id or request id
  error: {
    namesMessage: true,
    describe: (_w, e, at) => {
      const failed = e.a === POISON_FAILED ? `poison message #${e.b} failed` : e.a === PROCESS_FAILED ? `processing message #${e.b} failed` : errorName(e.a);
      return { text: `${at.node}: ${failed}${at.place ? ` on ${at.place}` : ''}`, message: e.a >= POISON_FAILED ? e.b : undefined };
    },
  },
  // node=consumer host, part=place, a=message id, b=offset, c=subscription: processed again, or skipped by an inbox
  duplicate: {
    namesMessage: true,
    describe: (w, e, at) => ({ text: `${at.node} (${group(w, e)}) skipped message #${e.a}: its inbox has it already`, message: e.a }),
  },
  // node=consumer host, part=place, a=message id, b=new message id on the dead-letter destination, c=subscription
  dlq: {
    namesMessage: true,
    describe: (w, e, at) => ({ text: `${at.node} (${group(w, e)}) sent message #${e.a} to the dead-letter topic as #${e.b}`, message: e.a }),
  },
  // node=consumer host, part=place, a=message id, b=its copy on the next retry topic, c=subscription
  retry: {
    namesMessage: true,
    describe: (w, e, at) => ({ text: `${at.node} (${group(w, e)}) sent message #${e.a} on to ${retryTopicOf(w, e.b)} as #${e.b}; its partition moves on`, message: e.a }),
  },
  // node=host, b=1 crash / 2 restart
  crash: {
    describe: (_w, e, at) => ({ text: `${at.node} ${e.b === 1 ? 'crashed' : 'restarted'}` }),
  },
  // node=host: an instance with a start delay (`start=30s`) came up for the first time; no crash came before it
  start: {
    describe: (_w, _e, at) => ({ text: `${at.node} started for the first time` }),
  },
});

/** The topic a retried copy was sent to. */
function retryTopicOf(w: World, copy: number): string {
  const place = w.msg.places[partitionOf(w.messages, copy)];
  return place ? (w.msg.destinations[place.destination]?.name ?? 'the retry topic') : 'the retry topic';
}

function faultNode(f: { action: string } & Record<string, unknown>): string {
  if (typeof f['target'] === 'string') return f['target'] as string;
  if (Array.isArray(f['between'])) return String((f['between'] as string[])[0]);
  return '';
}
