/**
 * One message behind a counter: who it is, its life line, and one sentence of what happened to it (for a reordered
 * one, which later message overtook it), with a link to its story in the trace.
 */
import { memo } from 'react';
import type { Finding } from '../../../engine/index.ts';
import { formatTime } from '../format.ts';
import { LifeLine } from '../life/LifeLine.tsx';
import { lifeSummary } from '../life/stages.ts';

interface Props {
  life: Finding;
  focused: boolean;
  onFocus: (id: number) => void;
  onTrace: (id: number) => void;
}

export const FindingRow = memo(function FindingRow({ life, focused, onFocus, onTrace }: Props) {
  const offset = life.offset ?? life.formerOffset;
  return (
    <li className={`finding${focused ? ' is-focused' : ''}`} data-testid="finding" data-message={life.id}>
      <button type="button" className="finding-who" onClick={() => onFocus(life.id)} title="Highlight only this message on the canvas">
        <span className="finding-id">#{life.id}</span>
        <span className="finding-key">{life.key ?? 'no key'}</span>
        <span className="finding-where">
          {life.partition}
          {offset !== undefined && offset !== null ? ` @${offset}` : ''} · {formatTime(life.producedAt)}
        </span>
      </button>
      <LifeLine life={life} />
      <button type="button" className="link-button finding-trace" onClick={() => onTrace(life.id)} data-testid="finding-trace">
        trace
      </button>
      {life.overtakenBy && (
        <p className="finding-overtaken" data-testid="finding-overtaken">
          Overtaken by{' '}
          <button type="button" className="link-button" onClick={() => onTrace(life.overtakenBy!.message)} title="Its story in the trace" data-testid="finding-overtaker">
            #{life.overtakenBy.message}
          </button>
          , sent after {life.overtakenBy.retryOf !== undefined ? `#${life.overtakenBy.retryOf} (this is its copy on a retry topic: reordered by retry)` : 'it'} with the same key and processed before it by {life.overtakenBy.group}.
        </p>
      )}
      <p className="finding-summary">{lifeSummary(life)}</p>
    </li>
  );
});
