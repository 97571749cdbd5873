// The principle library in IndexedDB: the shipped HealthPrinciples merged in on first run and on
// each library version change, without clobbering the user's edits, switches or own principles.

import { samePrincipleContent, type PrincipleWithSwitch } from '../core/library/principleFile';
import type { Principle } from '../core/types';
import type { AppDb, StoredPrinciple } from './schema';
import type { RetiredPrinciple } from './shippedLibrary';

/** What an import did. */
export interface ImportReport {
  added: number;
  updated: number;
}

/** What a library merge did, for display and tests. */
export interface LibrarySyncReport {
  added: number;
  updated: number;
  keptEdited: number;
  /** Unedited shipped principles the library no longer has (retired or dropped), deleted. */
  removed: number;
  /** Edited shipped principles the library no longer has, kept as the user's own. */
  keptAsOwn: number;
}

function strip(p: StoredPrinciple | Principle): Principle {
  const { id, dimension, category, title, statement, rationale, applies_when, keywords, presentation, checks, sources } = p;
  return { id, dimension, category, title, statement, rationale, applies_when, keywords, ...(presentation ? { presentation } : {}), checks, sources };
}

/**
 * An edited shipped principle at a library upgrade: the user's text stays, including their trigger
 * terms. Only when the version they edited had no presentation at all (it predates trigger terms)
 * does it take the new shipped presentation: otherwise an old edit would turn a presentation-specific
 * principle into a general one that every emergency pulls in. A presentation the user removed stays removed.
 */
function keepEdited(old: StoredPrinciple, fresh: Principle): StoredPrinciple {
  const predatesTriggers = !old.presentation && !old.shipped?.presentation;
  if (predatesTriggers && fresh.presentation) return { ...old, presentation: fresh.presentation, shipped: fresh };
  return { ...old, shipped: fresh };
}

export class PrinciplesRepository {
  constructor(private readonly db: AppDb, private readonly now: () => number = Date.now) {}

  async list(): Promise<StoredPrinciple[]> {
    return this.db.getAll('principles');
  }

  async get(id: string): Promise<StoredPrinciple | undefined> {
    return this.db.get('principles', id);
  }

  /**
   * Merges a shipped library version into the store, once per version. New principles are added;
   * unedited shipped ones are replaced (keeping the enabled switch); edited ones keep the user's
   * text, trigger terms included, but remember the new shipped version for "reset" (see keepEdited).
   * A shipped principle the library no longer has (listed in `retired`, or simply gone) is deleted
   * if the user never edited it, and kept as the user's own if they did, marked with what replaced
   * it: a user's edit is never silently deleted.
   * The caller loads the library first: no non-IDB work happens inside the transaction.
   */
  async syncShipped(version: string, shipped: readonly Principle[], retired: readonly RetiredPrinciple[] = []): Promise<LibrarySyncReport | null> {
    const tx = this.db.transaction(['principles', 'settings'], 'readwrite');
    const settings = tx.objectStore('settings');
    const store = tx.objectStore('principles');
    const current = await settings.get('libraryVersion');
    if (current?.value === version) {
      await tx.done;
      return null;
    }
    const report: LibrarySyncReport = { added: 0, updated: 0, keptEdited: 0, removed: 0, keptAsOwn: 0 };
    const existing = new Map((await store.getAll()).map((p) => [p.id, p]));
    const retiredById = new Map(retired.map((r) => [r.id, r]));
    const now = this.now();
    for (const p of shipped) {
      // A retired id is never reused; a library that ships one anyway is not trusted to overwrite it.
      if (retiredById.has(p.id)) continue;
      const old = existing.get(p.id);
      const fresh = strip(p);
      if (!old) {
        await store.put({ ...fresh, enabled: true, origin: 'shipped', edited: false, shipped: fresh, updatedAt: now });
        report.added++;
      } else if (old.origin === 'shipped' && !old.edited) {
        await store.put({ ...fresh, enabled: old.enabled, origin: 'shipped', edited: false, shipped: fresh, updatedAt: now });
        report.updated++;
      } else {
        await store.put(old.origin === 'shipped' ? keepEdited(old, fresh) : old);
        report.keptEdited++;
      }
    }
    const shippedIds = new Set(shipped.filter((p) => !retiredById.has(p.id)).map((p) => p.id));
    for (const old of existing.values()) {
      if (old.origin !== 'shipped' || shippedIds.has(old.id)) continue;
      if (old.edited) {
        const r = retiredById.get(old.id);
        await store.put({
          ...old,
          origin: 'user',
          shipped: null,
          ...(r ? { retired: { since: r.since, replaced_by: [...r.replaced_by] } } : {}),
        });
        report.keptAsOwn++;
      } else {
        await store.delete(old.id);
        report.removed++;
      }
    }
    await settings.put({ key: 'libraryVersion', value: version });
    await tx.done;
    return report;
  }

  async setEnabled(id: string, enabled: boolean): Promise<void> {
    const tx = this.db.transaction('principles', 'readwrite');
    const p = await tx.store.get(id);
    if (p) await tx.store.put({ ...p, enabled, updatedAt: this.now() });
    await tx.done;
  }

  /**
   * Saves the user's version of a principle; a shipped one becomes "edited" (unless the text is back
   * to the shipped version), a new id becomes the user's own.
   */
  async save(principle: Principle): Promise<StoredPrinciple> {
    const tx = this.db.transaction('principles', 'readwrite');
    const record = this.#merge(await tx.store.get(principle.id), principle);
    await tx.store.put(record);
    await tx.done;
    return record;
  }

  /**
   * Saves many principles in one transaction (an import): existing ids are replaced as by `save`,
   * new ids become the user's own. A record's `enabled`, when given, sets the switch. All or nothing.
   */
  async importMany(records: readonly PrincipleWithSwitch[]): Promise<ImportReport> {
    const tx = this.db.transaction('principles', 'readwrite');
    const report: ImportReport = { added: 0, updated: 0 };
    for (const p of records) {
      const old = await tx.store.get(p.id);
      const record = this.#merge(old, p);
      await tx.store.put(p.enabled === undefined ? record : { ...record, enabled: p.enabled });
      if (old) report.updated++;
      else report.added++;
    }
    await tx.done;
    return report;
  }

  #merge(old: StoredPrinciple | undefined, principle: Principle): StoredPrinciple {
    const fresh = strip(principle);
    const shipped = old?.shipped ?? null;
    return {
      ...fresh,
      enabled: old?.enabled ?? true,
      origin: old?.origin ?? 'user',
      edited: old?.origin === 'shipped' && !(shipped && samePrincipleContent(fresh, shipped)),
      shipped,
      updatedAt: this.now(),
    };
  }

  /** Restores the shipped text of a principle (keeps the enabled switch). */
  async resetToShipped(id: string): Promise<void> {
    const tx = this.db.transaction('principles', 'readwrite');
    const p = await tx.store.get(id);
    if (p?.shipped) await tx.store.put({ ...p.shipped, enabled: p.enabled, origin: 'shipped', edited: false, shipped: p.shipped, updatedAt: this.now() });
    await tx.done;
  }

  /** Deletes one of the user's own principles (shipped ones can only be disabled). */
  async deleteOwn(id: string): Promise<void> {
    const tx = this.db.transaction('principles', 'readwrite');
    const p = await tx.store.get(id);
    if (p?.origin === 'user') await tx.store.delete(id);
    await tx.done;
  }
}
