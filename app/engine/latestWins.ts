/**
 * Keeps at most one call in flight and one waiting; a newer request replaces the waiting one, and an answer that a
 * newer request has overtaken is dropped. A busy worker therefore never builds a queue of stale layouts.
 */

/** What a superseded request resolves to. */
export const SUPERSEDED = Symbol('superseded');
export type Superseded = typeof SUPERSEDED;

interface Job<A extends unknown[], R> {
  args: A;
  resolve: (value: R | Superseded) => void;
  reject: (reason: unknown) => void;
}

/**
 * Wraps `call` so only the latest request's answer is delivered.
 * @example const load = latestWins(remote.load); const r = await load(text); if (r !== SUPERSEDED) show(r);
 */
export function latestWins<A extends unknown[], R>(call: (...args: A) => Promise<R>): (...args: A) => Promise<R | Superseded> {
  let waiting: Job<A, R> | null = null;
  let busy = false;

  const pump = async () => {
    busy = true;
    while (waiting) {
      const job = waiting;
      waiting = null;
      try {
        const answer = await call(...job.args);
        job.resolve(waiting ? SUPERSEDED : answer);
      } catch (error) {
        if (waiting) job.resolve(SUPERSEDED);
        else job.reject(error);
      }
    }
    busy = false;
  };

  return (...args: A) =>
    new Promise<R | Superseded>((resolve, reject) => {
      waiting?.resolve(SUPERSEDED);
      waiting = { args, resolve, reject };
      if (!busy) void pump();
    });
}
