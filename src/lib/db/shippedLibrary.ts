// The HealthPrinciples library that ships with the app (principles/*.json). The version is tiny and
// bundled; the records are loaded lazily, only when the stored library is older than this one.

import manifest from '../../../principles/library.json';
import type { Principle } from '../core/types';

export const SHIPPED_LIBRARY_VERSION: string = manifest.version;

/** Loads every shipped principle (a separate chunk, fetched on demand). */
export async function loadShippedPrinciples(): Promise<Principle[]> {
  const parts = await Promise.all([
    import('../../../principles/urgency.json'),
    import('../../../principles/uncertainty.json'),
    import('../../../principles/expertise.json'),
    import('../../../principles/task_type.json'),
  ]);
  return parts.flatMap((part) => part.default as Principle[]);
}
