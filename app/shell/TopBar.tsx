/**
 * The top bar: name, workspaces, lessons, examples, share, files; the panels, the theme, undo and redo.
 */
import { LessonsLink } from '../lessons/shell.tsx';
import { appStore, useApp } from '../state/store.ts';
import { ExamplesMenu } from './ExamplesMenu.tsx';
import { FileMenu } from './FileMenu.tsx';
import { PanelToggles } from './PanelToggles.tsx';
import { ShareMenu } from './ShareMenu.tsx';
import { ThemeMenu } from './ThemeMenu.tsx';
import { WorkspaceMenu } from './WorkspaceMenu.tsx';
import './TopBar.css';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl+';

export function TopBar() {
  const canUndo = useApp((s) => s.past.length > 0);
  const canRedo = useApp((s) => s.future.length > 0);
  return (
    <header className="topbar">
      <div className="brand">
        <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true">
          <circle cx="5" cy="12" r="3" fill="var(--accent)" />
          <circle cx="19" cy="6" r="3" fill="var(--teal-mid)" />
          <circle cx="19" cy="18" r="3" fill="var(--orange)" />
          <path d="M8 12h4l4-5M12 12l4 5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        </svg>
        <span className="brand-name">EventLab</span>
      </div>
      <WorkspaceMenu />
      <div className="topbar-sep" />
      <LessonsLink />
      <ExamplesMenu />
      <FileMenu />
      <ShareMenu />
      <div className="topbar-spacer" />
      <PanelToggles />
      <ThemeMenu />
      <div className="history-buttons">
        <button
          type="button"
          className="bar-button icon-only"
          disabled={!canUndo}
          onClick={() => appStore.getState().undo()}
          title={`Undo (${mod}Z)`}
          aria-label="Undo"
          data-testid="undo"
        >
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            <path d="M5.5 3 2.5 6l3 3M3 6h6.5a4 4 0 0 1 0 8H7" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </button>
        <button
          type="button"
          className="bar-button icon-only"
          disabled={!canRedo}
          onClick={() => appStore.getState().redo()}
          title={`Redo (${mod}Shift+Z)`}
          aria-label="Redo"
          data-testid="redo"
        >
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            <path d="M10.5 3l3 3-3 3M13 6H6.5a4 4 0 0 0 0 8H9" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </button>
      </div>
    </header>
  );
}
