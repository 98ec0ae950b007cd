/**
 * Reading and writing EventLab's IndexedDB from a spec, the way another tab or a damaged disk would.
 */
import type { Page } from '@playwright/test';

/** The stored record of the workspace that is open (by the id kept as "current"), as IndexedDB holds it. */
export const storedCurrent = (page: Page) =>
  page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('eventlab');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const get = (store: string, key: IDBValidKey) =>
      new Promise<unknown>((resolve, reject) => {
        const r = db.transaction(store).objectStore(store).get(key);
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const id = (await get('meta', 'current')) as string;
    const record = (await get('workspaces', id)) as Record<string, unknown>;
    db.close();
    return record;
  });

/** Overwrites the stored record of the open workspace with `patch` applied, behind the app's back. */
export const corruptCurrent = (page: Page, patch: Record<string, unknown>) =>
  page.evaluate(async (patch) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('eventlab');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['meta', 'workspaces'], 'readwrite');
      const current = tx.objectStore('meta').get('current');
      current.onsuccess = () => {
        const record = tx.objectStore('workspaces').get(current.result as string);
        record.onsuccess = () => void tx.objectStore('workspaces').put({ ...record.result, ...patch });
      };
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, patch);
