/**
 * The left panel's tabs: the text, and mermaid's own preview. Later issues add the lesson here.
 */
import { lazy, Suspense } from 'react';
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
  return (
    <section className="app-left" aria-label="Topology text">
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
        <span className="tabs-hint">Mermaid flowchart</span>
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
