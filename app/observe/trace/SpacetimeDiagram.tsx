/**
 * Draws a spacetime layout: a lane per host, time to the right, one arrow per hop of each message (coloured by what
 * the hop is), processing as a bar on the consumer's lane, commits and drops as marks, breaks where nothing happened
 * for a while. A message is one group: hover to read it, click to pick it.
 */
import { memo, useLayoutEffect, useMemo, useRef } from 'react';
import { formatDuration, formatTime } from '../format.ts';
import type { Hop, HopKind, Mark, Role, Spacetime, Span } from './spacetime.ts';
import { buildTimeAxis } from './timeAxis.ts';

const LANE_H = 21;
const RULER_H = 20;
const PAD_X = 28;
/** Room on the right for the last tick's label (`35.983 s`). */
const PAD_RIGHT = 56;

export const hopColors: Record<HopKind, string> = {
  request: 'var(--muted)',
  produce: 'var(--accent)',
  replicate: 'var(--teal-mid)',
  ack: 'var(--green)',
  deliver: 'var(--cyan)',
  response: 'var(--faint)',
  caused: 'var(--purple)',
  route: 'var(--amber)',
  'dead-letter': 'var(--orange)',
  command: 'var(--accent)',
  compensate: 'var(--orange)',
  event: 'var(--cyan)',
  compensating: 'var(--orange)',
  reply: 'var(--green)',
};

const roleColors: Record<Role, string> = {
  client: 'var(--text-3)',
  producer: 'var(--accent)',
  broker: 'var(--teal)',
  exchange: 'var(--amber-text)',
  queue: 'var(--orange)',
  consumer: 'var(--cyan)',
  orchestrator: 'var(--accent)',
  service: 'var(--cyan)',
};

const hopWords: Record<HopKind, string> = {
  request: 'checkout request',
  produce: 'produce request',
  replicate: 'replicated to',
  ack: 'acknowledged to',
  deliver: 'delivered to',
  response: 'checkout answered to',
  caused: 'caused',
  route: 'routed into',
  'dead-letter': 'dead-lettered to',
  command: 'command to',
  compensate: 'asked to compensate:',
  event: 'event to',
  compensating: 'compensating event to',
  reply: 'reply to',
};

interface Props {
  layout: Spacetime;
  selected: number | null;
  /** Messages drawn in the label of the first produce (the key view shows many). */
  onPick: (id: number) => void;
  fitWidth: number;
}

function hopTitle(h: Hop, lanes: Spacetime['lanes'], name: string): string {
  return `${name}: ${lanes[h.from]!.host} → ${hopWords[h.kind]} ${lanes[h.to]!.host}, ${formatTime(h.t0)} → ${formatTime(h.t1)} (${formatDuration(h.t1 - h.t0)})`;
}

/** A saga's marks (sagaSpacetime.ts): what a step's service did, and the coordinator's moments. */
const SAGA_MARK: Partial<Record<Mark['kind'], { fill: string; stroke: string; r: number }>> = {
  done: { fill: 'var(--emerald)', stroke: 'var(--panel)', r: 4 },
  rejected: { fill: 'var(--amber)', stroke: 'var(--panel)', r: 4.5 },
  undone: { fill: 'var(--panel)', stroke: 'var(--orange)', r: 4 },
  started: { fill: 'var(--panel)', stroke: 'var(--text-3)', r: 3.5 },
  timeout: { fill: 'var(--panel)', stroke: 'var(--danger)', r: 3.5 },
  ended: { fill: 'var(--violet)', stroke: 'var(--panel)', r: 4.5 },
};

