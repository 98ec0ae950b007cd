/**
 * Charts over simulated time: throughput, consumer lag, end-to-end latency percentiles and checkout success (per
 * entry point), with the faults marked. The series streams in from the live store outside React: new seconds append to the columns and
 * redraw the charts (ten times a second at most); nothing re-renders.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { liveStore, useLive } from '../sim/index.ts';
import { useApp } from '../state/store.ts';
import { entryRows } from './entries.ts';
import { ChartCard } from './charts/ChartCard.tsx';
import { createColumns, syncColumns } from './charts/columns.ts';
import { checkoutChart, METRIC_CHARTS } from './charts/metricCharts.ts';
import type { FaultMark, TimeChart } from './charts/timeChart.ts';
import { faultLabel } from './faultLabel.ts';
import './observe.css';
import './MetricsPanel.css';

const REDRAW_MS = 100;

export function MetricsPanel() {
  const running = useLive((s) => s.frame !== null);
  const topology = useApp((s) => s.good?.topology);
  // The entry points' names, joined: the checkout chart is rebuilt only when they change (a new run), not per frame.
  const entries = useLive((s) => s.frame?.entries);
  const names = useMemo(() => entryRows(entries, topology).map((r) => r.name).join('\n'), [entries, topology]);
  const defs = useMemo(() => [...METRIC_CHARTS, checkoutChart(names ? names.split('\n') : [])], [names]);
  const charts = useRef(new Map<string, TimeChart>());
  const columns = useRef(createColumns());
  const faultCount = useRef(-1);

  const feed = useCallback((id: string) => {
    const chart = charts.current.get(id);
    const def = defs.find((c) => c.id === id);
    if (chart && def) chart.setData(def.data(columns.current));
  }, [defs]);

  const setFaults = useCallback((force: boolean) => {
    const faults = liveStore.getState().frame?.faults ?? [];
    if (!force && faults.length === faultCount.current) return;
    faultCount.current = faults.length;
    const marks: FaultMark[] = faults.filter((f) => f.ok).map((f) => ({ atS: f.atUs / 1e6, label: faultLabel(f.text) }));
    for (const chart of charts.current.values()) chart.setFaults(marks);
  }, []);

  // Charts redraw at most ten times a second while playing (faster cannot be read), at once otherwise.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      if (syncColumns(columns.current, liveStore.getState().series) !== 'same') for (const id of charts.current.keys()) feed(id);
      setFaults(false);
    };
    flush();
    const unsubscribe = liveStore.subscribe((s, prev) => {
      if (s.series === prev.series && s.frame === prev.frame) return;
      if (s.status !== 'playing') {
        clearTimeout(timer);
        flush();
      } else timer ??= setTimeout(flush, REDRAW_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [feed, setFaults]);

  const onChart = useCallback(
    (id: string, chart: TimeChart | null) => {
      if (chart) {
        charts.current.set(id, chart);
        feed(id);
        setFaults(true);
      } else charts.current.delete(id);
    },
    [feed, setFaults],
  );

  if (!running) {
    return (
      <div className="observe-empty" data-testid="metrics-empty">
        Press play: throughput, consumer lag, end-to-end latency and checkout success appear here over simulated time, with
        every fault marked.
      </div>
    );
  }
  return (
    <div className="metrics" data-testid="metrics-panel">
      <div className="metrics-grid">
        {defs.map((c) => (
          <ChartCard key={c.id} id={c.id} title={c.title} hint={c.hint} spec={c.spec} testid={`chart-${c.id}`} onChart={onChart} />
        ))}
      </div>
    </div>
  );
}
