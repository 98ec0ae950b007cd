/**
 * The workspace database's rows in IndexedDB (see rawStore.ts). Errors come back as rejections, never as throws out
 * of an IndexedDB callback, where they would abort the transaction and surface as an uncaught error.
 */
import type { RawStore, RawTx } from './rawStore.ts';

const DB_NAME = 'eventlab';
const DB_VERSION = 1;

/** Opens EventLab's IndexedDB database (rejects when the browser refuses it: private modes, disabled storage). */
export function openIdb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains('workspaces')) db.createObjectStore('workspaces', { keyPath: 'id' });
      if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta');
    };
    request.onsuccess = () => {
      // A later EventLab in another tab that upgrades the database would wait on this connection forever.
      request.result.onversionchange = () => request.result.close();
      resolve(request.result);
    };
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  });
}

export function idbRawStore(db: IDBDatabase): RawStore {
  return {
    durable: true,
    transact: (mode, body, options) =>
      new Promise<void>((resolve, reject) => {
        let tx: IDBTransaction;
        try {
          tx = db.transaction(['workspaces', 'meta'], mode);
        } catch (e) {
          reject(e); // the connection is closed
          return;
        }
        let failure: unknown;
        const guard = (step: () => void) => {
          try {
            step();
          } catch (e) {
            failure ??= e;
            try {
              tx.abort();
            } catch {
              // already finished or aborting
            }
          }
        };
        const raw: RawTx = {
          get(store, key, then) {
            const r = tx.objectStore(store).get(key);
            r.onsuccess = () => guard(() => then(r.result));
          },
          rows(store, then) {
            const rows: [IDBValidKey, unknown][] = [];
            const cursor = tx.objectStore(store).openCursor();
            cursor.onsuccess = () =>
              guard(() => {
                const c = cursor.result;
                if (!c) return then(rows);
                rows.push([c.primaryKey, c.value]);
                c.continue();
              });
          },
          put: (store, value, key) => void (key === undefined ? tx.objectStore(store).put(value) : tx.objectStore(store).put(value, key)),
          delete: (store, key) => void tx.objectStore(store).delete(key),
        };
        tx.oncomplete = () => resolve();
        tx.onabort = () => reject(failure ?? tx.error ?? new DOMException('The browser cancelled the save.', 'AbortError'));
        guard(() => {
          body(raw);
          if (options?.commitNow) tx.commit();
        });
      }),
  };
}