function MarkShape({ m, x, y, name }: { m: Mark; x: number; y: number; name: string }) {
  const what = m.kind === 'lost' ? (m.note ? 'lost' : 'lost: the new leader never had it') : m.kind;
  const saga = SAGA_MARK[m.kind];
  const title = <title>{name.startsWith('saga') ? `${name} ${m.note} at ${formatTime(m.t)}` : `${name} ${what}${m.note ? ` (${m.note})` : ''} at ${formatTime(m.t)}`}</title>;
  if (saga) {
    return (
      <circle cx={x} cy={y} r={saga.r} fill={saga.fill} stroke={saga.stroke} strokeWidth={1.5} data-testid={`spacetime-${m.kind}`}>
        {title}
      </circle>
    );
  }
  switch (m.kind) {
    case 'requeued':
      return (
        <path d={`M${x - 4} ${y} a4 4 0 1 0 4 -4`} fill="none" stroke="var(--amber-mid)" strokeWidth={2} data-testid="spacetime-requeued">
          {title}
        </path>
      );
    case 'dead-lettered':
      return (
        <rect x={x - 4} y={y - 4} width={8} height={8} fill="var(--orange)" stroke="var(--panel)" data-testid="spacetime-dead-lettered">
          {title}
        </rect>
      );
    case 'produced':
      return <circle cx={x} cy={y} r={3.5} fill="var(--panel)" stroke="var(--text-3)" strokeWidth={1.5}>{title}</circle>;
    case 'processed':
      return <circle cx={x} cy={y} r={4} fill="var(--emerald)" stroke="var(--panel)">{title}</circle>;
    case 'committed':
      return <rect x={x - 3} y={y - 3} width={6} height={6} transform={`rotate(45 ${x} ${y})`} fill="var(--violet)">{title}</rect>;
    default:
      return (
        <g stroke="var(--danger)" strokeWidth={2.4} strokeLinecap="round" data-testid="spacetime-lost">
          {title}
          <line x1={x - 5} y1={y - 5} x2={x + 5} y2={y + 5} />
          <line x1={x - 5} y1={y + 5} x2={x + 5} y2={y - 5} />
        </g>
      );
  }
}

interface Parts {
  hops: Hop[];
  marks: Mark[];
  spans: Span[];
}

function groupByMessage(layout: Spacetime): Map<number, Parts> {
  const out = new Map<number, Parts>();
  const of = (id: number) => out.get(id) ?? out.set(id, { hops: [], marks: [], spans: [] }).get(id)!;
  for (const m of layout.marks) of(m.message).marks.push(m);
  for (const s of layout.spans) of(s.message).spans.push(s);
  for (const h of layout.hops) of(h.message).hops.push(h);
  return out;
}

interface GroupProps {
  id: number;
  /** How tooltips name the group: `#3008`, or `saga #12`. */
  name: string;
  parts: Parts;
  state: string;
  onPick: (id: number) => void;
  X: (t: number) => number;
  Y: (lane: number) => number;
  lanes: Spacetime['lanes'];
}

/** Everything drawn for one message, as one clickable group. */
function MessageGroup({ id, name, parts, state, onPick, X, Y, lanes }: GroupProps) {
  const produced = parts.marks.find((m) => m.kind === 'produced');
  return (
    <g className={`spacetime-message${state}`} onClick={() => onPick(id)} data-testid="spacetime-message" data-message={id}>
      {parts.spans.map((s, i) =>
        s.kind === 'processing' ? (
          <rect key={`s${i}`} x={X(s.t0)} y={Y(s.lane) - 3} width={Math.max(2, X(s.t1) - X(s.t0))} height={6} rx={3} className="spacetime-processing">
            <title>{name.startsWith('saga') ? `${name}: ${s.group}'s local transaction, ${formatDuration(s.t1 - s.t0)}` : `${name} processed by ${s.group}: ${formatDuration(s.t1 - s.t0)}`}</title>
          </rect>
        ) : (
          <line key={`s${i}`} x1={X(s.t0)} x2={X(s.t1)} y1={Y(s.lane)} y2={Y(s.lane)} className="spacetime-held" data-testid="spacetime-held">
            <title>{`${name}: its only copy, on ${s.group}, for ${formatDuration(s.t1 - s.t0)} until ${s.group} dropped it`}</title>
          </line>
        ),
      )}
      {parts.hops.map((h, i) => (
        <line
          key={`h${i}`}
          x1={X(h.t0)}
          y1={Y(h.from)}
          x2={X(h.t1)}
          y2={Y(h.to)}
          stroke={hopColors[h.kind]}
          strokeWidth={h.kind === 'produce' || h.kind === 'deliver' ? 1.8 : 1.3}
          strokeDasharray={h.kind === 'response' || h.kind === 'caused' || h.kind === 'reply' ? '4 3' : h.kind === 'dead-letter' || h.kind === 'compensating' ? '2 2' : undefined}
          markerEnd={h.from === h.to ? undefined : `url(#st-arrow-${h.kind})`}
          data-hop={h.kind}
        >
          <title>{hopTitle(h, lanes, name)}</title>
        </line>
      ))}
      {parts.marks.map((m, i) => (
        <MarkShape key={`m${i}`} m={m} x={X(m.t)} y={Y(m.lane)} name={name} />
      ))}
      {produced && (
        <text x={X(produced.t) - 5} y={Y(produced.lane) - 6} textAnchor="end" className="spacetime-id" data-testid="spacetime-id">
          #{id}
        </text>
      )}
    </g>
  );
}

