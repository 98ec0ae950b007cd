/**
 * An answer from the running simulation (a partition's log, a group's assignment) kept fresh: asked again whenever
 * the moment changes, at most a few times a second while playing, and at once after a step, a seek or a fault.
 * One question is in flight at a time, so a busy worker never builds a queue.
 */
import { useEffect, useEffectEvent, useState } from 'react';
import { liveStore } from '../../sim/liveStore.ts';

/** While playing, how often the question is asked again. */
const REFRESH_MS = 400;

/** Asks `ask()` now and whenever the run moves on; `key` names the question (a new key asks at once, null none). */
export function useLiveQuery<T>(key: string | null, ask: () => Promise<T>): T | null {
  const [answer, setAnswer] = useState<{ key: string; value: T } | null>(null);
  const askNow = useEffectEvent(ask);
  useEffect(() => {
    if (key === null) return;
    let alive = true;
    let busy = false;
    let again = false;
    let lastAt = -Infinity;
    let lastSeq = -1;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () => {
      if (busy) {
        again = true;
        return;
      }
      busy = true;
      lastAt = performance.now();
      lastSeq = liveStore.getState().frame?.seq ?? -1;
      askNow()
        .then((value) => alive && setAnswer({ key, value }))
        .catch(() => {})
        .finally(() => {
          busy = false;
          if (alive && again) {
            again = false;
            run();
          }
        });
    };
    const onChange = () => {
      const s = liveStore.getState();
      if (!s.frame || s.frame.seq === lastSeq) return;
      const wait = s.status === 'playing' ? REFRESH_MS - (performance.now() - lastAt) : 0;
      clearTimeout(timer);
      if (wait <= 0) run();
      else timer = setTimeout(run, wait);
    };
    run();
    const unsubscribe = liveStore.subscribe(onChange);
    return () => {
      alive = false;
      clearTimeout(timer);
      unsubscribe();
    };
  }, [key]);
  return answer && answer.key === key ? answer.value : null;
}
