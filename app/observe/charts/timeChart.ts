/**
 * One uPlot chart over simulated seconds, made once and fed by appending: `setData` hands uPlot the same growing
 * columns, so a frame costs a redraw, not a rebuild. Faults are drawn as marked vertical lines across the plot.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { onThemeChange, resolveColor } from '../../shell/theme.ts';

export interface SeriesSpec {
  label: string;
  color: string;
  dash?: number[];
  width?: number;
  /** Hidden until the learner clicks its legend entry. */
  hidden?: boolean;
}

export interface ChartSpec {
  series: SeriesSpec[];
  /** Prints a y value (`120/s`, `13.1 ms`, `99%`). */
  unit: (v: number) => string;
  /** Logarithmic y axis (latency spans 1 ms to seconds). */
  log?: boolean;
  /** Fixed y range, e.g. [0, 100] for a percentage; otherwise from 0 to the data's maximum. */
  range?: [number, number];
  /** Element the legend is mounted in (a compact one, in the card's title row). */
  legendIn?: HTMLElement;
  /** Charts with the same key share a cursor. */
  syncKey?: string;
}

export interface FaultMark {
  atS: number;
  label: string;
}

export interface TimeChart {
  setData(data: uPlot.AlignedData): void;
  setFaults(faults: FaultMark[]): void;
  setSize(width: number, height: number): void;
  destroy(): void;
}

/** `75` is `1:15`, `9` is `9s`: simulated time on the x axis. */
export function formatSeconds(v: number): string {
  if (v < 60) return `${+v.toFixed(1)}s`;
  const s = Math.round(v);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

const axisFont = '11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
// Colours are theme variables resolved at each draw, so a chart repaints right after the theme changes.
const paint = (css: string) => () => resolveColor(css);
const axisBase = {
  stroke: paint('var(--muted)'),
  font: axisFont,
  grid: { stroke: paint('var(--hover)'), width: 1 },
  ticks: { stroke: paint('var(--line)'), width: 1, size: 3 },
};

function faultPlugin(get: () => FaultMark[]): uPlot.Plugin {
  return {
    hooks: {
      draw: [
        (u) => {
          const marks = get();
          if (marks.length === 0) return;
          const { ctx } = u;
          const { top, height, left, width } = u.bbox;
          const dpr = devicePixelRatio;
          ctx.save();
          ctx.font = `${10 * dpr}px system-ui, sans-serif`;
          ctx.textBaseline = 'top';
          ctx.textAlign = 'left'; // uPlot leaves the y axis's alignment behind
          let lastLabelEnd = -Infinity;
          for (const m of marks) {
            const x = Math.round(u.valToPos(m.atS, 'x', true));
            if (x < left || x > left + width) continue;
            ctx.strokeStyle = resolveColor('color-mix(in srgb, var(--danger) 55%, transparent)');
            ctx.lineWidth = dpr;
            ctx.setLineDash([3 * dpr, 3 * dpr]);
            ctx.beginPath();
            ctx.moveTo(x + 0.5, top);
            ctx.lineTo(x + 0.5, top + height);
            ctx.stroke();
            ctx.setLineDash([]);
            ctx.fillStyle = resolveColor('var(--danger)');
            ctx.beginPath();
            ctx.moveTo(x - 4 * dpr, top);
            ctx.lineTo(x + 4 * dpr, top);
            ctx.lineTo(x, top + 5 * dpr);
            ctx.fill();
            // Labels that would overlap the previous one are left to the tooltip of the fault list.
            const tw = ctx.measureText(m.label).width;
            if (x + 6 * dpr > lastLabelEnd && x + 6 * dpr + tw < left + width) {
              ctx.fillStyle = resolveColor('var(--overlay)');
              ctx.fillRect(x + 5 * dpr, top + 1 * dpr, tw + 4 * dpr, 12 * dpr);
              ctx.fillStyle = resolveColor('var(--bad-fg)');
              ctx.fillText(m.label, x + 7 * dpr, top + 2 * dpr);
              lastLabelEnd = x + 10 * dpr + tw;
            }
          }
          ctx.restore();
        },
      ],
    },
  };
}

/** Creates a chart in `el`, sized `width` × `height` CSS pixels. */
export function createTimeChart(el: HTMLElement, spec: ChartSpec, width: number, height: number): TimeChart {
  let faults: FaultMark[] = [];
  const yRange: uPlot.Scale.Range = spec.range
    ? () => spec.range!
    : (_u, _min, max) => [0, max === null || !(max > 0) ? 1 : max * 1.1];
  const opts: uPlot.Options = {
    width,
    height,
    pxAlign: 0,
    cursor: { sync: spec.syncKey ? { key: spec.syncKey } : undefined, points: { size: 6 }, drag: { x: false, y: false } },
    legend: { show: true, live: true, mount: spec.legendIn ? (_u, legend) => spec.legendIn!.appendChild(legend) : undefined },
    scales: {
      x: { time: false, range: (_u, min, max) => [min === null ? 0 : Math.min(min, 0), Math.max(max ?? 0, 10)] },
      y: spec.log ? { distr: 3, log: 10 } : { range: yRange },
    },
    axes: [
      { ...axisBase, size: 22, gap: 3, values: (_u, splits) => splits.map(formatSeconds) },
      { ...axisBase, size: 50, gap: 3, values: (_u, splits) => splits.map((v) => (v === null ? '' : spec.unit(v))) },
    ],
    series: [
      { label: 'time', value: (_u, v) => (v === null ? '–' : formatSeconds(v)) },
      ...spec.series.map((s) => ({
        label: s.label,
        stroke: paint(s.color),
        width: s.width ?? 1.5,
        dash: s.dash,
        show: !s.hidden,
        spanGaps: false,
        points: { show: false },
        value: (_u: uPlot, v: number | null) => (v === null ? '' : spec.unit(v)),
      })),
    ],
    plugins: [faultPlugin(() => faults)],
  };
  const empty: uPlot.AlignedData = [[], ...spec.series.map(() => [])];
  const u = new uPlot(opts, empty, el);
  const unsubscribe = onThemeChange(() => u.redraw(false, true));
  return {
    setData: (data) => u.setData(data),
    setFaults(f) {
      faults = f;
      u.redraw(false, false);
    },
    setSize: (w, h) => u.setSize({ width: w, height: h }),
    destroy: () => {
      unsubscribe();
      u.destroy();
    },
  };
}
