/**
 * Charts over simulated time: throughput, consumer lag, end-to-end latency percentiles and checkout success, with
 * the faults marked. The series streams in from the live store outside React: a new second appends to the columns
 * and redraws the charts; nothing re-renders.
 */
import { useCallback, useEffect, useRef } from 'react';
import { liveStore, useLive } from '../sim/index.ts';
import { ChartCard } from './charts/ChartCard.tsx';
import { createColumns, syncColumns } from './charts/columns.ts';
import { METRIC_CHARTS } from './charts/metricCharts.ts';
import type { FaultMark, TimeChart } from './charts/timeChart.ts';
import { faultLabel } from './faultLabel.ts';
import './observe.css';
import './MetricsPanel.css';

export function MetricsPanel() {
  const running = useLive((s) => s.frame !== null);
  const charts = useRef(new Map<string, TimeChart>());
  const columns = useRef(createColumns());
  const faultCount = useRef(-1);

  const feed = useCallback((id: string) => {
    const chart = charts.current.get(id);
    const def = METRIC_CHARTS.find((c) => c.id === id);
    if (chart && def) chart.setData(def.data(columns.current));
  }, []);

  const setFaults = useCallback((force: boolean) => {
    const faults = liveStore.getState().frame?.faults ?? [];
    if (!force && faults.length === faultCount.current) return;
    faultCount.current = faults.length;
    const marks: FaultMark[] = faults.filter((f) => f.ok).map((f) => ({ atS: f.atUs / 1e6, label: faultLabel(f.text) }));
    for (const chart of charts.current.values()) chart.setFaults(marks);
  }, []);

  useEffect(() => {
    const sync = () => {
      const s = liveStore.getState();
      if (syncColumns(columns.current, s.series) !== 'same') for (const id of charts.current.keys()) feed(id);
      setFaults(false);
    };
    sync();
    return liveStore.subscribe((s, prev) => {
      if (s.series !== prev.series || s.frame !== prev.frame) sync();
    });
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
        {METRIC_CHARTS.map((c) => (
          <ChartCard key={c.id} id={c.id} title={c.title} hint={c.hint} spec={c.spec} testid={`chart-${c.id}`} onChart={onChart} />
        ))}
      </div>
    </div>
  );
}
