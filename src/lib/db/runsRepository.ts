// Runs in IndexedDB: saved whole after every completed step, read newest first a page at a time
// through the `by-created` index (so the first page costs the same at 10 runs or 10,000), searched and
// exported by walking that index in batches — a short transaction per batch, never all runs in memory.

import { runMatcher, queryNeedsContent, type RunQuery } from '../core/history/runQuery';
import { throwIfAborted } from '../core/errors';
import type { Run } from '../core/types';
import { plainVault, type Stored, type Vault } from './crypto/vault';
import { asStorageError } from './errors';
import type { AppDb } from './schema';

/** Where a page ended: the next page starts just after (older than) this run. */
export interface RunCursor {
  createdAt: number;
  id: string;
}

/** One page of runs, newest first, and where the next page starts (null: nothing older). */
export interface RunPage {
  runs: Run[];
  next: RunCursor | null;
  /** Ids of runs on this page that would not decrypt with the right key (damaged); the rest still show. */
  corrupt?: string[];
}

/** What changed in the runs store, so other views (and other tabs) can refresh. */
export type RunsChange = { type: 'saved'; id: string } | { type: 'deleted'; ids: string[] } | { type: 'added'; ids: string[] };

export interface PageRequest {
  query?: RunQuery;
  after?: RunCursor | null;
  /** Runs per page (default DEFAULT_PAGE_SIZE). */
  limit?: number;
  /** Tells a run still going in some tab from an interrupted one (for the status filter). */
  isLive?: (id: string) => boolean;
  signal?: AbortSignal;
}

/** Runs read per transaction when scanning (search, count, export). */
const SCAN_BATCH = 250;
/** Runs per History page: more than a desktop screen shows; the next page loads on scroll. */
export const DEFAULT_PAGE_SIZE = 30;

export class RunsRepository {
  constructor(
    private readonly db: AppDb,
    /** Told after every write (the app forwards it to other tabs). */
    private readonly onChange: (change: RunsChange) => void = () => {},
    /** Seals and opens records when the passphrase lock is on (passes them through when off). */
    private readonly vault: Vault = plainVault(),
  ) {}

  /** Saves the run as it stands (insert or replace). A full storage throws StorageFullError; nothing is written. */
  async save(run: Run): Promise<void> {
    // Sealed before the write: a locked vault throws here, so nothing plain is ever written.
    const stored = await this.vault.seal('runs', run);
    try {
      await this.db.put('runs', stored);
    } catch (err) {
      throw asStorageError(err);
    }
    this.onChange({ type: 'saved', id: run.id });
  }

  /** The run, or undefined when none has this id; throws CorruptRecordError when it will not decrypt. */
  async get(id: string): Promise<Run | undefined> {
    const stored = await this.db.get('runs', id);
    return stored === undefined ? undefined : this.vault.open('runs', stored);
  }

  /** Runs, newest first, at most `limit`. */
  async listRecent(limit = DEFAULT_PAGE_SIZE): Promise<Run[]> {
    return (await this.page({ limit })).runs;
  }

  /** How many runs are stored (cheap: no record is read). */
  async count(): Promise<number> {
    return this.db.count('runs');
  }

  /**
   * One page of the runs matching `query`, newest first, starting after `after`. The date range is
   * answered by the index; other filters are checked run by run until the page is full.
   */
  async page({ query = {}, after = null, limit = DEFAULT_PAGE_SIZE, isLive, signal }: PageRequest = {}): Promise<RunPage> {
    if (!queryNeedsContent(query)) {
      // Dates only: the index range is the answer; read just the page's records with one cursor.
      const batch = await this.#batch(query, after, limit);
      const { values, corrupt } = await this.vault.openAll<Run>('runs', batch.stored);
      return { runs: values, next: batch.stored.length === limit && batch.next ? batch.next : null, corrupt };
    }
    // A search: walk the runs newest first in batches until the page is full. With the lock on every
    // run walked is decrypted to be matched (the cost is in the README).
    const runs: Run[] = [];
    const corrupt: string[] = [];
    const matches = runMatcher(query, isLive);
    const ids = await this.#orderedIds(query, after);
    for (let i = 0; i < ids.length; i += SCAN_BATCH) {
      throwIfAborted(signal);
      const batch = await this.#fetch(ids.slice(i, i + SCAN_BATCH));
      corrupt.push(...batch.corrupt);
      for (const run of batch.runs) {
        if (!matches(run)) continue;
        runs.push(run);
        if (runs.length === limit) return { runs, next: position(run), corrupt };
      }
    }
    return { runs, next: null, corrupt };
  }

  /** How many runs match `query` (a date range alone is counted by the index without reading runs). */
  async countMatching(query: RunQuery, isLive?: (id: string) => boolean, signal?: AbortSignal): Promise<number> {
    if (!queryNeedsContent(query)) return this.db.countFromIndex('runs', 'by-created', dateRange(query, null) ?? undefined);
    let total = 0;
    for await (const batch of this.scan(query, isLive, signal)) total += batch.length;
    return total;
  }

