// Runs in IndexedDB: saved whole after every completed step, listed newest first.

import type { Run } from '../core/types';
import { asStorageError } from './errors';
import type { AppDb } from './schema';

export class RunsRepository {
  constructor(private readonly db: AppDb) {}

  /** Saves the run as it stands (insert or replace). A full storage throws StorageFullError; nothing is written. */
  async save(run: Run): Promise<void> {
    try {
      await this.db.put('runs', run);
    } catch (err) {
      throw asStorageError(err);
    }
  }

  async get(id: string): Promise<Run | undefined> {
    return this.db.get('runs', id);
  }

  /** Runs, newest first, at most `limit`. */
  async listRecent(limit = 200): Promise<Run[]> {
    const runs: Run[] = [];
    let cursor = await this.db.transaction('runs').store.index('by-created').openCursor(null, 'prev');
    while (cursor && runs.length < limit) {
      runs.push(cursor.value);
      cursor = await cursor.continue();
    }
    return runs;
  }

  async delete(id: string): Promise<void> {
    await this.db.delete('runs', id);
  }
}
