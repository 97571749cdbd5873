// The app bundles exactly the principle files the manifest lists, in its order, and says what to do
// when the manifest names a file that was not bundled.

import { describe, expect, it } from 'vitest';
import { readManifest, readShippedPrinciples } from '../../../cli/library';
import { SHIPPED_LIBRARY_VERSION, SHIPPED_RETIRED, ShippedLibraryFileMissingError, loadShippedPrinciples } from './shippedLibrary';

describe('loadShippedPrinciples', () => {
  it('loads the files principles/library.json lists, in order, the same records the CLI reads from disk', async () => {
    const loaded = await loadShippedPrinciples();
    expect(loaded).toEqual(readShippedPrinciples());
    expect(SHIPPED_LIBRARY_VERSION).toBe(readManifest().version);
    expect(SHIPPED_RETIRED).toEqual(readManifest().retired);
  });

  it('follows a different file list rather than a hard-coded one', async () => {
    const urgencyOnly = await loadShippedPrinciples(['urgency.json']);
    expect(urgencyOnly.length).toBeGreaterThan(0);
    expect(urgencyOnly.every((p) => p.dimension === 'urgency')).toBe(true);
  });

  it('rejects a listed file that was not bundled with a named error', async () => {
    await expect(loadShippedPrinciples(['urgency.json', 'missing.json'])).rejects.toBeInstanceOf(ShippedLibraryFileMissingError);
    await expect(loadShippedPrinciples(['library.json'])).rejects.toThrow(/"library\.json".*Reinstall or update the app/);
  });
});
