/**
 * Asks the worker a question and asks again as the simulation moves: at most every `everyMs` while it plays, at once
 * after a step or a seek, never two asks in flight. The answer for an older question never replaces a newer one.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { liveStore } from '../sim/index.ts';

export interface LiveAnswer<T> {
  data: T | undefined;
  /** True until the first answer for the current question arrives. */
  pending: boolean;
}

/**
 * @example const log = useLiveQuery(() => engine.sim.log({ limit: 200 }), ['all'], 250)
 */
export function useLiveQuery<T>(ask: (() => Promise<T>) | null, deps: readonly unknown[], everyMs = 300): LiveAnswer<T> {
  const [answer, setAnswer] = useState<LiveAnswer<T>>({ data: undefined, pending: ask !== null });
  const askRef = useRef(ask);
  useLayoutEffect(() => {
    askRef.current = ask;
  });

  useEffect(() => {
    let alive = true;
    let inFlight = false;
    let again = false;
    let last = -Infinity;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setAnswer((a) => ({ data: a.data, pending: askRef.current !== null }));

    const run = () => {
      const q = askRef.current;
      if (!q || !alive) return;
      if (inFlight) {
        again = true;
        return;
      }
      inFlight = true;
      last = performance.now();
      q()
        .then((data) => alive && setAnswer({ data, pending: false }))
        .catch(() => alive && setAnswer((a) => ({ ...a, pending: false })))
        .finally(() => {
          inFlight = false;
          if (again && alive) {
            again = false;
            schedule();
          }
        });
    };
    const schedule = () => {
      if (timer !== undefined) return;
      const playing = liveStore.getState().status === 'playing';
      const wait = playing ? Math.max(0, last + everyMs - performance.now()) : 0;
      timer = setTimeout(() => {
        timer = undefined;
        run();
      }, wait);
    };
    run();
    const unsubscribe = liveStore.subscribe((s, prev) => {
      if (s.frame !== prev.frame) schedule();
    });
    return () => {
      alive = false;
      clearTimeout(timer);
      unsubscribe();
    };
    // The caller's deps say when the question changes; `ask` itself is read through the ref.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, everyMs]);

  return answer;
}
