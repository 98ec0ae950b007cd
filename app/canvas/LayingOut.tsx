/**
 * A quiet "laying out…" chip while the worker has not answered for the current text; it fades in only when the
 * wait is long enough to notice (see the animation delay), so quick edits never flash it.
 */
import { useApp } from '../state/store.ts';

export function LayingOut() {
  const pending = useApp((s) => s.parseStatus === 'pending' && s.good !== null);
  if (!pending) return null;
  return (
    <div className="laying-out" role="status" data-testid="laying-out">
      <span className="laying-out-dot" />
      laying out…
    </div>
  );
}
