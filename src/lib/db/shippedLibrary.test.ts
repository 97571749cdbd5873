// The app bundles exactly the principle files the manifest lists, in its order, and says what to do
// when the manifest names a file that was not bundled.

import { describe, expect, it } from 'vitest';
import { readManifest, readShippedPrinciples } from '../../../cli/library';
import { PrinciplesRepository } from './principlesRepository';
import { openAppDb } from './schema';
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

describe('upgrading a store to the shipped library', () => {
  it('keeps a retired principle the user edited as their own, pointing at its replacement, and removes an unedited one', async () => {
    const shipped = await loadShippedPrinciples();
    const retired = SHIPPED_RETIRED[0]!;
    // A store seeded by an older library that still shipped the now-retired id.
    const old = { ...shipped.find((p) => p.dimension === 'task_type')!, id: retired.id, title: 'As shipped before it was retired' };
    const edited = new PrinciplesRepository(await openAppDb(`retired-edited-${Date.now()}`));
    await edited.syncShipped('old', [...shipped, old]);
    await edited.save({ ...old, title: 'My clinic’s version' });
    const report = await edited.syncShipped(SHIPPED_LIBRARY_VERSION, shipped, SHIPPED_RETIRED);
    expect(report).toMatchObject({ keptAsOwn: 1, removed: 0 });
    expect(await edited.get(retired.id)).toMatchObject({
      title: 'My clinic’s version',
      origin: 'user',
      retired: { since: retired.since, replaced_by: retired.replaced_by },
    });

    const untouched = new PrinciplesRepository(await openAppDb(`retired-unedited-${Date.now()}`));
    await untouched.syncShipped('old', [...shipped, old]);
    expect(await untouched.syncShipped(SHIPPED_LIBRARY_VERSION, shipped, SHIPPED_RETIRED)).toMatchObject({ keptAsOwn: 0, removed: 1 });
    expect(await untouched.get(retired.id)).toBeUndefined();
    for (const id of retired.replaced_by) expect(await untouched.get(id)).toMatchObject({ origin: 'shipped' });
  });
});
