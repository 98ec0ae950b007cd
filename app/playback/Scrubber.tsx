/**
 * The run's timeline: drag or click to go back to any earlier moment (up to the head, the furthest point simulated),
 * with the faults marked where they happened or will. Seeks are latest-wins, so dragging never queues up replays.
 */
import { useMemo, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { latestWins } from '../engine/latestWins.ts';
import { clockText, shortTime } from '../sim/faultLines.ts';
import { player, useLive } from '../sim/index.ts';
import { faultMarks } from './marks.ts';

/** The moment asked for last: a seek whose target is no longer it stops at the nearest snapshot (player.seek). */
let target = 0;
const seekLatestWins = latestWins((t: number) => player.seek(t, () => target !== t));
const seekLatest = (t: number) => {
  target = t;
  return seekLatestWins(t);
};

/** The shortest timeline drawn: a fresh run is not a full-width bar after one second. */
const MIN_SPAN_US = 10_000_000;

export function Scrubber() {
  const track = useRef<HTMLDivElement>(null);
  const { timeUs, headUs, on } = useLive(
    useShallow((s) => ({ timeUs: s.frame?.timeUs ?? 0, headUs: s.frame?.headUs ?? 0, on: s.status === 'playing' || s.status === 'paused' })),
  );
  const faults = useLive((s) => s.frame?.faults);
  const pending = useLive((s) => s.frame?.pending);
  const schedule = useLive((s) => s.schedule);
  const replayingTo = useLive((s) => s.replayingTo);
  const marks = useMemo(() => faultMarks(faults ? { faults, timeUs, pending: pending ?? [] } : null, schedule), [faults, pending, schedule, timeUs]);
  const lastMark = marks.reduce((m, x) => Math.max(m, x.atUs), 0);
  const span = Math.max(MIN_SPAN_US, headUs, lastMark * 1.08);
  const pct = (us: number) => `${Math.min(100, (us / span) * 100)}%`;

  const timeAt = (clientX: number) => {
    const r = track.current!.getBoundingClientRect();
    return Math.round(Math.min(headUs, Math.max(0, ((clientX - r.left) / r.width) * span)));
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (!on) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    void seekLatest(timeAt(e.clientX));
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (e.currentTarget.hasPointerCapture(e.pointerId)) void seekLatest(timeAt(e.clientX));
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const to = { ArrowLeft: timeUs - 1e6, ArrowRight: timeUs + 1e6, Home: 0, End: headUs }[e.key];
    if (to === undefined || !on) return;
    e.preventDefault();
    void seekLatest(Math.min(headUs, Math.max(0, to)));
  };

  return (
    <div className="scrubber" data-testid="scrubber">
      <span className="scrubber-edge">0s</span>
      <div
        ref={track}
        className={`scrubber-track${on ? '' : ' is-off'}`}
        role="slider"
        tabIndex={on ? 0 : -1}
        aria-label="Simulated time"
        aria-valuemin={0}
        aria-valuemax={headUs}
        aria-valuenow={timeUs}
        aria-valuetext={clockText(timeUs)}
        data-testid="scrubber-track"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onKeyDown={onKeyDown}
      >
        <div className="scrubber-rail" />
        <div className="scrubber-head" style={{ width: pct(headUs) }} title={`simulated up to ${clockText(headUs)}`} />
        <div className="scrubber-now" style={{ width: pct(timeUs) }} />
        {marks.map((m) => (
          <span
            key={`${m.atUs}:${m.text}`}
            className={`scrubber-mark is-${m.state}`}
            style={{ left: pct(m.atUs) }}
            title={`${m.text}${m.note ? ` · ${m.note}` : m.state === 'next-run' ? ' · from the next run' : ' · scheduled'}`}
            data-testid="fault-mark"
            data-state={m.state}
          />
        ))}
        {replayingTo !== null && <div className="scrubber-target" style={{ left: pct(replayingTo) }} title={`replaying to ${clockText(replayingTo)}`} data-testid="scrubber-target" />}
        <div className="scrubber-thumb" style={{ left: pct(timeUs) }} />
      </div>
      <span className="scrubber-edge" data-testid="sim-head">
        {shortTime(span)}
      </span>
    </div>
  );
}
