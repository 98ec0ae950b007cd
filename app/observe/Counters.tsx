/**
 * The checkers' counters, live: lost, duplicated and reordered messages, and checkouts. A counter above zero opens
 * the list of the messages behind it, with their life lines, and highlights them on the canvas.
 */
import { lazy, Suspense, useCallback, useMemo, useRef, useState } from 'react';
import { useLive } from '../sim/index.ts';
import { useHasBroker } from '../state/hasBroker.ts';
import { useApp } from '../state/store.ts';
import { entryRows, startedRows } from './entries.ts';
import type { FindingKind } from './findings/FindingsPopover.tsx';

// The list behind a counter (and the message stories it shows) loads on the first click (issue 18 §1).
const FindingsPopover = lazy(() => import('./findings/FindingsPopover.tsx').then((m) => ({ default: m.FindingsPopover })));
import { formatCount, formatPercent } from './format.ts';
import './observe.css';
import './Counters.css';

const LABELS: Record<FindingKind, string> = { lost: 'lost', missed: 'missed', duplicated: 'duplicated', reordered: 'reordered' };
/** The bar is narrow: the long words are in the tooltips. */
const SHORT: Record<FindingKind, string> = { lost: 'lost', missed: 'missed', duplicated: 'dup', reordered: 'reord' };

export function FindingCounter({ kind, open, onToggle }: { kind: FindingKind; open: boolean; onToggle: (k: FindingKind, el: HTMLElement) => void }) {
  const value = useLive((s) => s.frame?.counters[kind]);
  // Lost and missed are counted by the exact frame of a long seek, not by the nearest snapshot's shown before it.
  const pending = useLive((s) => (kind === 'lost' || kind === 'missed') && s.frame?.counters.lossPending === true);
  const ref = useRef<HTMLButtonElement>(null);
  const n = value ?? 0;
  return (
    <button
      ref={ref}
      type="button"
      className={`counter is-${kind}${n > 0 && !pending ? ' is-hot' : ''}${open ? ' is-open' : ''}`}
      disabled={value === undefined || pending}
      onClick={() => onToggle(kind, ref.current!)}
      aria-expanded={open}
      title={pending ? `${LABELS[kind]}: counted once the run reaches the moment asked for` : n > 0 ? `${formatCount(n)} ${LABELS[kind]}: show the messages` : `No ${LABELS[kind]} messages`}
      data-testid={`counter-${kind}`}
      data-pending={pending || undefined}
    >
      {/* The name is the words shown, completed for a screen reader ("0 dup" reads "0 duplicated"). */}
      <b>{value === undefined ? '–' : pending ? '…' : formatCount(n)}</b> {SHORT[kind]}
      <span className="sr-only">{LABELS[kind].slice(SHORT[kind].length)}</span>
    </button>
  );
}

/** Consumer-side loss takes room on the bar only once there is some: most runs never have any. */
function MissedCounter({ open, onToggle }: { open: boolean; onToggle: (k: FindingKind, el: HTMLElement) => void }) {
  const n = useLive((s) => s.frame?.counters.missed ?? 0);
  return n > 0 || open ? <FindingCounter kind="missed" open={open} onToggle={onToggle} /> : null;
}

function Checkouts() {
  const ok = useLive((s) => s.frame?.counters.checkoutsOk);
  const failed = useLive((s) => s.frame?.counters.checkoutsFailed);
  const entries = useLive((s) => s.frame?.entries);
  const topology = useApp((s) => s.good?.topology);
  const rows = useMemo(() => startedRows(entryRows(entries, topology)), [entries, topology]);
  if (ok === undefined || failed === undefined || ok + failed === 0) return null;
  // Several ways in: one share each, since a blended one hides a failing entry behind a healthy one.
  if (rows.length > 1) {
    return (
      <span className="counter-checkouts" data-testid="counter-checkouts">
        checkouts
        {rows.map((r) => (
          <span
            key={`${r.kind}:${r.node}>${r.to ?? ''}`}
            className={`counter-entry${r.failed > 0 ? ' has-failures' : ''}`}
            title={`Checkouts by ${r.long} since the start: ${formatCount(r.ok)} answered OK, ${formatCount(r.failed)} failed`}
            data-testid="counter-entry"
            data-entry={r.node}
          >
            {r.name} <b>{formatPercent(r.ok, r.ok + r.failed)}</b>
          </span>
        ))}
      </span>
    );
  }
  return (
    <span
      className={`counter-checkouts${failed > 0 ? ' has-failures' : ''}`}
      title={`Checkouts since the start: ${formatCount(ok)} answered OK, ${formatCount(failed)} failed`}
      data-testid="counter-checkouts"
    >
      checkouts <b>{formatPercent(ok, ok + failed)}</b>
    </span>
  );
}

export function Counters() {
  const [open, setOpen] = useState<FindingKind | null>(null);
  const anchor = useRef<HTMLElement | null>(null);
  const count = useLive((s) => (open ? (s.frame?.counters[open] ?? 0) : 0));
  const onToggle = useCallback((k: FindingKind, el: HTMLElement) => {
    anchor.current = el;
    setOpen((o) => (o === k ? null : k));
  }, []);
  const onClose = useCallback(() => setOpen(null), []);
  // The checkers count broker messages: a design with no Kafka or RabbitMQ has none to lose, so no zeros to show.
  const brokered = useHasBroker();
  return (
    <div className="counters" data-testid="counters">
      {brokered && (
        <>
          <FindingCounter kind="lost" open={open === 'lost'} onToggle={onToggle} />
          <MissedCounter open={open === 'missed'} onToggle={onToggle} />
          <FindingCounter kind="duplicated" open={open === 'duplicated'} onToggle={onToggle} />
          <FindingCounter kind="reordered" open={open === 'reordered'} onToggle={onToggle} />
        </>
      )}
      <Checkouts />
      {open && (
        <Suspense fallback={null}>
          <FindingsPopover key={open} kind={open} count={count} anchor={anchor} onClose={onClose} />
        </Suspense>
      )}
    </div>
  );
}
