/**
 * The left panel's tabs: the text, and mermaid's own preview. Later issues add the lesson here.
 */
import { lazy, Suspense, useEffect, useRef } from 'react';
import { TextEditor } from '../editor/TextEditor.tsx';
import { appStore, useApp } from '../state/store.ts';
import type { LeftTab } from '../state/viewSlice.ts';
import { Splitter } from './Splitter.tsx';
import './LeftPanel.css';

const MermaidPreview = lazy(() => import('../preview/MermaidPreview.tsx').then((m) => ({ default: m.MermaidPreview })));

const tabs: { id: LeftTab; label: string }[] = [
  { id: 'text', label: 'Text' },
  { id: 'preview', label: 'Preview' },
];

export function LeftPanel() {
  const tab = useApp((s) => s.leftTab);
  const panel = useRef<HTMLElement>(null);
  // Tab indents in the editor: the way out (Escape, then Tab) is said beside it and to a screen reader.
  useEffect(() => panel.current?.querySelector('.cm-content')?.setAttribute('aria-describedby', 'editor-keys'), []);
  return (
    <section className="app-left" aria-label="Topology text" ref={panel}>
      <div className="tabs" role="tablist">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            className={`tab${tab === t.id ? ' is-active' : ''}`}
            data-testid={`tab-${t.id}`}
            onClick={() => appStore.getState().setLeftTab(t.id)}
          >
            {t.label}
          </button>
        ))}
        <span className="tabs-hint is-idle">Mermaid flowchart</span>
        <span className="tabs-hint is-editing" id="editor-keys" data-testid="editor-keys">
          Tab indents · Esc then Tab leaves
        </span>
      </div>
      {/* The editor stays mounted (hidden) so its cursor and scroll survive a look at the preview. */}
      <div className="tab-body" hidden={tab !== 'text'}>
        <TextEditor />
      </div>
      {tab === 'preview' && (
        <div className="tab-body">
          <Suspense fallback={<p className="preview-note">Loading mermaid…</p>}>
            <MermaidPreview />
          </Suspense>
        </div>
      )}
      <Splitter />
    </section>
  );
}