export const SpacetimeDiagram = memo(function SpacetimeDiagram({ layout, selected, onPick, fitWidth }: Props) {
  const axis = useMemo(() => buildTimeAxis(layout.times, { fitWidth: Math.max(0, fitWidth - PAD_X - PAD_RIGHT), breakUs: 250_000, pxPerDecade: 18 }), [layout.times, fitWidth]);
  const width = axis.width + PAD_X + PAD_RIGHT;
  const height = RULER_H + layout.lanes.length * LANE_H + 6;
  const X = (t: number) => PAD_X + axis.x(t);
  const Y = (lane: number) => RULER_H + lane * LANE_H + LANE_H / 2;
  const byMessage = useMemo(() => groupByMessage(layout), [layout]);
  // New messages arrive on the right: stay there unless the learner scrolled back to read older ones.
  const scroller = useRef<HTMLDivElement>(null);
  const atEnd = useRef(true);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && atEnd.current && selected === null) el.scrollLeft = el.scrollWidth;
  }, [width, selected]);
  // A picked message is brought into view from its first moment.
  const pickedStart = useMemo(() => {
    const parts = selected === null ? undefined : byMessage.get(selected);
    if (!parts) return null;
    return Math.min(...parts.hops.map((h) => h.t0), ...parts.marks.map((m) => m.t));
  }, [selected, byMessage]);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || pickedStart === null) return;
    const x = PAD_X + axis.x(pickedStart);
    if (x < el.scrollLeft || x > el.scrollLeft + el.clientWidth * 0.6) {
      el.scrollLeft = Math.max(0, x - 24);
      atEnd.current = false;
    }
    // Only when the pick changes: the learner may scroll away from it afterwards.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pickedStart]);

  return (
    <div className="spacetime" data-testid="spacetime">
      <div className="spacetime-lanes" style={{ paddingTop: RULER_H }}>
        {layout.lanes.map((l) => (
          <div key={l.host} className="spacetime-lane-label" style={{ height: LANE_H, color: roleColors[l.role] }} title={`${l.host} (${l.role})`} data-testid="spacetime-lane">
            {l.host}
          </div>
        ))}
      </div>
      <div
        className="spacetime-scroll"
        ref={scroller}
        onScroll={(e) => {
          const el = e.currentTarget;
          atEnd.current = el.scrollWidth - el.scrollLeft - el.clientWidth < 8;
        }}
      >
        <svg width={width} height={height} className="spacetime-svg" role="img" aria-label="spacetime diagram">
          <defs>
            {Object.entries(hopColors).map(([k, c]) => (
              <marker key={k} id={`st-arrow-${k}`} viewBox="0 0 8 8" refX={7.5} refY={4} markerWidth={7} markerHeight={7} orient="auto-start-reverse">
                <path d="M0,0.5 L8,4 L0,7.5 z" fill={c} />
              </marker>
            ))}
          </defs>
          {layout.lanes.map((l, i) => (
            <line key={l.host} x1={0} x2={width} y1={Y(i)} y2={Y(i)} className={`spacetime-lane is-${l.role}`} />
          ))}
          {axis.ticks.map((t, i) => (
            <text key={i} x={PAD_X + t.x} y={13} className="spacetime-tick">
              {t.label}
            </text>
          ))}
          {axis.breaks.map((b, i) => (
            <rect key={i} className="spacetime-break" x={PAD_X + b.x - 5} y={RULER_H - 4} width={10} height={height - RULER_H}>
              <title>{`${formatDuration(b.dt)} with nothing to show, cut short`}</title>
            </rect>
          ))}
          {[...byMessage].map(([id, parts]) => (
            <MessageGroup key={id} id={id} name={layout.saga ? `saga #${id}` : `#${id}`} parts={parts} state={selected === null ? '' : selected === id ? ' is-selected' : ' is-faded'} onPick={onPick} X={X} Y={Y} lanes={layout.lanes} />
          ))}
        </svg>
      </div>
    </div>
  );
});
