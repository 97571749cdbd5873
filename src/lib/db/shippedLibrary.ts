// The HealthPrinciples library that ships with the app (principles/*.json). The manifest is tiny and
// bundled; the records are loaded lazily, only when the stored library is older than this one.

import manifest from '../../../principles/library.json';
import type { Principle } from '../core/types';

/** A principle id the library no longer ships, and the ids that now cover what it graded. */
export interface RetiredPrinciple {
  id: string;
  replaced_by: string[];
  since: string;
  reason: string;
}

/** The manifest's shape (principles/library.json). */
export interface LibraryManifest {
  name: string;
  version: string;
  files: string[];
  retired: RetiredPrinciple[];
}

const MANIFEST: LibraryManifest = manifest;

export const SHIPPED_LIBRARY_VERSION: string = MANIFEST.version;

/** Ids retired from the shipped library; never reused for another principle. */
export const SHIPPED_RETIRED: readonly RetiredPrinciple[] = MANIFEST.retired;

// Every principle file in principles/, as a lazy chunk; which of them ship is the manifest's call.
const PRINCIPLE_FILES = import.meta.glob<Principle[]>(
  ['../../../principles/*.json', '!../../../principles/library.json', '!../../../principles/principle.schema.json'],
  { import: 'default' },
);

/** The manifest names a principle file that is not in principles/ (a packaging mistake, not the user's). */
export class ShippedLibraryFileMissingError extends Error {
  override readonly name = 'ShippedLibraryFileMissingError';
  constructor(readonly file: string) {
    super(`The app's principle library lists "${file}", but that file was not bundled. Reinstall or update the app; your own principles are not affected.`);
  }
}

/** Loads every shipped principle, file by file in the manifest's order (separate chunks, fetched on demand). */
export async function loadShippedPrinciples(files: readonly string[] = MANIFEST.files): Promise<Principle[]> {
  const loaders = files.map((file) => {
    const load = PRINCIPLE_FILES[`../../../principles/${file}`];
    if (!load) throw new ShippedLibraryFileMissingError(file);
    return load;
  });
  const parts = await Promise.all(loaders.map((load) => load()));
  return parts.flat();
}
