/**
 * A/B: variant A is the workspace's text, variant B a copy the learner edits here. Both run in the worker under the
 * same seed and fault schedule to the same time; their checker findings and metrics sit side by side, differences
 * emphasised, and their throughput and latency are overlaid.
 */
import { useMemo } from 'react';
import { useLive } from '../sim/index.ts';
import { useApp } from '../state/store.ts';
import { CompareCharts, VARIANT_COLORS } from './compare/CompareCharts.tsx';
import { changedLines, compareRows } from './compare/compareRows.ts';
import { CompareSearch } from './compare/CompareSearch.tsx';
import { compareStore, faultLines, runCompare, useCompare } from './compare/compareStore.ts';
import { CompareTable } from './compare/CompareTable.tsx';
import { bothRunning } from './compare/searchBoth.ts';
import { swapVariants } from './compare/searchBothRun.ts';
import { VariantEditor } from './compare/VariantEditor.tsx';
import { faultSeconds } from './faultLabel.ts';
import { formatDuration } from './format.ts';
import './observe.css';
import './ComparePanel.css';

const DURATIONS: [number, string][] = [
  [10, '10 s'],
  [30, '30 s'],
  [60, '1 min'],
  [120, '2 min'],
  [300, '5 min'],
];

/** The live run's fault lines: those applied so far (injected ones included), and the scheduled ones still to come. */
function useLiveFaults(): string {
  const schedule = useLive((s) => s.schedule);
  const applied = useLive((s) => s.frame?.faults.map((f) => f.text).join('\n') ?? '');
  const nowS = useLive((s) => Math.floor((s.frame?.timeUs ?? -1e6) / 1e6));
  return useMemo(() => {
    const later = schedule.filter((l) => (faultSeconds(l) ?? 0) > nowS);
    return [...(applied ? applied.split('\n') : []), ...later].join('; ');
  }, [schedule, applied, nowS]);
}

export function ComparePanel() {
  const a = useApp((s) => s.good?.text ?? null);
  const stored = useCompare((s) => s.b);
  const b = stored ?? a ?? '';
  const liveFaults = useLiveFaults();
  const faultsText = useCompare((s) => s.faults) ?? liveFaults;
  const untilS = useCompare((s) => s.untilS);
  const running = useCompare((s) => s.running);
  const error = useCompare((s) => s.error);
  const result = useCompare((s) => s.result);
  const search = useCompare((s) => s.search);
  const seed = useLive((s) => s.seed);
  const diff = useMemo(() => (a === null ? null : changedLines(a, b)), [a, b]);
  const rows = useMemo(() => (result ? compareRows(result.a, result.b) : []), [result]);

  const input = a === null ? null : { a, b, seed, faults: faultLines(faultsText), untilUs: untilS * 1_000_000 };
  const stale = result !== null && input !== null && JSON.stringify(result.input) !== JSON.stringify(input);

  if (a === null) return <div className="observe-empty">The text has errors: A/B needs a topology that parses.</div>;
  return (
    <div className="compare" data-testid="compare-panel">
      <section className="compare-input">
        <header className="compare-head">
          <span>
            <b style={{ color: VARIANT_COLORS.b }}>B</b> <span className="muted">a copy of A to change</span>
          </span>
          <span className="compare-head-actions">
            <button
              type="button"
              className="chip"
              onClick={swapVariants}
              disabled={stored === null || stored === a || bothRunning(search)}
              title="Put B's text in the editor and A's text here as B (one undoable edit)"
              data-testid="compare-swap"
            >
              swap
            </button>
            <button type="button" className="chip" onClick={() => compareStore.setState({ b: null })} disabled={stored === null || stored === a} data-testid="compare-reset">
              same as A
            </button>
          </span>
        </header>
        <VariantEditor value={b} onChange={(text) => compareStore.setState({ b: text })} />
        <p className="compare-diff" data-testid="compare-diff">
          {diff && diff.added.length + diff.removed.length > 0 ? (
            <>
              {diff.removed.map((l, i) => (
                <code key={`r${i}`} className="is-removed">
                  − {l}
                </code>
              ))}
              {diff.added.map((l, i) => (
                <code key={`a${i}`} className="is-added">
                  + {l}
                </code>
              ))}
            </>
          ) : (
            <span className="muted">B is the same as A: change a setting to compare.</span>
          )}
        </p>
      </section>
      <section className="compare-results">
        <div className="compare-controls">
          <input
            className="small-field is-mono compare-faults"
            value={faultsText}
            onChange={(e) => compareStore.setState({ faults: e.target.value })}
            placeholder="faults for both, e.g. 10s crash Kafka/2; 25s restart Kafka/2"
            title="The faults both variants run under, separated by ';' (from the live run's schedule until you change them)"
            aria-label="Faults for both variants"
            data-testid="compare-faults"
          />
          <select className="small-field" value={untilS} onChange={(e) => compareStore.setState({ untilS: Number(e.target.value) })} aria-label="Run to" title="How long to run both" data-testid="compare-until">
            {DURATIONS.map(([sec, label]) => (
              <option key={sec} value={sec}>
                {label}
              </option>
            ))}
          </select>
          <button type="button" className="primary-button" disabled={running} onClick={() => input && void runCompare(input)} data-testid="compare-run">
            {running ? 'Running…' : 'Run A and B'}
          </button>
        </div>
        <CompareSearch a={a} b={b} search={search} />
        {error && <p className="compare-error">{error}</p>}
        {result && [result.a, result.b].some((r) => r.errors.length > 0) && (
          <p className="compare-error">
            {[result.a, result.b]
              .filter((r) => r.errors.length > 0)
              .map((r) => `${r.name}: line ${r.errors[0]!.line}, ${r.errors[0]!.message}`)
              .join(' · ')}
          </p>
        )}
        {result ? (
          <>
            <p className={`compare-note${stale ? ' is-stale' : ''}`} data-testid="compare-note">
              {stale ? 'Changed since this run: run again to compare. ' : ''}
              {formatDuration(result.input.untilUs)} simulated, seed {result.input.seed}, {result.input.faults.length} fault
              {result.input.faults.length === 1 ? '' : 's'}; both ran in {formatDuration(result.wallMs * 1000)}.
            </p>
            <div className="compare-grid">
              <CompareTable rows={rows} />
              <CompareCharts a={result.a} b={result.b} faults={result.input.faults} />
            </div>
          </>
        ) : search ? null : (
          <div className="observe-empty">
            {running
              ? 'Running both variants from the start, in the worker…'
              : 'Change B, then run both: their lost, duplicated and reordered messages, checkouts and latency appear here side by side, with throughput and latency overlaid.'}
          </div>
        )}
      </section>
    </div>
  );
}
