/**
 * When to ask the worker a question again as the simulation moves: at most every `everyMs` while it plays, at once
 * after a step or a seek, never two asks in flight (a change during one asks again once it is answered). Clock and
 * timers are injected, so the policy is tested without waiting.
 */

export interface RefresherDeps<T> {
  ask: () => Promise<T>;
  onAnswer: (data: T) => void;
  onError: () => void;
  playing: () => boolean;
  now: () => number;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
}

export interface Refresher {
  /** The simulation moved (a new frame): ask again, soon or at once. */
  changed(): void;
  /** Asks now (the first time, or a new question). */
  run(): void;
  stop(): void;
}

/** @example const r = createRefresher({ ask: () => engine.sim.log({}), onAnswer: setLog, ... }); r.run(); */
export function createRefresher<T>(d: RefresherDeps<T>, everyMs: number): Refresher {
  let alive = true;
  let inFlight = false;
  let again = false;
  let last = -Infinity;
  let timer: unknown = undefined;

  const run = () => {
    if (!alive) return;
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    last = d.now();
    d.ask()
      .then((data) => alive && d.onAnswer(data))
      .catch(() => alive && d.onError())
      .finally(() => {
        inFlight = false;
        if (again && alive) {
          again = false;
          changed();
        }
      });
  };
  const changed = () => {
    if (timer !== undefined || !alive) return;
    const wait = d.playing() ? Math.max(0, last + everyMs - d.now()) : 0;
    timer = d.setTimer(() => {
      timer = undefined;
      run();
    }, wait);
  };
  return {
    changed,
    run,
    stop() {
      alive = false;
      if (timer !== undefined) d.clearTimer(timer);
    },
  };
}
