/**
 * A diagram of a reading, drawn by mermaid itself (loaded on first use) and shown as an image, so nothing in it can
 * run. Drawings are kept by source: a lesson opened again shows its diagrams at once.
 */
import { useEffect, useState } from 'react';
import { renderMermaid, type RenderedPreview } from '../preview/renderMermaid.ts';

// Object URLs live as long as the page: a module has a few dozen diagrams at most.
const drawn = new Map<string, Promise<RenderedPreview>>();

function draw(source: string): Promise<RenderedPreview> {
  let p = drawn.get(source);
  if (!p) {
    p = renderMermaid(source);
    // A failure is not kept: the next visit tries again.
    p.catch(() => drawn.delete(source));
    drawn.set(source, p);
  }
  return p;
}

type View = { status: 'loading' } | { status: 'ok'; image: RenderedPreview } | { status: 'error'; message: string };

export function MermaidFigure({ source }: { source: string }) {
  const [view, setView] = useState<View>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    draw(source).then(
      (image) => current && setView({ status: 'ok', image }),
      (e: unknown) => current && setView({ status: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      current = false;
    };
  }, [source]);

  if (view.status === 'ok') {
    return (
      <figure className="md-diagram" data-testid="reading-diagram">
        <img src={view.image.url} width={view.image.width} height={view.image.height} alt={`Diagram: ${summary(source)}`} />
      </figure>
    );
  }
  if (view.status === 'loading') {
    return (
      <figure className="md-diagram is-loading" data-testid="reading-diagram-loading">
        <span className="md-diagram-note">Drawing the diagram…</span>
      </figure>
    );
  }
  return (
    <figure className="md-diagram is-error" data-testid="reading-diagram-error">
      <span className="md-diagram-note">The diagram could not be drawn ({view.message}); here is its text.</span>
      <pre className="md-code">
        <code>{source}</code>
      </pre>
    </figure>
  );
}

/** The labels a diagram shows, for its alt text. */
function summary(source: string): string {
  const labels = [...source.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]!.replace(/^["(]+|[")]+$/g, ''));
  return labels.length > 0 ? [...new Set(labels)].join(', ') : 'a flowchart';
}
