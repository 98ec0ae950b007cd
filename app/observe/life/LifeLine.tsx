/**
 * A message's life as a small timeline: a dot per stage on a logarithmic scale from the moment it was produced, so the
 * first milliseconds (sent, appended, acknowledged) stay apart next to seconds of lag. A lost message ends in a red
 * cross; stages the trace no longer holds are said to be missing, not drawn as if they never happened.
 */
import type { MessageLife } from '../../../engine/index.ts';
import { formatDuration, formatTime } from '../format.ts';
import { stageColors } from './stageColors.ts';
import { lifeStages, stageName } from './stages.ts';
import { warp, warpTicks } from './warp.ts';

const H = 30;
const Y = 11;
const PAD = 8;

export function LifeLine({ life, width = 300 }: { life: MessageLife; width?: number }) {
  const stages = lifeStages(life);
  const t0 = life.producedAt;
  const end = stages[stages.length - 1]!.at;
  const span = Math.max(10_000, end - t0);
  const inner = width - PAD * 2 - (life.lost ? 14 : 0);
  const x = (t: number) => PAD + warp(t - t0, span) * inner;
  const lastX = x(end);
  return (
    <svg className="life-line" width={width} height={H} role="img" aria-label={`life of message ${life.id}`} data-testid="life-line">
      {life.traceIncomplete ? (
        <line x1={PAD} x2={lastX} y1={Y} y2={Y} stroke="var(--line-strong)" strokeDasharray="3 3">
          <title>The trace no longer holds this message's earliest stages: only its production time is certain.</title>
        </line>
      ) : (
        <line x1={PAD} x2={lastX} y1={Y} y2={Y} stroke="var(--line-strong)" strokeWidth={2} />
      )}
      {warpTicks(span).map((t) => (
        <g key={t.at}>
          <line x1={x(t0 + t.at)} x2={x(t0 + t.at)} y1={Y + 5} y2={Y + 8} stroke="var(--line-strong)" />
          <text x={x(t0 + t.at)} y={H - 1} textAnchor="middle" className="life-tick">
            {t.label}
          </text>
        </g>
      ))}
      {stages.map((s, i) => (
        <circle key={i} cx={x(s.at)} cy={Y} r={s.kind === 'produced' ? 3.5 : 4} fill={stageColors[s.kind]} stroke="var(--panel)" strokeWidth={1} data-stage={s.kind}>
          <title>
            {stageName(s.kind, !!life.amqp)}
            {s.where ? ` (${s.where})` : ''} at {formatTime(s.at)}, {formatDuration(s.at - t0)} after it was produced
          </title>
        </circle>
      ))}
      {life.lost && (
        <g transform={`translate(${lastX + 10} ${Y})`} stroke="var(--danger)" strokeWidth={2.2} strokeLinecap="round" data-stage="lost">
          <title>{life.amqp ? 'lost: no queue holds it any more' : 'lost: no log holds it any more'}</title>
          <line x1={-4} y1={-4} x2={4} y2={4} />
          <line x1={-4} y1={4} x2={4} y2={-4} />
        </g>
      )}
    </svg>
  );
}
