/**
 * The canvas's loads (parse and lay out a text in the worker), each one answered: one at a time, a newer text
 * superseding an older one (latestWins), a stuck one abandoned (loadWatchdog). When the worker dies under a load,
 * the new worker reads the text again; when that fails too, or the load was abandoned, the answer is an error that
 * says so, so the canvas never waits for ever.
 */
import type { LoadResult, Pinned } from '../../engine/index.ts';
import type { EngineWorkerApi } from '../../engine/worker.ts';
import { latestWins, SUPERSEDED } from './latestWins.ts';
import { couldNotReadMessage, diedTwiceMessage, failedLoad, gaveUpMessage } from './loadFailure.ts';
import { GIVE_UP_AFTER_MS, watchLoad } from './loadWatchdog.ts';
import { EngineStopped, type WorkerLink } from './workerLink.ts';

export type Load = (text: string, pinned: Pinned) => Promise<{ result: LoadResult; ms: number } | null>;

type LoadApi = Pick<EngineWorkerApi, 'load'>;

/** `load(text, pinned)`: the answer, or null when a newer load overtook this one. */
export function createLoader(link: WorkerLink<LoadApi>, now: () => number): Load {
  let requested = 0;

  const once = async (text: string, pinned: Pinned, ticket: number) => {
    const stop = watchLoad(link, () => requested > ticket, now);
    try {
      return await link.call('load', (remote) => remote.load(text, pinned));
    } finally {
      stop();
    }
  };

  const attempt = async (text: string, pinned: Pinned, ticket: number) => {
    const started = now();
    const answer = (result: LoadResult) => ({ result, ms: now() - started });
    for (let tries = 1; ; tries++) {
      try {
        return answer(await once(text, pinned, ticket));
      } catch (e) {
        if (requested !== ticket) throw e; // superseded: latestWins drops it, and the newer text goes to the worker
        if (!(e instanceof EngineStopped)) return answer(failedLoad(couldNotReadMessage(e))); // the worker threw
        if (e.kind === 'broken') return answer(failedLoad(e.message));
        if (e.kind === 'abandoned') return answer(failedLoad(gaveUpMessage(GIVE_UP_AFTER_MS / 1000)));
        if (tries === 2) return answer(failedLoad(diedTwiceMessage(e.message)));
        // The worker died under this text, likely of something else: the new worker reads it again.
      }
    }
  };

  const latest = latestWins(attempt);
  return async (text, pinned) => {
    const answer = await latest(text, pinned, ++requested);
    return answer === SUPERSEDED ? null : answer;
  };
}
