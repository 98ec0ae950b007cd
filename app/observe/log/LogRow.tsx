/** One entry of the event log, on one line: when, what kind, where (a link to the node), what, and its message. */
import { memo } from 'react';
import type { LogEntry } from '../../../engine/index.ts';
import { formatTime } from '../format.ts';
import { familyOf, kindWords } from './logKinds.ts';

interface Props {
  entry: LogEntry;
  /** Its place in the list, in pixels (rows are laid out by the list, out of flow). */
  top: number;
  onNode: (host: string) => void;
  onMessage: (id: number) => void;
}

export const LogRow = memo(function LogRow({ entry, top, onNode, onMessage }: Props) {
  const family = familyOf(entry.kind);
  return (
    <li className="log-row" style={{ top }} data-testid="log-entry" data-kind={entry.kind} data-seq={entry.seq}>
      <span className="log-time">{formatTime(entry.timeUs)}</span>
      <span className="log-kind" style={{ color: family.color, borderColor: family.color }} title={family.hint}>
        {kindWords(entry.kind)}
      </span>
      {entry.node ? (
        <button type="button" className="link-button log-node" onClick={() => onNode(entry.node)} title={`Select ${entry.node} on the canvas`} data-testid="log-node">
          {entry.node}
        </button>
      ) : (
        <span className="log-node" />
      )}
      <span className="log-text">{entry.text}</span>
      {entry.message !== undefined ? (
        <button type="button" className="link-button is-mono log-message" onClick={() => onMessage(entry.message!)} title="Show this message's story in the trace" data-testid="log-message">
          #{entry.message}
        </button>
      ) : (
        <span />
      )}
    </li>
  );
});
