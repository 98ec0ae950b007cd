/**
 * The event log's entries as a list of fixed-height rows of which only those in view exist in the page, so a refresh
 * at full speed costs a dozen rows of layout, not hundreds. It follows the newest entries unless the learner scrolled
 * up to read.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { LogEntry } from '../../../engine/index.ts';
import { LogRow } from './LogRow.tsx';
import { visibleRows } from './window.ts';

const ROW_PX = 21;

interface Props {
  entries: LogEntry[];
  onNode: (host: string) => void;
  onMessage: (id: number) => void;
}

export function LogList({ entries, onNode, onMessage }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 200 });
  const [follow, setFollow] = useState(true);
  const total = entries.length * ROW_PX;

  useEffect(() => {
    const el = box.current!;
    const ro = new ResizeObserver(() => setView((v) => ({ ...v, height: el.clientHeight })));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  // Following: the newest entry stays at the bottom as entries arrive.
  useLayoutEffect(() => {
    const el = box.current;
    if (follow && el) el.scrollTop = total;
  }, [follow, total, entries]);

  const top = follow ? Math.max(0, total - view.height) : view.top;
  const { from, to } = visibleRows(entries.length, top, view.height, ROW_PX);
  const onScroll = () => {
    const el = box.current!;
    setView({ top: el.scrollTop, height: el.clientHeight });
    setFollow(el.scrollHeight - el.scrollTop - el.clientHeight < ROW_PX);
  };

  return (
    <div className="log-wrap">
      <div className="log-list" ref={box} onScroll={onScroll}>
        {entries.length === 0 ? (
          <p className="log-none">Nothing matches yet.</p>
        ) : (
          <ol style={{ height: total }}>
            {entries.slice(from, to).map((e, i) => (
              <LogRow key={e.seq} entry={e} top={(from + i) * ROW_PX} onNode={onNode} onMessage={onMessage} />
            ))}
          </ol>
        )}
      </div>
      {!follow && (
        <button type="button" className="log-follow chip" onClick={() => setFollow(true)} data-testid="log-follow">
          ↓ newest
        </button>
      )}
    </div>
  );
}
