import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../cli/library';
import { FIXTURE_PRINCIPLES } from '../../../tests/support/fixturePrinciples';
import { exportPrincipleFile } from '../core/library/principleFile';
import { parsePrincipleFile } from '../core/library/principleImport';
import { createRun } from '../core/pipeline/fold';
import { DEFAULT_RUN_OPTIONS, type Principle } from '../core/types';
import { PrinciplesRepository } from './principlesRepository';
import { RunsRepository } from './runsRepository';
import { DatabaseNewerError } from './errors';
import { DB_VERSION, openAppDb } from './schema';
import { SettingsRepository } from './settingsRepository';

let dbCounter = 0;
const freshDb = () => openAppDb(`test-${Date.now()}-${dbCounter++}`);

describe('schema', () => {
  it('creates every store on a fresh database and opens an existing one unchanged', async () => {
    const name = `test-upgrade-${dbCounter++}`;
    const db = await openAppDb(name);
    expect([...db.objectStoreNames].sort()).toEqual(['principles', 'runs', 'settings']);
    await new SettingsRepository(db).set('libraryVersion', 'x');
    db.close();
    const again = await openDB(name, DB_VERSION);
    expect((await again.get('settings', 'libraryVersion'))?.value).toBe('x');
    again.close();
  });
});

describe('schema upgrades with other tabs open', () => {
  it('an open tab closes its connection and says so when a newer build upgrades, so the upgrade never hangs', async () => {
    const name = `test-blocking-${dbCounter++}`;
    let told = 0;
    const old = await openAppDb(name, { onVersionChange: () => told++ });
    const newer = await openDB(name, DB_VERSION + 1);
    expect(told).toBe(1);
    expect(newer.version).toBe(DB_VERSION + 1);
    newer.close();
    await expect(old.get('settings', 'engine')).rejects.toThrow();
  });

  it('an old build on a newer database says to reload for the new version', async () => {
    const name = `test-newer-${dbCounter++}`;
    (await openDB(name, DB_VERSION + 1)).close();
    const error = await openAppDb(name).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseNewerError);
    expect((error as Error).message).toMatch(/Reload the page/);
    expect((error as Error).message).not.toMatch(/Private windows/);
  });
});

describe('RunsRepository', () => {
  it('lists runs newest first and reloads one whole', async () => {
    const repo = new RunsRepository(await freshDb());
    for (const [i, q] of ['first', 'second', 'third'].entries()) {
      await repo.save(createRun({ id: `r${i}`, question: q, options: DEFAULT_RUN_OPTIONS, engineLabel: 'e', now: 1000 + i }));
    }
    expect((await repo.listRecent()).map((r) => r.question)).toEqual(['third', 'second', 'first']);
    expect((await repo.listRecent(2)).length).toBe(2);
    expect((await repo.get('r1'))?.question).toBe('second');
    await repo.delete('r1');
    expect(await repo.get('r1')).toBeUndefined();
  });
});

