// The IndexedDB schema and its upgrades. Every store the app uses is declared here, typed, and
// created by version-branching upgrades, so an old database always walks forward to the current shape.

import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { causeText } from '../core/errors';
import type { PrincipleProvenance } from '../core/rubrics/candidates';
import type { RubricReview } from '../core/rubrics/review';
import { DatabaseNewerError, StorageFullError, StorageUnavailableError, isQuotaExceeded } from './errors';

import type { Principle, Run, RunOptions } from '../core/types';
import type { EngineSettings } from '../engine/settings';
import type { EvaluationRecord, StoredEvalExample, StoredEvalResult } from './evaluationRecords';
import type { LanguageChoice } from '../i18n/catalog';
import type { LockMeta, Stored } from './crypto/vault';

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
  /** The passphrase lock (salt, work factor, key check, idle time); absent when the lock is off. */
  lock: LockMeta;
}

/** What the clinician decided about a candidate principle: hidden, or accepted as a library principle. */
export type CandidateDecision =
  | { candidateId: string; status: 'rejected'; at: number }
  | { candidateId: string; status: 'accepted'; at: number; provenance: PrincipleProvenance };

export type SettingRecord = { [K in keyof SettingsMap]: { key: K; value: SettingsMap[K] } }[keyof SettingsMap];

export interface ClinReviseDB extends DBSchema {
  principles: { key: string; value: StoredPrinciple; indexes: { 'by-dimension': string } };
  // The stores below hold either the record or, with the passphrase lock on, its sealed form
  // (crypto/vault.ts): the same key path and index fields in clear, the rest encrypted.
  runs: { key: string; value: Stored<Run>; indexes: { 'by-created': number } };
  settings: { key: string; value: SettingRecord };
  rubricReviews: { key: string; value: Stored<RubricReview>; indexes: { 'by-updated': number; 'by-run': string } };
  candidateDecisions: { key: string; value: Stored<CandidateDecision> };
  evaluations: { key: string; value: Stored<EvaluationRecord>; indexes: { 'by-created': number } };
  evaluationExamples: { key: [string, number]; value: Stored<StoredEvalExample> };
  evaluationResults: { key: [string, string, string]; value: Stored<StoredEvalResult>; indexes: { 'by-evaluation': string } };
}

export type AppDb = IDBPDatabase<ClinReviseDB>;

export const DB_VERSION = 3;
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
          // falls through
          case 1: {
            // Evaluations: the run, its examples (so it resumes after a reload) and each graded result.
            db.createObjectStore('evaluations', { keyPath: 'id' }).createIndex('by-created', 'createdAt');
            db.createObjectStore('evaluationExamples', { keyPath: ['evaluationId', 'index'] });
            db.createObjectStore('evaluationResults', { keyPath: ['evaluationId', 'mode', 'prompt_id'] }).createIndex('by-evaluation', 'evaluationId');
          }
          // falls through
          case 2: {
            const reviews = db.createObjectStore('rubricReviews', { keyPath: 'id' });
            reviews.createIndex('by-updated', 'updatedAt');
            reviews.createIndex('by-run', 'runId');
            db.createObjectStore('candidateDecisions', { keyPath: 'candidateId' });
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
    if (isQuotaExceeded(err)) throw new StorageFullError();
    throw new StorageUnavailableError(causeText(err));
  }
  return db;
}
