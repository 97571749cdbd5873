// Which catalog the app offers: the shipped one, except in a build made with `--mode catalogtest`,
// where a test may put its own (URLs on 127.0.0.1) in localStorage. Production builds drop that branch.

import { GGUF_CATALOG, type CatalogEntry } from './catalog';

/** The localStorage key a `catalogtest` build reads its catalog from. */
export const TEST_CATALOG_KEY = 'clinrevise.gguf.testCatalog';

/** The catalog to show: the shipped one, or (test builds only) the one a test stored. */
export function activeCatalog(): readonly CatalogEntry[] {
  if (import.meta.env.MODE === 'catalogtest' && typeof localStorage !== 'undefined') {
    const raw = localStorage.getItem(TEST_CATALOG_KEY);
    if (raw) return JSON.parse(raw) as CatalogEntry[];
  }
  return GGUF_CATALOG;
}