  /**
   * Every run matching `query`, newest first, in batches: each batch is read in its own short
   * transaction, so the consumer may take its time between batches (export streams them to a file).
   */
  async *scan(query: RunQuery = {}, isLive?: (id: string) => boolean, signal?: AbortSignal): AsyncGenerator<Run[]> {
    const matches = runMatcher(query, isLive);
    // The ids in order first (keys only, cheap), then the records a batch at a time: every read in a
    // batch is issued at once, far faster than stepping a cursor one record per round trip.
    const ids = await this.#orderedIds(query, null);
    for (let i = 0; i < ids.length; i += SCAN_BATCH) {
      throwIfAborted(signal);
      const runs = (await this.#fetch(ids.slice(i, i + SCAN_BATCH))).runs.filter(matches);
      if (runs.length) yield runs;
    }
  }

  /** The runs with these ids, in batches, in the order given (missing ids are skipped). */
  async *byIds(ids: readonly string[], signal?: AbortSignal): AsyncGenerator<Run[]> {
    for (let i = 0; i < ids.length; i += SCAN_BATCH) {
      throwIfAborted(signal);
      const { runs } = await this.#fetch(ids.slice(i, i + SCAN_BATCH));
      if (runs.length) yield runs;
    }
  }

  async delete(id: string): Promise<void> {
    await this.deleteMany([id]);
  }

  /** Deletes these runs in one transaction (all or none). */
  async deleteMany(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const tx = this.db.transaction('runs', 'readwrite');
    await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
    this.onChange({ type: 'deleted', ids: [...ids] });
  }

  /** Puts deleted runs back exactly as they were (undo), in one transaction. */
  async restore(runs: readonly Run[]): Promise<void> {
    if (runs.length === 0) return;
    // Sealed first: a transaction closes while WebCrypto works, so nothing async may run inside it.
    const stored = await this.vault.sealAll('runs', runs);
    const tx = this.db.transaction('runs', 'readwrite');
    await Promise.all([...stored.map((run) => tx.store.put(run)), tx.done]);
    this.onChange({ type: 'added', ids: runs.map((r) => r.id) });
  }

  /**
   * Adds the runs whose id is not stored yet, in one transaction (all or none), and returns the ids
   * added; runs already stored are left as they are (import dedupes by id).
   */
  async addNew(runs: readonly Run[]): Promise<string[]> {
    if (runs.length === 0) return [];
    const stored = await this.vault.sealAll('runs', runs);
    const tx = this.db.transaction('runs', 'readwrite');
    const present = await Promise.all(runs.map((run) => tx.store.getKey(run.id)));
    const fresh = runs.filter((_, i) => present[i] === undefined);
    await Promise.all([...stored.filter((_, i) => present[i] === undefined).map((run) => tx.store.add(run)), tx.done]);
    const ids = fresh.map((r) => r.id);
    if (ids.length) this.onChange({ type: 'added', ids });
    return ids;
  }

  /** Whether a run with this id is stored. */
  async has(id: string): Promise<boolean> {
    return (await this.db.getKey('runs', id)) !== undefined;
  }

  /** The ids of the runs in the query's date range, newest first, starting after `after`. */
  async #orderedIds(query: RunQuery, after: RunCursor | null): Promise<string[]> {
    const ids = await this.db.getAllKeysFromIndex('runs', 'by-created', dateRange(query, after) ?? undefined);
    ids.reverse();
    if (after) {
      const at = ids.indexOf(after.id);
      if (at >= 0) return ids.slice(at + 1);
    }
    return ids;
  }

  /** These runs in one transaction, all reads issued at once (missing ids are skipped), then opened. */
  async #fetch(ids: readonly string[]): Promise<{ runs: Run[]; corrupt: string[] }> {
    const tx = this.db.transaction('runs');
    const found = await Promise.all(ids.map((id) => tx.store.get(id)));
    await tx.done;
    const { values, corrupt } = await this.vault.openAll<Run>('runs', found.filter((r): r is Stored<Run> => r !== undefined));
    return { runs: values, corrupt };
  }

  /**
   * Reads up to `limit` records after `from` (newest first) in one transaction, as stored (opening
   * them waits for WebCrypto, which would close the transaction). `next` is where to continue, or
   * null when the range is exhausted. Only the clear fields (id, createdAt) are read here.
   */
  async #batch(query: RunQuery, from: RunCursor | null, limit: number): Promise<{ stored: Stored<Run>[]; next: RunCursor | null }> {
    const tx = this.db.transaction('runs');
    const stored: Stored<Run>[] = [];
    let last: RunCursor | null = null;
    let cursor = await tx.store.index('by-created').openCursor(dateRange(query, from), 'prev');
    // Runs created in the same millisecond come in descending id order: skip those already returned.
    while (cursor && from && cursor.key === from.createdAt && cursor.primaryKey >= from.id) cursor = await cursor.continue();
    while (cursor && stored.length < limit) {
      stored.push(cursor.value);
      last = { createdAt: cursor.key, id: cursor.primaryKey };
      cursor = await cursor.continue();
    }
    const exhausted = cursor === null;
    await tx.done;
    return { stored, next: exhausted ? null : last };
  }
}

function position(run: Run): RunCursor {
  return { createdAt: run.createdAt, id: run.id };
}

/** The index range for a query's dates, ending at (and including) `from`'s millisecond when given. */
function dateRange(query: RunQuery, from: RunCursor | null): IDBKeyRange | null {
  const lower = query.from;
  let upper: number | undefined = query.to;
  let upperOpen = true;
  if (from && (upper === undefined || from.createdAt < upper)) {
    upper = from.createdAt;
    upperOpen = false;
  }
  if (lower !== undefined && upper !== undefined) return IDBKeyRange.bound(lower, upper, false, upperOpen);
  if (lower !== undefined) return IDBKeyRange.lowerBound(lower);
  if (upper !== undefined) return IDBKeyRange.upperBound(upper, upperOpen);
  return null;
}
