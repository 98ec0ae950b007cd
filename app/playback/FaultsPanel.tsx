/**
 * The fault timeline: every fault of the run in time order (applied ones with what the engine said, scheduled ones
 * still ahead, and ones only the next run will meet), and a form to schedule one more. Clicking an applied fault's
 * time goes there.
 */
import { lazy, Suspense, useMemo } from 'react';
import { clockText } from '../sim/faultLines.ts';
import { player, useLive } from '../sim/index.ts';
import { FaultForm } from './FaultForm.tsx';
import { faultMarks, type FaultMark } from './marks.ts';
import { openPartitionTool, usePartitionTool } from './partitionTool.ts';
import { injectNow } from './actions.ts';
import './FaultsPanel.css';

// The partition tool loads when it is first opened (issue 18 §1: out of the first load).
const PartitionTool = lazy(() => import('./PartitionTool.tsx').then((m) => ({ default: m.PartitionTool })));

const stateText: Record<FaultMark['state'], string> = {
  applied: 'applied',
  refused: 'refused',
  due: 'scheduled',
  'next-run': 'next run',
};

/**
 * A fault line with a place to wrap after each comma, so a split's side list (`Kafka/1,Kafka/2,Kafka/controller`)
 * wraps between hosts in the narrow column rather than inside a name ("K" / "afka/controller").
 */
function wrappable(line: string) {
  return line.split(/(?<=,)/).flatMap((part, i) => (i ? [<wbr key={i} />, part] : [part]));
}

export function FaultsPanel() {
  const faults = useLive((s) => s.frame?.faults);
  const pending = useLive((s) => s.frame?.pending);
  const timeUs = useLive((s) => s.frame?.timeUs ?? 0);
  const schedule = useLive((s) => s.schedule);
  const on = useLive((s) => s.status === 'playing' || s.status === 'paused');
  const splitting = usePartitionTool((s) => s.open);
  const marks = useMemo(() => faultMarks(faults ? { faults, timeUs, pending: pending ?? [] } : null, schedule), [faults, pending, timeUs, schedule]);
  return (
    <div className="faults">
      <div className="faults-list" data-testid="fault-list">
        {marks.length === 0 ? (
          <p className="faults-empty">
            No faults yet. Right-click a node or an edge on the canvas to break it now, split the network, or schedule
            a fault at a moment of the run.
          </p>
        ) : (
          <ol>
            {marks.map((m) => (
              <li key={`${m.atUs}:${m.text}`} className={`fault-row is-${m.state}`} data-testid="fault-row" data-state={m.state}>
                <button type="button" className="fault-time" title="Go to this moment" onClick={() => void player.seek(m.atUs)} disabled={m.state !== 'applied' && m.state !== 'refused'}>
                  {clockText(m.atUs)}
                </button>
                <span className="fault-what">
                  <code className="fault-text">{wrappable(m.text.replace(/^\S+\s+/, ''))}</code>
                  {m.note && <span className="fault-note">{m.note}</span>}
                </span>
                <span className={`fault-state is-${m.state}`}>{stateText[m.state]}</span>
                {(m.state === 'due' || m.state === 'next-run') && (
                  <button type="button" className="icon-button" aria-label={`Remove ${m.text}`} title="Remove from the schedule" onClick={() => player.unschedule(m.text)}>
                    ×
                  </button>
                )}
              </li>
            ))}
          </ol>
        )}
      </div>
      {splitting ? (
        <Suspense fallback={<div className="faults-side" aria-busy="true" />}>
          <PartitionTool />
        </Suspense>
      ) : (
        <div className="faults-side">
          <FaultForm />
          <div className="faults-network">
            <button type="button" className="bar-button" onClick={openPartitionTool} data-testid="open-partition-tool">
              Split the network…
            </button>
            <button type="button" className="bar-button" disabled={!on} onClick={() => void injectNow('heal')} data-testid="heal" title="End every split, cut, latency and loss">
              Heal the network
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
