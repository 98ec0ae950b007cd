/**
 * Word between tabs of EventLab: "I saved workspace X", "I deleted workspace X", over a BroadcastChannel, so another
 * tab on the same workspace learns of it at once rather than at its next save. The stored version is what protects
 * the work (db.ts); this only makes the news fast. Without BroadcastChannel the tabs still never overwrite each other.
 */

export type TabMessage = { type: 'saved' | 'deleted'; id: string };

export interface TabChannel {
  post(message: TabMessage): void;
  /** Calls `on` with each message another tab posts; returns the function that stops listening. */
  listen(on: (message: TabMessage) => void): () => void;
}

const CHANNEL = 'eventlab-workspaces';

/** A message from another tab is data from outside too: anything but a well-formed one is ignored. */
export function readTabMessage(data: unknown): TabMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const { type, id } = data as Record<string, unknown>;
  return (type === 'saved' || type === 'deleted') && typeof id === 'string' && id !== '' ? { type, id } : null;
}

/** The channel between this page's tabs; a silent one where the browser has no BroadcastChannel. */
export function browserTabChannel(): TabChannel {
  if (typeof BroadcastChannel === 'undefined') return { post() {}, listen: () => () => {} };
  const channel = new BroadcastChannel(CHANNEL);
  return {
    post: (message) => channel.postMessage(message),
    listen(on) {
      const handler = (e: MessageEvent) => {
        const message = readTabMessage(e.data);
        if (message) on(message);
      };
      channel.addEventListener('message', handler);
      return () => channel.removeEventListener('message', handler);
    },
  };
}

/** Channels that reach each other in memory, one per simulated tab (tests); delivery is asynchronous, as in a browser. */
export function memoryTabHub(): { channel(): TabChannel } {
  const listeners = new Set<{ from: object; on: (m: TabMessage) => void }>();
  return {
    channel() {
      const self = {};
      return {
        post: (message) => {
          for (const l of listeners) if (l.from !== self) void Promise.resolve().then(() => l.on(message));
        },
        listen(on) {
          const entry = { from: self, on };
          listeners.add(entry);
          return () => listeners.delete(entry);
        },
      };
    },
  };
}
