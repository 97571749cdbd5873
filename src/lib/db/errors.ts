// Errors opening the app's database, worded for the user: what happened and what to do.

import { ClinReviseError } from '../core/errors';

/** The database was written by a newer build of the app (another tab updated it). */
export class DatabaseNewerError extends ClinReviseError {
  readonly code = 'database_newer';
  constructor() {
    super('ClinRevise was updated in another tab, and this tab still runs the old version. Reload the page to use the new version; your data is kept.');
    this.name = 'DatabaseNewerError';
  }
}

/** IndexedDB cannot be opened at all in this browser profile. */
export class StorageUnavailableError extends ClinReviseError {
  readonly code = 'storage_unavailable';
  constructor(detail: string) {
    super(
      `ClinRevise could not open its storage in this browser (${detail}). Private windows and some privacy settings block IndexedDB; open the app in a normal window.`,
    );
    this.name = 'StorageUnavailableError';
  }
}

/**
 * The browser refused to store more for this site (QuotaExceededError). Every storage write that can
 * hit the quota turns the browser's error into this one (see `asStorageError`), so the UI says one thing.
 */
export class StorageFullError extends ClinReviseError {
  readonly code = 'storage_full';
  constructor() {
    super('Storage is full: this browser has no room left for ClinRevise’s data. Free space or delete old runs or models (Settings → Data).');
    this.name = 'StorageFullError';
  }
}

/** True for the browser's "storage is full" error in any of its forms (or ours). */
export function isQuotaExceeded(err: unknown): boolean {
  if (err instanceof StorageFullError) return true;
  if (typeof err !== 'object' || err === null) return false;
  const { name, code } = err as { name?: unknown; code?: unknown };
  // Chromium and Safari name it; old Firefox used its own name; the legacy DOMException code is 22.
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || (err instanceof DOMException && code === 22);
}

/** A failed storage write as the app reports it: StorageFullError for a full storage, else unchanged. */
export function asStorageError(err: unknown): unknown {
  return isQuotaExceeded(err) && !(err instanceof StorageFullError) ? new StorageFullError() : err;
}
