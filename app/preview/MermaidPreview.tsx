/**
 * The Preview tab: the text as mermaid draws it, so a learner sees what mermaid.live and a README will show.
 */
import { useEffect, useState } from 'react';
import { useApp } from '../state/store.ts';
import { renderMermaid, type RenderedPreview } from './renderMermaid.ts';
import './MermaidPreview.css';

type View = { status: 'loading' } | { status: 'ok'; preview: RenderedPreview } | { status: 'error'; message: string };

/** Rendering waits for typing to pause this long: mermaid takes tens of milliseconds per render. */
const PREVIEW_SETTLE_MS = 250;

export function MermaidPreview() {
  const text = useApp((s) => s.text);
  const [view, setView] = useState<View>({ status: 'loading' });
  const [actualSize, setActualSize] = useState(false);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      renderMermaid(text).then(
        (preview) => (current ? setView({ status: 'ok', preview }) : URL.revokeObjectURL(preview.url)),
        (e: unknown) => current && setView({ status: 'error', message: e instanceof Error ? e.message : String(e) }),
      );
    }, PREVIEW_SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text]);

  useEffect(() => {
    if (view.status !== 'ok') return;
    const { url } = view.preview;
    return () => URL.revokeObjectURL(url);
  }, [view]);

  return (
    <div className="preview" data-testid="preview">
      {view.status === 'loading' && <p className="preview-note">Loading mermaid…</p>}
      {view.status === 'error' && (
        <div className="preview-error" role="alert" data-testid="preview-error">
          <strong>mermaid cannot draw this text</strong>
          <pre>{view.message}</pre>
        </div>
      )}
      {view.status === 'ok' && (
        <img
          className={`preview-image${actualSize ? ' is-actual' : ''}`}
          onClick={() => setActualSize((a) => !a)}
          title={actualSize ? 'Click to fit the panel' : 'Click for actual size'}
          src={view.preview.url}
          width={view.preview.width}
          height={view.preview.height}
          alt="The topology as mermaid draws it"
          data-testid="preview-image"
        />
      )}
    </div>
  );
}
