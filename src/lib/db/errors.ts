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
