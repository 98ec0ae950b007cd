/**
 * The trace: pick a key (`customer-7`) or a message (`#3008`) and see its path across the nodes over time as a
 * spacetime diagram, with the correlation and causation ids to follow. A key shows its newest messages; a message
 * shows its story (its request's messages and what they caused); a saga (`saga #12`), its commands, replies and
 * compensations (or a choreography's events) across its services. All stay current while the simulation plays.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { engine } from '../engine/client.ts';
import { frameIndex } from '../sim/frameIndex.ts';
import { useLive } from '../sim/index.ts';
import { highlightLives, openTrace, parseTraceQuery, traceQueryText, useObserve, type TraceQuery } from './observeStore.ts';
import { SpacetimeDiagram } from './trace/SpacetimeDiagram.tsx';
import { TraceLegend } from './trace/TraceLegend.tsx';
import { layoutSpacetime } from './trace/spacetime.ts';
import { MessageCard } from './trace/MessageCard.tsx';
import { SagaTrace } from './trace/SagaTrace.tsx';
import { useLiveQuery } from './useLiveQuery.ts';
import './observe.css';
import './TracePanel.css';

const KEY_MESSAGES = 24;

function ask(q: Exclude<TraceQuery, { kind: 'saga' }>) {
  return q.kind === 'key' ? engine.sim.key(q.key, KEY_MESSAGES) : engine.sim.story(q.id, 60);
}

/** A saga's moves are not messages: the saga trace asks for them itself. */
const messagesOf = (q: TraceQuery | null) => (q?.kind === 'saga' ? null : q);

/** A key and a message to try, taken from the newest processed message. */
function useSuggestions(running: boolean): string[] {
  const [out, setOut] = useState<string[]>([]);
  useEffect(() => {
    if (!running) return;
    let alive = true;
    void engine.sim.log({ kinds: ['process'], limit: 1 }).then(async ([e]) => {
      const life = e?.message !== undefined ? await engine.sim.message(e.message) : null;
      if (alive && life) setOut([...(life.key ? [life.key] : []), `#${life.id}`]);
    });
    return () => {
      alive = false;
    };
  }, [running]);
  return out;
}

/** `orders-3|Kafka/1` for every topic and broker of every cluster: which brokers could hold a partition. */
function useTopicBrokers(): string[] {
  return useLive(
    useShallow((s) => (s.frame ? frameIndex(s.frame).clusters : []).flatMap((c) => [...new Set(c.partitions.map((p) => p.topic))].flatMap((t) => c.brokers.map((b) => `${t}|${c.node}/${b.number}`)))),
  );
}

export function TracePanel() {
  const running = useLive((s) => s.frame !== null);
  const query = useObserve((s) => s.trace);
  const [draft, setDraft] = useState(() => traceQueryText(query));
  const [picked, setPicked] = useState<number | null>(() => (query?.kind === 'message' ? query.id : null));
  const messages = messagesOf(query);
  const suggestions = useSuggestions(running && query === null);

  // A query opened from elsewhere (a finding, a log entry, a causation id) replaces what was typed.
  const [shown, setShown] = useState(query);
  if (shown !== query) {
    setShown(query);
    setDraft(traceQueryText(query));
    setPicked(query?.kind === 'message' ? query.id : null);
  }

  const { data: lives, pending } = useLiveQuery(running && messages ? () => ask(messages) : null, [running, traceQueryText(messages)], 1000);
  const topicBrokers = useTopicBrokers();
  const layout = useMemo(() => {
    const topics = new Set((lives ?? []).map((l) => l.partition.replace(/-\d+$/, '')));
    const brokers = topicBrokers.filter((tb) => topics.has(tb.slice(0, tb.lastIndexOf('|')))).map((tb) => tb.slice(tb.lastIndexOf('|') + 1));
    return layoutSpacetime(lives ?? [], [...new Set(brokers)]);
  }, [lives, topicBrokers]);
  const label = traceQueryText(query);
  useEffect(() => {
    const only = picked !== null ? (lives ?? []).filter((l) => l.id === picked) : (lives ?? []);
    highlightLives(only.length > 0 ? label : null, only);
  }, [lives, picked, label]);
  useEffect(() => () => highlightLives(null, []), []);

  const box = useRef<HTMLDivElement>(null);
  const [fit, setFit] = useState(600);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setFit(el.clientWidth - 120));
    ro.observe(el);
    return () => ro.disconnect();
  }, [running]);

  const onPick = useCallback((id: number) => setPicked((p) => (p === id ? null : id)), []);
  const submit = () => {
    const q = parseTraceQuery(draft);
    if (q) openTrace(q);
  };
  const life = lives?.find((l) => l.id === picked) ?? null;

  if (!running) return <div className="observe-empty">Press play, then pick a key (customer-7) or a message (#3008) to see its path across the nodes over time.</div>;
  return (
    <div className="trace" data-testid="trace-panel">
      <div className="observe-toolbar">
        <form
          className="trace-form"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <input
            className="small-field is-mono"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            placeholder="customer-7, #3008 or saga 12"
            aria-label="Key, message id or saga"
            data-testid="trace-query"
          />
          <button type="submit" className="chip" data-testid="trace-show">
            show
          </button>
        </form>
        {query === null &&
          suggestions.map((s) => (
            <button key={s} type="button" className="chip" onClick={() => openTrace(parseTraceQuery(s)!)} data-testid="trace-suggestion">
              {s}
            </button>
          ))}
        <span className="trace-status muted" data-testid="trace-status">
          {query === null
            ? 'a key shows its newest messages; a message, its story; a saga, its steps across services'
            : query.kind === 'saga'
              ? `saga #${query.id} across its services, in order`
              : pending && !lives
              ? 'reading the trace…'
              : query.kind === 'key'
                ? `${lives?.length ?? 0} newest message${lives?.length === 1 ? '' : 's'} of ${query.key}`
                : (lives?.length ?? 1) <= 1
                  ? `#${query.id}: no other message shares its request or its cause`
                  : `#${query.id} and ${(lives?.length ?? 1) - 1} more from the same request or cause`}
        </span>
      </div>
      <div className="trace-main" ref={box}>
        {query?.kind === 'saga' ? (
          <SagaTrace id={query.id} fitWidth={fit} />
        ) : query !== null && lives && lives.length === 0 ? (
          <div className="observe-empty">{query.kind === 'key' ? `No message with key ${query.key} yet.` : `No message #${query.id}.`}</div>
        ) : lives && lives.length > 0 && layout.lanes.length === 0 ? (
          <div className="observe-empty" data-testid="trace-forgotten">
            The trace keeps only the most recent events, and no longer holds the path of {lives.length === 1 ? 'this message' : 'these messages'}. What is
            still known is on the right.
          </div>
        ) : (
          <SpacetimeDiagram layout={layout} selected={picked} onPick={onPick} fitWidth={Math.max(300, fit - (life ? 260 : 130))} />
        )}
        {query?.kind === 'saga' ? null : life ? <MessageCard life={life} /> : <TraceLegend />}
      </div>
    </div>
  );
}
