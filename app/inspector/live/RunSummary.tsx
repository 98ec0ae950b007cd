/**
 * With nothing selected during a run, the inspector sums the run up: messages through each stage, what the history
 * checkers found (lost, duplicated, reordered) and how checkouts fared, per entry point when there are several.
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { successRate } from '../../canvas/live/format.ts';
import { clockText } from '../../sim/faultLines.ts';
import { useLive } from '../../sim/index.ts';
import { entryRows, startedRows } from '../../observe/entries.ts';
import { useHasBroker } from '../../state/hasBroker.ts';
import { useApp } from '../../state/store.ts';
import './live.css';

export function RunSummary() {
  const c = useLive(useShallow((s) => s.view?.counters));
  const timeUs = useLive((s) => s.view?.timeUs ?? 0);
  const entries = useLive((s) => s.view?.entries);
  const topology = useApp((s) => s.good?.topology);
  const entryList = useMemo(() => startedRows(entryRows(entries, topology)), [entries, topology]);
  // Without a broker nothing is produced or delivered: rows of zeros would say the design did nothing.
  const brokered = useHasBroker();
  if (!c) return null;
  const conceptsOnly = !!topology && topology.nodes.length > 0 && topology.nodes.every((n) => n.kind === 'note' || n.kind === 'event') && !brokered;
  const count = (n: number) => n.toLocaleString('en');
  // A long seek's first frame leaves the loss count to its exact frame (counters.lossPending).
  const rows: [string, string, string][] = [
    ['produced', count(c.produced), ''],
    ['acknowledged', count(c.acknowledged), ''],
    ['processed', count(c.processed), ''],
    c.lossPending ? ['lost', '…', ''] : ['lost', count(c.lost), c.lost > 0 ? 'is-bad' : ''],
    ['duplicated', count(c.duplicated), c.duplicated > 0 ? 'is-warn' : ''],
    ['reordered', count(c.reordered), c.reordered > 0 ? 'is-warn' : ''],
  ];
  return (
    <section className="live-inspector" data-testid="run-summary">
      <label className="section-label">The run at {clockText(timeUs)}</label>
      {conceptsOnly ? (
        <p className="live-note" data-testid="run-nothing">
          Nothing to simulate: this diagram draws concepts, not components. Add a service, a broker or a store to run it.
        </p>
      ) : !brokered && (
        <p className="live-note" data-testid="run-no-broker">
          No Kafka or RabbitMQ in this design, so no broker messages to count: select a store, a projection or a service for
          its own figures.
        </p>
      )}
      <dl className="live-facts">
        {brokered && rows.map(([name, shown, tone]) => (
          <div key={name} className="live-fact-row">
            <dt>{name}</dt>
            <dd className={tone} data-testid={`run-${name}`}>
              {shown}
            </dd>
          </div>
        ))}
        {!conceptsOnly && (
          <>
            <dt>checkouts</dt>
            <dd className={c.checkoutsFailed > 0 ? 'is-warn' : ''} data-testid="run-checkouts">
              {successRate(c.checkoutsOk, c.checkoutsFailed)} of {(c.checkoutsOk + c.checkoutsFailed).toLocaleString('en')} ok
            </dd>
          </>
        )}
        {entryList.length > 1 &&
          entryList.map((r) => (
            <dd key={`${r.kind}:${r.node}>${r.to ?? ''}`} className="live-fact-sub" data-testid="run-entry" data-entry={r.node}>
              {r.long}: <span className={r.failed > 0 ? 'is-warn' : ''}>{successRate(r.ok, r.failed)}</span> of {(r.ok + r.failed).toLocaleString('en')} ok
            </dd>
          ))}
      </dl>
    </section>
  );
}
