/**
 * The event log's entries as a list of which only the rows in view exist in the page, so a refresh at full speed
 * costs a dozen rows of layout, not hundreds. A row is one line tall until its text needs more: a long line wraps
 * and is shown whole, its measured height kept (and forgotten when the list's width changes). It follows the newest
 * entries unless the learner scrolled up to read.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { LogEntry } from '../../../engine/index.ts';
import { LogRow } from './LogRow.tsx';
import { rowOffsets, visibleRange } from './window.ts';

/** A row of one line; rows not measured yet are taken to be this tall. */
const ROW_PX = 21;

interface Props {
  entries: LogEntry[];
  onNode: (host: string) => void;
  onMessage: (id: number) => void;
}

export function LogList({ entries, onNode, onMessage }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const [view, setView] = useState({ top: 0, height: 200 });
  const [follow, setFollow] = useState(true);
  /** Measured heights of rows taller than one line, by entry seq. */
  const [tall, setTall] = useState<ReadonlyMap<number, number>>(() => new Map());

  const offsets = useMemo(() => rowOffsets(entries.map((e) => tall.get(e.seq) ?? ROW_PX)), [entries, tall]);
  const total = offsets[offsets.length - 1]!;

  useEffect(() => {
    const el = box.current!;
    let width = el.clientWidth;
    const ro = new ResizeObserver(() => {
      if (el.clientWidth !== width) setTall(new Map()); // lines wrap differently now
      width = el.clientWidth;
      setView((v) => ({ ...v, height: el.clientHeight }));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  // Following: the newest entry stays at the bottom as entries arrive.
  useLayoutEffect(() => {
    const el = box.current;
    if (follow && el) el.scrollTop = total;
  }, [follow, total, entries]);
  const top = follow ? Math.max(0, total - view.height) : view.top;
  const { from, to } = visibleRange(offsets, top, view.height);
  // Rows drawn this time that are not one line tall (or no longer are) change the offsets once more.
  useLayoutEffect(() => {
    const ol = list.current;
    if (!ol) return;
    let next: Map<number, number> | null = null;
    for (const li of Array.from(ol.children) as HTMLElement[]) {
      const seq = Number(li.dataset.seq);
      const h = li.offsetHeight;
      if (h <= 0 || Math.abs(h - (tall.get(seq) ?? ROW_PX)) <= 0.5) continue;
      next ??= new Map(tall);
      if (h <= ROW_PX) next.delete(seq);
      else next.set(seq, h);
    }
    if (next) setTall(next);
  }, [entries, from, to, tall]);

  const onScroll = () => {
    const el = box.current!;
    setView((v) => ({ ...v, top: el.scrollTop, height: el.clientHeight }));
    setFollow(el.scrollHeight - el.scrollTop - el.clientHeight < ROW_PX);
  };

  return (
    <div className="log-wrap">
      <div className="log-list" ref={box} onScroll={onScroll}>
        {entries.length === 0 ? (
          <p className="log-none">Nothing matches yet.</p>
        ) : (
          <ol ref={list} style={{ height: total }}>
            {entries.slice(from, to).map((e, i) => (
              <LogRow key={e.seq} entry={e} top={offsets[from + i]!} onNode={onNode} onMessage={onMessage} />
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
