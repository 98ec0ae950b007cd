/**
 * Renders a text with mermaid itself, loaded only when the Preview tab first opens (it is the heaviest dependency
 * by far). The SVG is shown as an image, so nothing mermaid produces can run or reach the page.
 */
import type { Mermaid } from 'mermaid';

let loading: Promise<Mermaid> | null = null;
let sequence = 0;

function loadMermaid(): Promise<Mermaid> {
  loading ??= import('mermaid').then(({ default: mermaid }) => {
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      layout: 'dagre',
      htmlLabels: false,
      suppressErrorRendering: true,
      theme: 'neutral',
      fontFamily: 'system-ui, sans-serif',
    });
    return mermaid;
  });
  return loading;
}

export interface RenderedPreview {
  /** An object URL of the SVG (revoke it when replaced). */
  url: string;
  width: number;
  height: number;
}

/** Renders `text`; throws mermaid's own error message when the text is not valid mermaid. */
export async function renderMermaid(text: string): Promise<RenderedPreview> {
  const mermaid = await loadMermaid();
  const { svg } = await mermaid.render(`eventlab-preview-${++sequence}`, text);
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = doc.documentElement;
  const [, , w = 0, h = 0] = (root.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
  // As an image the SVG needs a size of its own: mermaid sizes it with CSS (width 100%, max-width).
  root.setAttribute('width', String(Math.ceil(w)));
  root.setAttribute('height', String(Math.ceil(h)));
  root.removeAttribute('style');
  const blob = new Blob([new XMLSerializer().serializeToString(doc)], { type: 'image/svg+xml' });
  return { url: URL.createObjectURL(blob), width: w, height: h };
}
