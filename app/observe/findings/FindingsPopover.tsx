/**
 * The messages behind a counter (lost, duplicated or reordered), each with its life line, highlighted on the canvas
 * while the list is open. It stays current while the simulation plays.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { MessageLife } from '../../../engine/index.ts';
import { engine } from '../../engine/client.ts';
import { formatCount } from '../format.ts';
import { everyStage, stageColors, stageOrder } from '../life/stageColors.ts';
import { lifeStages, stageName, type StageKind } from '../life/stages.ts';
import { highlightLives, openTrace } from '../observeStore.ts';
import { placeAgainst } from '../../shell/popover.ts';
import { useLiveQuery } from '../useLiveQuery.ts';
import { FindingRow } from './FindingRow.tsx';

export type FindingKind = 'lost' | 'missed' | 'duplicated' | 'reordered';

const TITLES: Record<FindingKind, [string, string]> = {
  lost: ['Lost messages', 'acknowledged to their producer, yet no log or queue holds them'],
  missed: ['Missed messages', 'kept by the broker, yet a group that reads them will never process them: its committed offset passed them, auto.offset.reset=latest skipped them, or retention deleted them unread'],
  duplicated: ['Duplicated messages', 'processed more than once by the same group'],
  reordered: ['Reordered messages', 'processed after a later message of the same key'],
};

const LIMIT = 50;
const WIDTH = 620;

interface Props {
  kind: FindingKind;
  count: number;
  anchor: RefObject<HTMLElement | null>;
  onClose: () => void;
}

export function FindingsPopover({ kind, count, anchor, onClose }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [focus, setFocus] = useState<number | null>(null);
  const { data: lives, pending } = useLiveQuery(() => engine.sim.findings(kind, LIMIT), [kind], 1000);

  // Placed against the counter, on whichever side has more room (the counters usually sit low on the screen).
  useLayoutEffect(() => {
    const r = anchor.current?.getBoundingClientRect();
    if (r && box.current) placeAgainst(box.current, r, WIDTH, 520);
  }, [anchor]);

  useEffect(() => {
    const shown = (lives ?? []).filter((l) => focus === null || l.id === focus);
    highlightLives(shown.length > 0 ? `${kind}${focus !== null ? ` #${focus}` : ''}` : null, shown);
  }, [lives, focus, kind]);
  useEffect(() => () => highlightLives(null, []), []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    const onDown = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!box.current?.contains(t) && !anchor.current?.contains(t)) onClose();
    };
    addEventListener('keydown', onKey);
    addEventListener('pointerdown', onDown);
    return () => {
      removeEventListener('keydown', onKey);
      removeEventListener('pointerdown', onDown);
    };
  }, [onClose, anchor]);

  const onFocus = useCallback((id: number) => setFocus((f) => (f === id ? null : id)), []);
  const onTrace = useCallback((id: number) => openTrace({ kind: 'message', id }), []);
  const [title, what] = TITLES[kind];
  const legend = useMemo(() => stageLegend(lives ?? []), [lives]);

  return (
    <div
      ref={box}
      className="findings"
      role="dialog"
      aria-label={title}
      data-testid={`findings-${kind}`}
      style={{ width: WIDTH }}
    >
      <header className="findings-head">
        <div>
          <h3>
            {formatCount(count)} {title.toLowerCase()}
          </h3>
          <p>
            {what}
            {count > LIMIT ? ` · the first ${LIMIT} shown` : ''}
          </p>
        </div>
        <button type="button" className="bar-button icon-only" onClick={onClose} aria-label="Close" data-testid="findings-close">
          ✕
        </button>
      </header>
      <div className="findings-legend" aria-hidden>
        {legend.map(([k, name]) => (
          <span key={k}>
            <i style={{ background: stageColors[k] }} />
            {name}
          </span>
        ))}
      </div>
      {pending && !lives ? (
        <p className="findings-note">Reading the history…</p>
      ) : lives && lives.length > 0 ? (
        <ol className="findings-list">
          {lives.map((l) => (
            <FindingRow key={l.id} life={l} focused={focus === l.id} onFocus={onFocus} onTrace={onTrace} />
          ))}
        </ol>
      ) : (
        <p className="findings-note">None at this moment of the run.</p>
      )}
    </div>
  );
}

/** The stages the listed lives have, named as their family says them (Kafka's stages before any is read). */
function stageLegend(lives: readonly MessageLife[]): [StageKind, string][] {
  if (lives.length === 0) return stageOrder.map((k) => [k, k]);
  const seen = new Set(lives.flatMap((l) => lifeStages(l).map((s) => s.kind)));
  const amqp = lives.every((l) => l.amqp);
  return everyStage.filter((k) => seen.has(k)).map((k) => [k, stageName(k, amqp)]);
}
