/** What the trace shows: a key's messages, a message's story, or a saga across its services; and how it is typed. */
export type TraceQuery = { kind: 'key'; key: string } | { kind: 'message'; id: number } | { kind: 'saga'; id: number };

/** Reads `customer-7`, `#3008` or `3008`, or `saga 12` (`saga #12`), as a trace query. */
export function parseTraceQuery(text: string): TraceQuery | null {
  const t = text.trim();
  if (t === '') return null;
  const saga = /^saga\s*#?\s*(\d+)$/i.exec(t);
  if (saga) return { kind: 'saga', id: Number(saga[1]) };
  const id = /^#?(\d+)$/.exec(t);
  return id ? { kind: 'message', id: Number(id[1]) } : { kind: 'key', key: t };
}

export function traceQueryText(q: TraceQuery | null): string {
  return q === null ? '' : q.kind === 'key' ? q.key : q.kind === 'saga' ? `saga #${q.id}` : `#${q.id}`;
}
