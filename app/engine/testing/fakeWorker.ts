/**
 * Engine workers for tests, in the same thread: comlink over a MessageChannel, loads that answer only when the test
 * says so (`answer`) or fail at once (`fail: why`), deaths dispatched by the test (`crash`), and a record of every text each was asked to read.
 */
import * as Comlink from 'comlink';
import type { WorkerLike } from '../workerLink.ts';

export type FakeWorker = WorkerLike & {
  dispatchEvent(e: Event): boolean;
  dead: boolean;
  /** Texts this worker was asked to load, in order. */
  asked: string[];
  /** Answers the oldest held load. */
  answer(): void;
};

export function fakeWorkers() {
  const made: FakeWorker[] = [];
  const make = (): WorkerLike => {
    const { port1, port2 } = new MessageChannel();
    const held: (() => void)[] = [];
    const asked: string[] = [];
    // `fail: why` fails at once, as a parser that throws would; anything else waits for `answer`.
    const load = (text: string) =>
      new Promise((resolve, reject) => {
        asked.push(text);
        if (text.startsWith('fail: ')) reject(new RangeError(text.slice(6)));
        held.push(() => resolve({ parse: { ok: true, topology: { text }, diagnostics: [] }, layout: { drawn: text } }));
      });
    Comlink.expose({ load, ping: () => 'pong' }, port2);
    const w = Object.assign(new EventTarget(), {
      dead: false,
      asked,
      postMessage: (m: unknown) => port1.postMessage(m),
      addEventListener(type: string, l: EventListener) {
        if (type === 'message') port1.addEventListener(type, l);
        else EventTarget.prototype.addEventListener.call(w, type, l);
      },
      removeEventListener: (type: string, l: EventListener) => port1.removeEventListener(type, l),
      terminate() {
        w.dead = true;
        port1.close();
        port2.close();
      },
      answer: () => held.shift()?.(),
    });
    port1.start();
    made.push(w as FakeWorker);
    return w as FakeWorker;
  };
  return { made, make };
}

/** What the browser does when a worker dies of an uncaught error. */
export const crash = (w: EventTarget, message = 'out of memory') =>
  w.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message }));

/** Lets messages cross the channel. */
export const settle = () => new Promise((r) => setTimeout(r, 5));
