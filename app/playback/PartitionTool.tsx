/**
 * The partition tool, in the fault dock while it is open (so the whole canvas stays clickable): put hosts on side A
 * or B (here, or by clicking nodes on the canvas), then split the network now or schedule the split.
 */
import { useMemo, useState } from 'react';
import { timeToken } from '../sim/faultLines.ts';
import { player, useLive } from '../sim/index.ts';
import { useApp } from '../state/store.ts';
import { injectNow } from './actions.ts';
import { closePartitionTool, setSide, splitLine, usePartitionTool, type Side } from './partitionTool.ts';
import { faultTargets } from './targets.ts';
import './PartitionTool.css';

export function PartitionTool() {
  const sides = usePartitionTool((s) => s.sides);
  const topology = useApp((s) => s.good?.topology);
  const hosts = useMemo(() => (topology ? faultTargets(topology, null).filter((h) => !h.startsWith('leader:')) : []), [topology]);
  const nowS = useLive((s) => Math.ceil((s.frame?.timeUs ?? 0) / 1e6));
  const [at, setAt] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const line = splitLine(sides);

  const splitNow = async () => {
    if (!line) return;
    const r = await injectNow(line);
    if (r.ok) closePartitionTool();
    else setNote(r.note);
  };
  const schedule = () => {
    if (!line) return;
    const r = player.schedule(`${at.trim() || timeToken((nowS + 5) * 1e6)} ${line}`);
    if (r.ok) closePartitionTool();
    else setNote(r.note);
  };

  return (
    <div className="partition-tool" role="dialog" aria-label="Split the network" data-testid="partition-tool">
      <header>
        <strong>Split the network</strong>
        <button type="button" className="icon-button" aria-label="Close" onClick={closePartitionTool}>
          ×
        </button>
      </header>
      <p className="muted small">Click nodes on the canvas, or choose here. Hosts on neither side still reach both.</p>
      <ul className="partition-hosts">
        {hosts.map((h) => (
          <li key={h}>
            <code>{h}</code>
            <SidePicker host={h} side={sides[h] ?? null} />
          </li>
        ))}
      </ul>
      <p className="partition-line" data-testid="partition-line">
        {note ? <span className="is-error">{note}</span> : line ? <code>{line}</code> : 'Put at least one host on each side.'}
      </p>
      <footer>
        <button type="button" className="primary-button" disabled={!line} onClick={() => void splitNow()} data-testid="split-now">
          Split now
        </button>
        <span className="partition-or">or at</span>
        <input className="field is-mono" value={at} placeholder={timeToken((nowS + 5) * 1e6)} aria-label="Split at" data-testid="split-at" onChange={(e) => setAt(e.target.value)} />
        <button type="button" className="bar-button" disabled={!line} onClick={schedule} data-testid="split-schedule">
          Schedule
        </button>
      </footer>
    </div>
  );
}

function SidePicker({ host, side }: { host: string; side: Side | null }) {
  const choices: [Side | null, string][] = [
    ['a', 'A'],
    [null, '–'],
    ['b', 'B'],
  ];
  return (
    <span className="side-picker" role="radiogroup" aria-label={`Side of ${host}`}>
      {choices.map(([value, label]) => (
        <button
          key={label}
          type="button"
          role="radio"
          aria-checked={side === value}
          className={`side-choice${side === value ? ` is-on${value ? ` is-${value}` : ''}` : ''}`}
          data-testid={`side-${host}-${value ?? 'none'}`}
          onClick={() => setSide(host, value)}
        >
          {label}
        </button>
      ))}
    </span>
  );
}
