/**
 * Two buttons in the top bar that fold the text panel and the side panel (the inspector, or a lesson) away, so the
 * canvas gets the width on a small screen; remembered across visits.
 */
import { useRoute } from '../lessons/route.ts';
import { togglePanel, useLayout } from './layoutStore.ts';

function PanelIcon({ side }: { side: 'left' | 'right' }) {
  const x = side === 'left' ? 5.5 : 10.5;
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <rect x="1.75" y="2.75" width="12.5" height="10.5" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.3" />
      <path d={`M${x} 3v10`} stroke="currentColor" strokeWidth="1.3" />
      <rect x={side === 'left' ? 2.5 : 11} y="3.5" width="2.5" height="9" fill="currentColor" opacity="0.35" />
    </svg>
  );
}

export function PanelToggles() {
  const left = useLayout((s) => s.leftOpen);
  const right = useLayout((s) => s.rightOpen);
  const lesson = useRoute().page === 'lesson';
  const side = lesson ? 'lesson' : 'inspector';
  return (
    <div className="panel-toggles">
      <button
        type="button"
        className={`bar-button icon-only${left ? ' is-open' : ''}`}
        aria-pressed={left}
        aria-label="Text panel"
        title={left ? 'Hide the text panel' : 'Show the text panel'}
        data-testid="toggle-left"
        onClick={() => togglePanel('left')}
      >
        <PanelIcon side="left" />
      </button>
      <button
        type="button"
        className={`bar-button icon-only${right ? ' is-open' : ''}`}
        aria-pressed={right}
        aria-label={lesson ? 'Lesson panel' : 'Inspector panel'}
        title={right ? `Hide the ${side}` : `Show the ${side}`}
        data-testid="toggle-right"
        onClick={() => togglePanel('right')}
      >
        <PanelIcon side="right" />
      </button>
    </div>
  );
}
