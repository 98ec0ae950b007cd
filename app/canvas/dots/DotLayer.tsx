/**
 * Messages moving along the edges, drawn on one canvas over the flow (not thousands of DOM elements): each edge's
 * rate comes from `edgeRates`, scaled by how fast simulated time is running, so at 1× ten messages a second look
 * like ten dots a second. A busy edge becomes a steady stream with a count badge. Nothing is drawn on a cut link.
 */
import { useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { frameIndex, pairKey } from '../../sim/frameIndex.ts';
import { liveStore } from '../../sim/liveStore.ts';
import { compact } from '../live/format.ts';
import { advanceDots, dotFractions, noDots, type EdgeDots } from './dots.ts';
import { drawnEdges } from './edgeGeometry.ts';
import { pointAt } from './pathSampler.ts';

/** Flow pixels a dot covers per wall second, within limits, so short and long edges both read well. */
const DOT_SPEED = 150;
const TRAVEL_MIN_S = 0.7;
const TRAVEL_MAX_S = 2.2;

export function DotLayer() {
  const canvas = useRef<HTMLCanvasElement>(null);
  const flow = useStoreApi();

  useEffect(() => {
    const c = canvas.current!;
    const ctx = c.getContext('2d')!;
    const dots = new Map<string, EdgeDots>();
    const at = { x: 0, y: 0 };
    let dirty = true;
    let last = performance.now();
    let lastSim = -1;
    let speed = 0;
    let raf = 0;

    const resize = () => {
      const dpr = window.devicePixelRatio || 1;
      c.width = Math.round(c.clientWidth * dpr);
      c.height = Math.round(c.clientHeight * dpr);
      dirty = true;
    };
    const observer = new ResizeObserver(resize);
    observer.observe(c);
    const unsubscribe = [flow.subscribe(() => (dirty = true)), liveStore.subscribe(() => (dirty = true))];

    const draw = (now: number) => {
      raf = requestAnimationFrame(draw);
      const live = liveStore.getState();
      const playing = live.status === 'playing';
      const dt = Math.min(0.1, (now - last) / 1000);
      last = now;
      if (!playing && !dirty) return;
      dirty = false;
      // How many simulated seconds pass per wall second right now (the player may lag behind the chosen speed).
      const sim = live.frame?.timeUs ?? 0;
      if (playing && lastSim >= 0 && dt > 0) speed = 0.9 * speed + 0.1 * (Math.max(0, sim - lastSim) / 1e6 / dt);
      lastSim = sim;

      const dpr = window.devicePixelRatio || 1;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, c.width, c.height);
      if (!live.view) return;
      const cut = frameIndex(live.view).cut;
      const [tx, ty, zoom] = flow.getState().transform;
      ctx.setTransform(zoom * dpr, 0, 0, zoom * dpr, tx * dpr, ty * dpr);
      const x0 = -tx / zoom, y0 = -ty / zoom;
      const x1 = x0 + c.clientWidth / zoom, y1 = y0 + c.clientHeight / zoom;
      const radius = Math.max(3, 2.2 / zoom);
      const badges: [number, number, string, string][] = [];

      for (const [id, g] of drawnEdges()) {
        let state = dots.get(id);
        if (!state) dots.set(id, (state = noDots()));
        const severed = cut.has(pairKey(g.from, g.to));
        const rate = severed ? 0 : (live.edgeRates[id] ?? 0);
        const travel = Math.min(TRAVEL_MAX_S, Math.max(TRAVEL_MIN_S, g.line.length / DOT_SPEED));
        advanceDots(state, playing ? rate * speed : 0, playing ? dt : 0, travel);
        const l = g.line;
        if (l.maxX < x0 || l.minX > x1 || l.maxY < y0 || l.minY > y1) continue;
        const fractions = dotFractions(state);
        if (fractions.length === 0) continue;
        ctx.beginPath();
        for (const f of fractions) {
          pointAt(l, f, at);
          ctx.moveTo(at.x + radius, at.y);
          ctx.arc(at.x, at.y, radius, 0, 2 * Math.PI);
        }
        ctx.fillStyle = g.color;
        ctx.fill();
        if (state.dense && zoom > 0.45) {
          pointAt(l, 0.25, at);
          badges.push([at.x, at.y, g.color, `${compact(rate)}/s`]);
        }
      }
      drawBadges(ctx, badges, zoom);
      for (const [id, state] of dots) if (!live.edgeRates[id] && state.at.length === 0) dots.delete(id);
    };
    raf = requestAnimationFrame(draw);
    return () => {
      cancelAnimationFrame(raf);
      observer.disconnect();
      for (const u of unsubscribe) u();
    };
  }, [flow]);

  return <canvas ref={canvas} className="dot-layer" data-testid="dot-layer" aria-hidden="true" />;
}

/** Count badges on busy edges: simulated messages per second, in the edge's colour. */
function drawBadges(ctx: CanvasRenderingContext2D, badges: [number, number, string, string][], zoom: number): void {
  if (badges.length === 0) return;
  const size = 10 / Math.max(zoom, 0.6);
  ctx.font = `600 ${size}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const [x, y, color, text] of badges) {
    const w = ctx.measureText(text).width + size;
    ctx.fillStyle = color;
    ctx.beginPath();
    ctx.roundRect(x + 8, y - size * 0.8, w, size * 1.6, size * 0.8);
    ctx.fill();
    ctx.fillStyle = '#fff';
    ctx.fillText(text, x + 8 + w / 2, y);
  }
}
