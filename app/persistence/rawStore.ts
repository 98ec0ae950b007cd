/**
 * The storage under the workspace database, as plain rows: IndexedDB in the browser (idbRawStore.ts), a Map in
 * memory when the browser keeps nothing and in tests. Rows come back as `unknown`: db.ts checks each one before use.
 * Everything happens in callbacks inside one transaction, because an IndexedDB transaction ends when its callbacks
 * do; that is what makes "read the stored version, then write the next" one indivisible step across tabs.
 */

export type StoreName = 'workspaces' | 'meta';
export type RowKey = IDBValidKey;

export interface RawTx {
  get(store: StoreName, key: RowKey, then: (value: unknown) => void): void;
  /** Every row of a store with its key. */
  rows(store: StoreName, then: (rows: [RowKey, unknown][]) => void): void;
  /** A workspace row is keyed by its own `id` (no key given); a meta row by `key`. */
  put(store: StoreName, value: unknown, key?: RowKey): void;
  delete(store: StoreName, key: RowKey): void;
}

export interface RawStore {
  /** False when nothing survives a reload. */
  readonly durable: boolean;
  /**
   * Runs `body` as one transaction: all of its writes happen or none do. Resolves once committed; rejects with the
   * browser's reason when it refuses (a full disk is a QuotaExceededError), or with what `body` threw. With
   * `commitNow`, the transaction is committed as soon as `body` returns, so it needs no callbacks: the only kind of
   * write that reaches the disk from a page being unloaded (measured in Chromium), and `body` may not read.
   */
  transact(mode: IDBTransactionMode, body: (tx: RawTx) => void, options?: { commitNow?: boolean }): Promise<void>;
}

export interface MemoryOptions {
  /** Called before each write; a test throws from it to play a full disk. */
  beforeWrite?: () => void;
}

/** Rows in a Map; writes are staged and land only if the whole transaction ran. */
export function memoryRawStore(options: MemoryOptions = {}): RawStore {
  const stores: Record<StoreName, Map<string, [RowKey, unknown]>> = { workspaces: new Map(), meta: new Map() };
  const slot = (key: RowKey) => JSON.stringify(key);
  return {
    durable: false,
    async transact(_mode, body) {
      const staged: Record<StoreName, Map<string, [RowKey, unknown] | null>> = { workspaces: new Map(), meta: new Map() };
      const read = (store: StoreName, key: RowKey) => {
        const row = staged[store].has(slot(key)) ? staged[store].get(slot(key)) : stores[store].get(slot(key));
        return row ? structuredClone(row[1]) : undefined;
      };
      body({
        get: (store, key, then) => then(read(store, key)),
        rows(store, then) {
          const merged = new Map([...stores[store], ...staged[store]]);
          const live = [...merged.values()].filter((row): row is [RowKey, unknown] => row !== null);
          then(live.map(([key, value]) => [key, structuredClone(value)]));
        },
        put(store, value, key) {
          options.beforeWrite?.();
          const rowKey = key ?? (value as { id?: RowKey } | null)?.id;
          if (rowKey === undefined) throw new DOMException('A workspace row needs an id.', 'DataError');
          staged[store].set(slot(rowKey), [rowKey, structuredClone(value)]);
        },
        delete: (store, key) => void staged[store].set(slot(key), null),
      });
      for (const store of ['workspaces', 'meta'] as const) {
        for (const [s, row] of staged[store]) {
          if (row) stores[store].set(s, row);
          else stores[store].delete(s);
        }
      }
    },
  };
}
