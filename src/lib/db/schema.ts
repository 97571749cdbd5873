// The IndexedDB schema and its upgrades. Every store the app uses is declared here, typed, and
// created by version-branching upgrades, so an old database always walks forward to the current shape.

import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { causeText } from '../core/errors';
import { DatabaseNewerError, StorageUnavailableError } from './errors';
import type { Principle, Run, RunOptions } from '../core/types';
import type { EngineSettings } from '../engine/settings';
import type { LanguageChoice } from '../i18n/catalog';

/** A principle as stored: the record plus the user's switches and the shipped original. */
export interface StoredPrinciple extends Principle {
  enabled: boolean;
  /** `shipped` came with the app's library; `user` was added by the user. */
  origin: 'shipped' | 'user';
  /** A shipped principle the user has changed; library upgrades keep the user's version. */
  edited: boolean;
  /** The shipped version, kept for "reset" (null for the user's own principles). */
  shipped: Principle | null;
  updatedAt: number;
  /**
   * Set on a principle the user had edited when the shipped library retired its id: it is kept as the
   * user's own, and this says since which library version and which shipped principles replaced it.
   */
  retired?: { since: string; replaced_by: string[] };
}

/** Every setting the app keeps, by key. */
export interface SettingsMap {
  engine: EngineSettings;
  runOptions: RunOptions;
  /** The version of the shipped principle library last merged into the store. */
  libraryVersion: string;
  /** The UI language chosen in Settings ('auto' = the browser's). */
  language: LanguageChoice;
}

export type SettingRecord = { [K in keyof SettingsMap]: { key: K; value: SettingsMap[K] } }[keyof SettingsMap];

export interface ClinReviseDB extends DBSchema {
  principles: { key: string; value: StoredPrinciple; indexes: { 'by-dimension': string } };
  runs: { key: string; value: Run; indexes: { 'by-created': number } };
  settings: { key: string; value: SettingRecord };
}

export type AppDb = IDBPDatabase<ClinReviseDB>;

export const DB_VERSION = 1;
export const DEFAULT_DB_NAME = 'clinrevise';

/** What another tab does to this tab's database connection. */
export interface DbEvents {
  /** Another tab (a newer build) wants to upgrade the database: this connection has been closed. */
  onVersionChange?: () => void;
  /** This tab wants to upgrade, but another tab still holds the old version open. */
  onBlocked?: () => void;
}

/**
 * Opens (creating or upgrading) the app database. Tests pass their own name. When a newer build in
 * another tab needs to upgrade, this connection closes itself (so the upgrade never hangs) and says so.
 */
export async function openAppDb(name: string = DEFAULT_DB_NAME, events: DbEvents = {}): Promise<AppDb> {
  let db: AppDb | undefined;
  try {
    db = await openDB<ClinReviseDB>(name, DB_VERSION, {
      upgrade(db, oldVersion) {
        // Each case upgrades from one version to the next; fall through on purpose.
        switch (oldVersion) {
          case 0: {
            const principles = db.createObjectStore('principles', { keyPath: 'id' });
            principles.createIndex('by-dimension', 'dimension');
            const runs = db.createObjectStore('runs', { keyPath: 'id' });
            runs.createIndex('by-created', 'createdAt');
            db.createObjectStore('settings', { keyPath: 'key' });
          }
        }
      },
      blocked() {
        events.onBlocked?.();
      },
      blocking() {
        // A newer version of the app was opened in another tab: step aside so it can upgrade.
        db?.close();
        events.onVersionChange?.();
      },
    });
  } catch (err) {
    if (err instanceof Error && err.name === 'VersionError') throw new DatabaseNewerError();
    throw new StorageUnavailableError(causeText(err));
  }
  return db;
}
