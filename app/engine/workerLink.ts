/**
 * The engine's Web Worker, kept alive and answerable. A worker that dies (an uncaught error, a message that cannot be
 * read, or the app giving up on a call it is stuck in) is replaced, and every call still waiting on it settles with
 * `EngineStopped`: comlink alone would leave them pending forever, and whoever awaited them (the canvas's "reading…")
 * with them. A worker that keeps dying at once (its script cannot load, say) is not restarted in a loop.
 */
import * as Comlink from 'comlink';

/**
 * Why a call will never be answered: the worker died, the app gave up on the call (`abandoned`), or the worker died
 * so often that it is not started again (`broken`).
 */
export class EngineStopped extends Error {
  override name = 'Engine stopped';
  constructor(
    message: string,
    readonly kind: 'died' | 'abandoned' | 'broken',
  ) {
    super(message);
  }
}

/** What a Worker offers that the link uses (a test passes a fake). */
export type WorkerLike = Comlink.Endpoint & { terminate(): void };

export interface Restart {
  reason: string;
  kind: 'died' | 'abandoned';
  /** The worker died too often to be started again: every call now fails at once. */
  broken: boolean;
}

export interface WorkerLink<T> {
  /** Asks the worker; settles with `EngineStopped` if it stops before answering. `label` names the call for `current`. */
  call<R>(label: string, ask: (remote: Comlink.Remote<T>) => Promise<R>): Promise<R>;
  /** The call the worker is working on (the oldest unanswered: its calls run one at a time, in order), and since when. */
  current(): { label: string; since: number } | null;
  /** Ends the worker, settles its calls with `EngineStopped(reason, kind)`, and starts another. */
  restart(reason: string, kind: Restart['kind']): void;
  /** Hears of each restart; returns the function that stops listening. */
  onRestart(listener: (r: Restart) => void): () => void;
}

/** Deaths this close together mean the worker cannot run at all: stop restarting it. */
const DEATHS_IN_A_ROW = 3;
const IN_A_ROW_MS = 10_000;

interface Pending {
  label: string;
  since: number;
  reject: (e: EngineStopped) => void;
}

export function createWorkerLink<T>(make: () => WorkerLike, now: () => number): WorkerLink<T> {
  let worker: WorkerLike;
  let remote: Comlink.Remote<T>;
  let pending: Pending[] = [];
  let deaths: number[] = [];
  /** Set once the worker has died too often: every call fails at once with this. */
  let broken: EngineStopped | null = null;
  const listeners = new Set<(r: Restart) => void>();

  const start = () => {
    const w = make();
    const died = (reason: string) => {
      if (w === worker) restart(reason, 'died');
    };
    w.addEventListener('error', (e) => {
      e.preventDefault(); // handled here: not an uncaught error of the page
      died((e as ErrorEvent).message || 'its worker failed');
    });
    w.addEventListener('messageerror', () => died('a message from it could not be read'));
    worker = w;
    remote = Comlink.wrap<T>(w);
  };

  const restart = (reason: string, kind: Restart['kind']) => {
    worker.terminate();
    const stopped = new EngineStopped(reason, kind);
    const orphans = pending;
    pending = [];
    for (const p of orphans) p.reject(stopped);
    if (kind === 'died') {
      const t = now();
      deaths = [...deaths.filter((d) => t - d < IN_A_ROW_MS), t];
      if (deaths.length >= DEATHS_IN_A_ROW) {
        broken = new EngineStopped(`EventLab's engine cannot start (${reason}): reload the page`, 'broken');
      }
    }
    if (!broken) start();
    for (const l of listeners) l({ reason, kind, broken: broken !== null });
  };

  start();
  return {
    call(label, ask) {
      if (broken) return Promise.reject(broken);
      return new Promise((resolve, reject) => {
        const mine: Pending = { label, since: now(), reject };
        pending.push(mine);
        const settle = () => {
          const at = pending.indexOf(mine);
          if (at < 0) return false; // already rejected by a restart
          pending.splice(at, 1);
          // The next call starts only now: the time it waited behind this one was not its own.
          if (at === 0 && pending[0]) pending[0].since = Math.max(pending[0].since, now());
          return true;
        };
        ask(remote).then(
          (value) => settle() && resolve(value),
          (error: unknown) => settle() && reject(error),
        );
      });
    },
    current() {
      const head = pending[0];
      return head ? { label: head.label, since: head.since } : null;
    },
    restart,
    onRestart(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
