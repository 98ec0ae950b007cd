/**
 * A partition's log as a strip of offsets, from the log start to the log end: its segments, the high watermark
 * (records past it are not yet committed, hatched), and where each consumer group has committed to.
 */
import type { PartitionDetail } from '../../../engine/index.ts';

const W = 268;
const STRIP_Y = 16;
const STRIP_H = 22;
/** Colours for the groups' markers, in order. */
const GROUP_COLORS = ['var(--violet)', 'var(--pink)', 'var(--cyan)', 'var(--lime)', 'var(--orange)'];

export function groupColor(i: number): string {
  return GROUP_COLORS[i % GROUP_COLORS.length]!;
}

export function LogStrip({ detail }: { detail: PartitionDetail }) {
  const { logStart, logEnd, highWatermark } = detail.partition;
  const span = Math.max(1, logEnd - logStart);
  const x = (offset: number) => ((Math.min(logEnd, Math.max(logStart, offset)) - logStart) / span) * W;
  const hw = x(highWatermark);
  return (
    <svg className="log-strip" viewBox={`-6 0 ${W + 12} 64`} width="100%" role="img" aria-label={`log from ${logStart} to ${logEnd}, high watermark ${highWatermark}`} data-testid="log-strip">
      <defs>
        <pattern id="log-uncommitted" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="var(--warn-bg)" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="var(--amber-mid)" strokeWidth="2" />
        </pattern>
      </defs>
      {detail.segments.map((s, i) => (
        <rect
          key={s.baseOffset}
          x={x(s.baseOffset)}
          y={STRIP_Y}
          width={Math.max(1, x(s.nextOffset) - x(s.baseOffset))}
          height={STRIP_H}
          className={`log-segment${i % 2 ? ' is-odd' : ''}${s.active ? ' is-active' : ''}`}
        >
          <title>{`segment from ${s.baseOffset}: ${s.records} records, ${s.bytes} bytes${s.active ? ' (active)' : ''}`}</title>
        </rect>
      ))}
      {highWatermark < logEnd && (
        <rect x={hw} y={STRIP_Y} width={W - hw} height={STRIP_H} fill="url(#log-uncommitted)">
          <title>{`${logEnd - highWatermark} records past the high watermark: not yet on every in-sync replica`}</title>
        </rect>
      )}
      <line x1={hw} x2={hw} y1={STRIP_Y - 4} y2={STRIP_Y + STRIP_H + 4} className="log-hw" />
      <text x={0} y={STRIP_Y + STRIP_H + 16} className="log-label">
        {logStart}
      </text>
      <text x={W} y={STRIP_Y + STRIP_H + 16} className="log-label" textAnchor="end" data-testid="log-hw">
        <tspan className="is-hw">HW {highWatermark}</tspan> · end {logEnd}
      </text>
      {detail.groups.map((g, i) =>
        g.committed < 0 ? null : (
        <path key={g.group} d={`M${x(g.committed)},${STRIP_Y - 1} l-5,-9 h10 z`} fill={groupColor(i)}>
          <title>{`${g.group} committed ${g.committed} (lag ${g.lag})`}</title>
        </path>
        ),
      )}
    </svg>
  );
}
