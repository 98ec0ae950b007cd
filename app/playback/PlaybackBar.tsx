/**
 * The playback bar under the canvas: play and pause (Space), step back, step one event, step to the next message
 * hop (and, after a step, what it did), the simulated clock, speed on a log scale, the seed and reset; below it the
 * timeline to scrub. The counters
 * (lost, duplicated, reordered, checkouts) sit at its right end.
 */
import { useState } from 'react';
import { Counters } from '../observe/index.ts';
import { clockText } from '../sim/faultLines.ts';
import { liveStore, useLive } from '../sim/index.ts';
import { SPEEDS } from '../sim/player.ts';
import { resetRun, stepBack, stepRun, togglePlay } from './actions.ts';
import { BackIcon, HopIcon, PauseIcon, PlayIcon, ResetIcon, StepIcon } from './icons.tsx';
import { FindFailureButton } from '../search/FindFailureButton.tsx';
import { Scrubber } from './Scrubber.tsx';
import { stepHeadline } from './stepNote.ts';
import { TextChanged } from './TextChanged.tsx';
import { player } from '../sim/index.ts';
import './PlaybackBar.css';

export function PlaybackBar() {
  const status = useLive((s) => s.status);
  const playing = status === 'playing';
  const on = playing || status === 'paused';
  return (
    <section className="playback" aria-label="Playback" data-testid="playback">
      <TextChanged />
      <div className="playback-row">
        <button
          type="button"
          className={`play-button${playing ? ' is-playing' : ''}`}
          onClick={() => void togglePlay()}
          disabled={status === 'starting'}
          title={playing ? 'Pause (Space)' : 'Play (Space)'}
          aria-label={playing ? 'Pause' : 'Play'}
          data-testid="play"
        >
          {playing ? <PauseIcon /> : <PlayIcon />}
        </button>
        <button type="button" className="bar-button icon-only" onClick={() => void stepBack()} disabled={!on} title="Step back one second" aria-label="Step back" data-testid="step-back">
          <BackIcon />
        </button>
        <button type="button" className="bar-button icon-only" onClick={() => void stepRun('event')} title="Step one event" aria-label="Step one event" data-testid="step-event">
          <StepIcon />
        </button>
        <button type="button" className="bar-button icon-only" onClick={() => void stepRun('hop')} title="Step to the next message hop" aria-label="Step to the next hop" data-testid="step-hop">
          <HopIcon />
        </button>
        <Clock />
        <Speed />
        <Seed />
        <button type="button" className="bar-button" onClick={() => void resetRun()} title="Start over from 0 s with the current text, seed and fault schedule" data-testid="reset">
          <ResetIcon /> Reset
        </button>
        <FindFailureButton />
        <span className="playback-spacer" />
        <Counters />
      </div>
      <RunNotes />
      <StepNote />
      <Scrubber />
    </section>
  );
}

/** What the engine noted about the topology when the run started (e.g. nodes it draws but does not simulate). */
function RunNotes() {
  const warnings = useLive((s) => s.warnings);
  const on = useLive((s) => s.status === 'playing' || s.status === 'paused');
  if (!on || warnings.length === 0) return null;
  return (
    <ul className="playback-notes" aria-label="Notes on this run" data-testid="run-notes">
      {warnings.map((w, i) => (
        <li key={i} className={`is-${w.severity}`} title={w.message}>
          <span className="playback-note-where">line {w.line}</span> {w.message}
        </li>
      ))}
    </ul>
  );
}

/** What the last step did: the events it ran, and the event log's lines for them. */
function StepNote() {
  const report = useLive((s) => s.stepped);
  if (!report) return null;
  return (
    <div className="playback-step" role="status" data-testid="step-note">
      <span className="playback-step-head">{stepHeadline(report)}</span>
      {report.entries.length === 0 ? (
        <span className="playback-step-quiet"> Nothing the event log records.</span>
      ) : (
        <ul className="playback-step-lines">
          {report.more > 0 && <li className="playback-step-more">… {report.more.toLocaleString('en')} earlier lines in the event log</li>}
          {report.entries.map((e) => (
            <li key={e.seq} data-testid="step-line" title={e.text}>
              {e.node && !e.text.startsWith(e.node) && <span className="playback-step-node">{e.node} </span>}
              {e.text}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Clock() {
  const timeUs = useLive((s) => s.frame?.timeUs ?? 0);
  const events = useLive((s) => s.frame?.events ?? 0);
  const status = useLive((s) => s.status);
  const error = useLive((s) => s.error);
  const replayingTo = useLive((s) => s.replayingTo);
  if (status === 'error') {
    return (
      <span className="playback-error" role="alert" data-testid="playback-error" title={error ?? ''}>
        {error}
      </span>
    );
  }
  return (
    <span className="playback-clock" title={`${events.toLocaleString('en')} events simulated`}>
      <span className="playback-time" data-testid="sim-time">
        {clockText(timeUs)}
      </span>
      {replayingTo !== null && (
        <span className="playback-hint" role="status" data-testid="sim-replaying" title="Showing the nearest snapshot before that moment while the run is replayed to it">
          replaying to {clockText(replayingTo)}…
        </span>
      )}
      {status === 'off' && <span className="playback-hint">press play to simulate</span>}
    </span>
  );
}

const speedText = (s: number) => (Number.isFinite(s) ? `${s}×` : 'max');

function Speed() {
  const speed = useLive((s) => s.speed);
  const index = Math.max(0, SPEEDS.indexOf(speed));
  return (
    <label className="playback-speed" title="Simulated seconds per second (max: as fast as this machine allows)">
      <input
        type="range"
        min={0}
        max={SPEEDS.length - 1}
        step={1}
        value={index}
        aria-label="Speed"
        aria-valuetext={speedText(speed)}
        data-testid="speed"
        onChange={(e) => player.setSpeed(SPEEDS[Number(e.target.value)] ?? 1)}
      />
      <span className="playback-speed-value" data-testid="speed-value">
        {speedText(speed)}
      </span>
    </label>
  );
}

/** The run's seed: a new one (Enter or leaving the field) starts the run over with it. */
function Seed() {
  const seed = useLive((s) => s.seed);
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    const n = Math.trunc(Number(draft));
    setDraft(null);
    if (draft === null || !Number.isFinite(n) || n === seed) return;
    liveStore.setState({ seed: n });
    if (liveStore.getState().status !== 'off') void resetRun();
  };
  return (
    <label className="playback-seed" title="The seed of every random draw: the same seed, text and faults give the same run">
      seed
      <input
        className="field is-mono"
        inputMode="numeric"
        value={draft ?? String(seed)}
        data-testid="seed"
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
          if (e.key === 'Escape') setDraft(null);
        }}
      />
    </label>
  );
}
