// The whole database as data, for Settings → Data: what each store holds (records and size), every
// record exported as JSON lines, and deleting. Walks whatever stores exist (`objectStoreNames`), so
// stores added by later schema versions are counted and exported without a change here.

import { deleteDB, type IDBPDatabase } from 'idb';
import { throwIfAborted } from '../core/errors';
import { SEALED_STORES, isSealed, plainVault, type SealedStore, type Vault } from './crypto/vault';
import { asStorageError } from './errors';
import { DB_VERSION, type AppDb } from './schema';

/** What a store holds, in the words Settings → Data uses. */
export type StoreKind = 'runs' | 'evaluations' | 'rubrics' | 'principles' | 'settings' | 'other';

/** The kind of data a store holds, by its name (stores of later versions included). */
export function storeKind(store: string): StoreKind {
  if (store === 'runs') return 'runs';
  if (store === 'principles') return 'principles';
  if (store === 'settings') return 'settings';
  if (/^evaluation/i.test(store)) return 'evaluations';
  if (/rubric|candidate/i.test(store)) return 'rubrics';
  return 'other';
}

export interface StoreSize {
  store: string;
  kind: StoreKind;
  records: number;
  /** UTF-8 bytes of the records as JSON: an estimate of what the browser stores (it adds its own overhead). */
  bytes: number;
}

/** The first line of an export file. */
export interface ExportHeader {
  format: 'clinrevise-export';
  version: 1;
  exportedAt: string;
  databaseVersion: number;
  stores: string[];
}

/** Every other line of an export file: one record of one store. */
export interface ExportLine {
  store: string;
  value: unknown;
}

export const EXPORT_FORMAT = 'clinrevise-export';

/** Records read per transaction: a transaction never waits for anything but IndexedDB. */
const BATCH = 200;

const utf8 = new TextEncoder();

/** Lets the page paint between batches, so walking a large store never blocks it for long. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Records that exist only in memory (a run the full storage could not keep), in the export format:
 * the same header and lines as a whole-database export, so one reader takes both.
 */
export function exportLinesOf(store: string, values: readonly unknown[], now: Date = new Date()): string[] {
  const header: ExportHeader = { format: EXPORT_FORMAT, version: 1, exportedAt: now.toISOString(), databaseVersion: DB_VERSION, stores: [store] };
  return [`${JSON.stringify(header)}\n`, ...values.map((value) => `${JSON.stringify({ store, value } satisfies ExportLine)}\n`)];
}

/** A stored record's size: JSON for plain records, the ciphertext's bytes for sealed ones. */
function storedBytes(value: unknown): number {
  if (!isSealed(value)) return utf8.encode(JSON.stringify(value) ?? '').byteLength;
  const { sealed, ...clear } = value;
  return utf8.encode(JSON.stringify(clear)).byteLength + sealed.data.byteLength + sealed.iv.byteLength;
}

export class DataRepository {
  /** The same connection as the other repositories, untyped: stores are discovered, not declared. */
  readonly #db: IDBPDatabase;

  /** Export decrypts sealed records with it (and is refused while locked: never ciphertext in a file). */
  readonly #vault: Vault;

  constructor(db: AppDb, vault: Vault = plainVault()) {
    this.#db = db as unknown as IDBPDatabase;
    this.#vault = vault;
  }

  /** The stores this database has, in the browser's (alphabetical) order. */
  stores(): string[] {
    return Array.from(this.#db.objectStoreNames);
  }

  /** Up to BATCH records after `after`, read in one short transaction; `more` when the store has others. */
  async #readBatch(store: string, after: IDBValidKey | undefined): Promise<{ values: unknown[]; last: IDBValidKey | undefined; more: boolean }> {
    const tx = this.#db.transaction(store, 'readonly');
    let cursor = await tx.store.openCursor(after === undefined ? null : IDBKeyRange.lowerBound(after, true));
    const values: unknown[] = [];
    let last = after;
    while (cursor && values.length < BATCH) {
      values.push(cursor.value);
      last = cursor.primaryKey;
      cursor = await cursor.continue();
    }
    await tx.done;
    return { values, last, more: cursor !== null };
  }

  /**
   * A store's records batch by batch, each batch from its own transaction (never held open across
   * anything but IndexedDB). Batches resume after the last key read, so none is read twice.
   */
  async *#batches(store: string, signal?: AbortSignal): AsyncGenerator<unknown[]> {
    let after: IDBValidKey | undefined;
    for (;;) {
      throwIfAborted(signal);
      const { values, last, more } = await this.#readBatch(store, after);
      if (values.length) yield values;
      if (!more) return;
      after = last;
      await breathe();
    }
  }

  /** Records and estimated size of every store. */
  async measure(signal?: AbortSignal): Promise<StoreSize[]> {
    const sizes: StoreSize[] = [];
    for (const store of this.stores()) {
      const size: StoreSize = { store, kind: storeKind(store), records: 0, bytes: 0 };
      for await (const batch of this.#batches(store, signal)) {
        size.records += batch.length;
        for (const value of batch) size.bytes += storedBytes(value);
      }
      sizes.push(size);
    }
    return sizes;
  }

  /**
   * The whole database as JSON lines: a header (format, version, stores), then one `{store, value}`
   * per record. Yields batch by batch, so a large database is never held as one string.
   */
  async *exportLines(signal?: AbortSignal, now: Date = new Date()): AsyncGenerator<string> {
    const stores = this.stores();
    const header: ExportHeader = { format: EXPORT_FORMAT, version: 1, exportedAt: now.toISOString(), databaseVersion: this.#db.version, stores };
    yield `${JSON.stringify(header)}\n`;
    for (const store of stores) {
      const sealedStore = (SEALED_STORES as string[]).includes(store) ? (store as SealedStore) : null;
      for await (const batch of this.#batches(store, signal)) {
        // With the lock on, the file holds the records themselves (the user asked for their data);
        // a damaged record is left out rather than written as ciphertext nobody can read.
        const values = sealedStore ? (await this.#vault.openAll(sealedStore, batch)).values : batch;
        yield values.map((value) => `${JSON.stringify({ store, value } satisfies ExportLine)}\n`).join('');
      }
    }
  }

  /** Deletes every run (other data is kept). */
  async deleteAllRuns(): Promise<void> {
    try {
      await this.#db.clear('runs');
    } catch (err) {
      throw asStorageError(err);
    }
  }

  /**
   * Closes this connection and deletes the whole database. Other tabs are asked to let go (their
   * connections close themselves on `versionchange`); `onBlocked` says when one does not.
   */
  async deleteDatabase(onBlocked?: () => void): Promise<void> {
    const name = this.#db.name;
    this.#db.close();
    await deleteDB(name, { blocked: () => onBlocked?.() });
  }
}