describe('PrinciplesRepository.syncShipped', () => {
  const v1 = FIXTURE_PRINCIPLES;
  it('seeds on first run, once per version', async () => {
    const repo = new PrinciplesRepository(await freshDb());
    expect(await repo.syncShipped('1', v1)).toEqual({ added: v1.length, updated: 0, keptEdited: 0, removed: 0, keptAsOwn: 0 });
    expect(await repo.syncShipped('1', v1)).toBeNull();
    const all = await repo.list();
    expect(all.every((p) => p.enabled && p.origin === 'shipped' && !p.edited)).toBe(true);
  });

  it('upgrades without clobbering edits, switches or the user’s own principles', async () => {
    const repo = new PrinciplesRepository(await freshDb());
    await repo.syncShipped('1', v1);
    const [a, b, c] = v1 as [Principle, Principle, Principle];
    await repo.save({ ...a, title: 'My edited title' });
    await repo.setEnabled(b.id, false);
    await repo.save({ ...c, id: 'USR-mine', title: 'My own principle' });

    const v2 = v1.map((p) => ({ ...p, statement: `${p.statement} (v2)` })).filter((p) => p.id !== 'TSK-001');
    const report = await repo.syncShipped('2', v2);
    expect(report).toEqual({ added: 0, updated: v2.length - 1, keptEdited: 1, removed: 1, keptAsOwn: 0 });

    const edited = await repo.get(a.id);
    expect(edited?.title).toBe('My edited title');
    expect(edited?.edited).toBe(true);
    expect(edited?.shipped?.statement).toMatch(/\(v2\)$/);
    const disabled = await repo.get(b.id);
    expect(disabled?.enabled).toBe(false);
    expect(disabled?.statement).toMatch(/\(v2\)$/);
    expect((await repo.get('USR-mine'))?.origin).toBe('user');
    expect(await repo.get('TSK-001')).toBeUndefined();

    await repo.resetToShipped(a.id);
    expect((await repo.get(a.id))?.title).toBe(a.title);
    expect((await repo.get(a.id))?.edited).toBe(false);
  });

  it('retires ids: an unedited retired principle goes, an edited one stays as the user’s own with what replaced it', async () => {
    const repo = new PrinciplesRepository(await freshDb());
    await repo.syncShipped('1', v1);
    const [a, b, c, d] = v1 as [Principle, Principle, Principle, Principle];
    await repo.save({ ...a, statement: `${a.statement} My clinic's wording.` });
    await repo.setEnabled(b.id, false);
    const retired = [a, b, c].map((p) => ({ id: p.id, replaced_by: [d.id], since: '2', reason: 'merged' }));
    // The new library drops a, b and c; it also (wrongly) still lists c, which must not bring it back.
    const v2 = v1.filter((p) => p.id !== a.id && p.id !== b.id);
    const report = await repo.syncShipped('2', v2, retired);
    expect(report).toEqual({ added: 0, updated: v1.length - 3, keptEdited: 0, removed: 2, keptAsOwn: 1 });

    const kept = await repo.get(a.id);
    expect(kept).toMatchObject({ origin: 'user', edited: true, shipped: null, retired: { since: '2', replaced_by: [d.id] } });
    expect(kept?.statement).toMatch(/My clinic's wording\.$/);
    expect(await repo.get(b.id)).toBeUndefined();
    expect(await repo.get(c.id)).toBeUndefined();
    // Kept as the user's own, so the user can now delete it like any principle of their own.
    await repo.deleteOwn(a.id);
    expect(await repo.get(a.id)).toBeUndefined();
  });

  it('keeps a retired principle the user edited even when the library version changes again later', async () => {
    const repo = new PrinciplesRepository(await freshDb());
    await repo.syncShipped('1', v1);
    const [a] = v1 as [Principle];
    await repo.save({ ...a, title: 'Mine now' });
    const retired = [{ id: a.id, replaced_by: [], since: '2', reason: 'withdrawn' }];
    const v2 = v1.filter((p) => p.id !== a.id);
    await repo.syncShipped('2', v2, retired);
    const report = await repo.syncShipped('3', v2, retired);
    expect(report).toMatchObject({ removed: 0, keptAsOwn: 0 });
    expect(await repo.get(a.id)).toMatchObject({ title: 'Mine now', origin: 'user', retired: { since: '2' } });
  });

  describe('trigger terms', () => {
    const withTriggers = (p: Principle, triggers: string[]): Principle => ({ ...p, presentation: { name: 'testicular pain', triggers } });

    it('keeps every shipped presentation through seeding, an export and a re-import (issue 17 saw it dropped)', async () => {
      const shipped = readShippedPrinciples();
      const presentations = new Map(shipped.filter((p) => p.presentation).map((p) => [p.id, p.presentation]));
      expect(presentations.size).toBeGreaterThanOrEqual(40);
      const repo = new PrinciplesRepository(await freshDb());
      await repo.syncShipped('1', shipped);
      const stored = await repo.list();
      for (const [id, presentation] of presentations) expect(stored.find((p) => p.id === id)?.presentation, id).toEqual(presentation);
      const parsed = parsePrincipleFile(exportPrincipleFile(stored), new Set(stored.map((p) => p.id)));
      if (!parsed.ok) throw new Error(parsed.problems.join('; '));
      for (const [id, presentation] of presentations) expect(parsed.records.find((p) => p.id === id)?.presentation, id).toEqual(presentation);
    });

    it('keeps the user’s edited trigger terms through an upgrade, and marks the edit', async () => {
      const repo = new PrinciplesRepository(await freshDb());
      const a = withTriggers(v1[0]!, ['testicle', 'balls']);
      await repo.syncShipped('1', [a]);
      const saved = await repo.save({ ...a, presentation: { name: 'testicular pain', triggers: ['testicle', 'balls', 'nuts'] } });
      expect(saved.edited).toBe(true);
      await repo.syncShipped('2', [withTriggers(a, ['testicle', 'balls', '睾丸'])]);
      const after = await repo.get(a.id);
      expect(after?.presentation?.triggers).toEqual(['testicle', 'balls', 'nuts']);
      expect(after?.shipped?.presentation?.triggers).toEqual(['testicle', 'balls', '睾丸']);
      await repo.resetToShipped(a.id);
      expect((await repo.get(a.id))?.presentation?.triggers).toEqual(['testicle', 'balls', '睾丸']);
    });

    it('gives a principle edited before trigger terms existed the shipped presentation, keeping the other edits', async () => {
      const repo = new PrinciplesRepository(await freshDb());
      const plain = v1[0]!;
      await repo.syncShipped('1', [plain]);
      await repo.save({ ...plain, title: 'My edited title' });
      await repo.syncShipped('2', [withTriggers(plain, ['testicle'])]);
      const after = await repo.get(plain.id);
      expect(after?.title).toBe('My edited title');
      expect(after?.edited).toBe(true);
      expect(after?.presentation).toEqual({ name: 'testicular pain', triggers: ['testicle'] });
    });

    it('keeps a presentation the user removed removed', async () => {
      const repo = new PrinciplesRepository(await freshDb());
      const a = withTriggers(v1[0]!, ['testicle']);
      await repo.syncShipped('1', [a]);
      const { presentation: _removed, ...general } = a;
      await repo.save(general);
      await repo.syncShipped('2', [withTriggers(a, ['testicle', 'testicles'])]);
      const after = await repo.get(a.id);
      expect(after?.presentation).toBeUndefined();
      expect(after?.edited).toBe(true);
    });
  });
});
