/**
 * A titled card holding one time chart, sized to the card by a ResizeObserver. The chart is made once; the panel
 * feeds it through `onChart`.
 */
import { useEffect, useRef } from 'react';
import { createTimeChart, type ChartSpec, type TimeChart } from './timeChart.ts';
import './ChartCard.css';

interface Props {
  id: string;
  title: string;
  hint: string;
  spec: Omit<ChartSpec, 'legendIn'>;
  testid: string;
  onChart: (id: string, chart: TimeChart | null) => void;
}

export function ChartCard({ id, title, hint, spec, testid, onChart }: Props) {
  const body = useRef<HTMLDivElement>(null);
  const legend = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = body.current!;
    const chart = createTimeChart(el, { ...spec, legendIn: legend.current! }, Math.max(50, el.clientWidth), Math.max(40, el.clientHeight));
    onChart(id, chart);
    const resize = new ResizeObserver(() => chart.setSize(Math.max(50, el.clientWidth), Math.max(40, el.clientHeight)));
    resize.observe(el);
    return () => {
      resize.disconnect();
      onChart(id, null);
      chart.destroy();
    };
  }, [id, spec, onChart]);

  return (
    <section className="chart-card" data-testid={testid}>
      <header className="chart-head">
        <h3 title={hint}>{title}</h3>
        <div className="chart-legend" ref={legend} />
      </header>
      <div className="chart-body" ref={body} />
    </section>
  );
}
