// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Frame } from '../../engine/index.ts';
import { liveStore } from '../sim/liveStore.ts';
import { FindingCounter } from './Counters.tsx';

// The live store without the player (which starts the engine's worker on import).
vi.mock('../sim/index.ts', async () => await import('../sim/liveStore.ts'));

/** The store holding a frame with these counters (the counter reads nothing else of it). */
function withCounters(counters: Partial<Frame['counters']>) {
  liveStore.setState({ frame: { counters: { lost: 0, missed: 0, duplicated: 0, reordered: 0, lossPending: false, ...counters } } as Frame });
}
/** The counter's markup, rendered by React DOM as in the app. */
function counter(kind: 'lost' | 'missed' | 'duplicated'): string {
  const host = document.createElement('div');
  const root = createRoot(host);
  act(() => root.render(<FindingCounter kind={kind} open={false} onToggle={() => undefined} />));
  const html = host.innerHTML;
  act(() => root.unmount());
  return html;
}
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

afterEach(() => liveStore.setState({ frame: null }));

describe('a finding counter', () => {
  it('shows a counted loss, hot and open to its list', () => {
    withCounters({ lost: 1234 });
    const html = counter('lost');
    expect(html).toContain('<b>1,234</b> lost');
    expect(html).toContain('is-hot');
    expect(html).not.toContain('disabled');
    expect(html).not.toContain('data-pending');
  });

  it('shows … and stays shut while a long seek leaves lost and missed to its exact frame', () => {
    // The snapshot's frame carries the count of the moment left, which must not pass for this one's.
    withCounters({ lost: 1234, missed: 56, duplicated: 7, lossPending: true });
    for (const kind of ['lost', 'missed'] as const) {
      const html = counter(kind);
      expect(html).toContain('<b>…</b>');
      expect(html).not.toMatch(/1,234|56/);
      expect(html).toContain('disabled');
      expect(html).not.toContain('is-hot');
      expect(html).toContain('data-pending="true"');
      expect(html).toContain('counted once the run reaches the moment asked for');
    }
    // Duplicates are counted in every frame: the seek's first frame shows them.
    expect(counter('duplicated')).toContain('<b>7</b> dup');
  });
});
