/**
 * Exchanges routing a message to queues (semantics Q1-Q5, Q8): the default exchange by queue name, direct by equal
 * key, fanout to every binding, topic by pattern (topicMatches), headers by `x-match=all|any` over the headers that
 * do not start with `x-`; through exchange-to-exchange bindings, each queue once; to the alternate exchange when
 * nothing matched (the default exchange has none). Bindings do not change during a run, so a key's answer is found
 * once and kept (headers are matched every time).
 */
import type { World } from '../world.ts';
import { topicMatches } from './topicMatches.ts';
import type { Binding, Exchange } from './types.ts';

export interface Routed {
  queues: number[];
  /** Routed through the alternate exchange: nothing matched in the exchange itself. */
  alternate: boolean;
}

const NONE: Routed = { queues: [], alternate: false };

/** The queues a message with `key` (and `headers`) published to `exchange` reaches. */
export function routeMessage(w: World, exchange: number, key: string, headers: Record<string, string> | null): Routed {
  const a = w.parts.amqp;
  const x = a.exchanges[exchange];
  if (!x) return NONE;
  if (x.type === 'headers') return resolve(w, x, key, headers);
  let byKey = a.routeCache.get(exchange);
  if (!byKey) a.routeCache.set(exchange, (byKey = new Map()));
  let r = byKey.get(key);
  if (!r) byKey.set(key, (r = resolve(w, x, key, null)));
  return r;
}

function resolve(w: World, x: Exchange, key: string, headers: Record<string, string> | null): Routed {
  const out: number[] = [];
  collect(w, x, key, headers, out, new Set());
  if (out.length > 0 || x.alternate < 0) return { queues: out, alternate: false };
  collect(w, w.parts.amqp.exchanges[x.alternate]!, key, headers, out, new Set([x.id]));
  return { queues: out, alternate: out.length > 0 };
}

function collect(w: World, x: Exchange, key: string, headers: Record<string, string> | null, out: number[], seen: Set<number>): void {
  if (seen.has(x.id)) return;
  seen.add(x.id);
  const a = w.parts.amqp;
  if (x.name === '') {
    // The default exchange: every queue is bound to it by its own name (Q5).
    const q = a.queues.findIndex((qq) => qq.cluster === x.cluster && qq.name === key && !qq.deleted);
    if (q >= 0 && !out.includes(q)) out.push(q);
    return;
  }
  for (const b of x.bindings) {
    if (!matches(x, b, key, headers)) continue;
    if ('queue' in b.to) {
      if (!out.includes(b.to.queue) && !a.queues[b.to.queue]!.deleted) out.push(b.to.queue);
    } else collect(w, a.exchanges[b.to.exchange]!, key, headers, out, seen);
  }
}

function matches(x: Exchange, b: Binding, key: string, headers: Record<string, string> | null): boolean {
  switch (x.type) {
    case 'fanout':
      return true;
    case 'direct':
      return b.key === key;
    case 'topic':
      return topicMatches(b.key, key);
    case 'headers': {
      // Q4: headers starting with x- are not matched unless x-match is any-with-x or all-with-x.
      const wanted = Object.entries(b.headers ?? {}).filter(([k]) => b.withX || !k.startsWith('x-'));
      const has = ([k, v]: [string, string]) => headers !== null && headers[k] === v;
      return b.matchAll ? wanted.every(has) : wanted.some(has);
    }
  }
}
