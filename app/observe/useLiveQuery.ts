/**
 * Asks the worker a question and asks again as the simulation moves (see refresher.ts for when). The answer for an
 * older question never replaces a newer one.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { liveStore } from '../sim/index.ts';
import { createRefresher } from './refresher.ts';

export interface LiveAnswer<T> {
  data: T | undefined;
  /** True until the first answer for the current question arrives. */
  pending: boolean;
}

/**
 * @example const { data } = useLiveQuery(() => engine.sim.log({ limit: 200 }), [filters], 250)
 */
export function useLiveQuery<T>(ask: (() => Promise<T>) | null, deps: readonly unknown[], everyMs = 300): LiveAnswer<T> {
  const [answer, setAnswer] = useState<LiveAnswer<T>>({ data: undefined, pending: ask !== null });
  const askRef = useRef(ask);
  useLayoutEffect(() => {
    askRef.current = ask;
  });

  useEffect(() => {
    const current = askRef.current;
    setAnswer((a) => ({ data: a.data, pending: current !== null }));
    if (!current) return;
    const r = createRefresher<T>(
      {
        ask: () => (askRef.current ?? current)(),
        onAnswer: (data) => setAnswer({ data, pending: false }),
        onError: () => setAnswer((a) => ({ ...a, pending: false })),
        playing: () => liveStore.getState().status === 'playing',
        now: () => performance.now(),
        setTimer: (fn, ms) => setTimeout(fn, ms),
        clearTimer: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
      },
      everyMs,
    );
    r.run();
    const unsubscribe = liveStore.subscribe((s, prev) => {
      if (s.frame !== prev.frame) r.changed();
    });
    return () => {
      r.stop();
      unsubscribe();
    };
    // The caller's deps say when the question changes; `ask` itself is read through the ref.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, everyMs]);

  return answer;
}
