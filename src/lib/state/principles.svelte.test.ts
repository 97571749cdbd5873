// The Principles page's state over a real (fake-indexeddb) store seeded with the shipped library.

import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../cli/library';
import { PrincipleFileSchema } from '../core/schemas';
import type { Principle } from '../core/types';
import { PrinciplesRepository } from '../db/principlesRepository';
import { openAppDb } from '../db/schema';
import { PrinciplesState } from './principles.svelte';

const shipped = readShippedPrinciples();
let n = 0;

async function seeded() {
  const repo = new PrinciplesRepository(await openAppDb(`principles-state-${Date.now()}-${n++}`));
  await repo.syncShipped('1.0.0', shipped);
  const state = new PrinciplesState(repo, '1.0.0');
  await state.refresh();
  return { repo, state };
}

const byId = (state: PrinciplesState, id: string) => state.all.find((p) => p.id === id)!;

describe('PrinciplesState: browsing', () => {
  it('counts the library by dimension and narrows by dimension, category, status and search', async () => {
    const { state } = await seeded();
    expect(state.counts).toMatchObject({ total: shipped.length, shipped: shipped.length, own: 0, edited: 0, disabled: 0 });
    const ofDimension = (d: string) => shipped.filter((p) => p.dimension === d);
    expect(state.counts.byDimension).toEqual({
      urgency: ofDimension('urgency').length,
      uncertainty: ofDimension('uncertainty').length,
      expertise: ofDimension('expertise').length,
      task_type: ofDimension('task_type').length,
    });

    state.chooseDimension('urgency');
    expect(state.visible).toHaveLength(ofDimension('urgency').length);
    expect(state.categories.reduce((sum, c) => sum + c.count, 0)).toBe(ofDimension('urgency').length);
    state.category = 'Time-critical first aid';
    expect(state.visible.map((p) => p.id)).toEqual(['URG-021', 'URG-022', 'URG-023', 'URG-024', 'URG-025', 'URG-034', 'URG-036']);

    state.chooseDimension('all');
    expect(state.category).toBe('all');
    state.query = 'anaphylaxis adrenaline';
    expect(state.visible.map((p) => p.id)).toContain('URG-022');
    expect(state.visible.every((p) => /anaphyla/i.test(JSON.stringify(p)))).toBe(true);
    state.query = 'URG-01';
    expect(state.visible.map((p) => p.id)).toEqual(['URG-010', 'URG-011', 'URG-012', 'URG-013', 'URG-014', 'URG-015', 'URG-016', 'URG-017', 'URG-018', 'URG-019']);
    state.query = 'zzzz';
    expect(state.visible).toEqual([]);
    // Trigger terms and Chinese text are searched too: "balls" and "睾丸" are only triggers of URG-017.
    state.query = 'balls';
    expect(state.visible.map((p) => p.id)).toContain('URG-017');
    state.query = '睾丸';
    expect(state.visible.map((p) => p.id)).toEqual(['URG-017']);
    state.query = '噎住';
    expect(state.visible.map((p) => p.id)).toContain('URG-034');
    // Seeds and filters the whole shipped library in fake-indexeddb, which is slow on a loaded machine.
  }, 20_000);
});

describe('PrinciplesState: changes', () => {
  it('switches a principle off and on, and the status filter follows', async () => {
    const { state, repo } = await seeded();
    await state.setEnabled('TSK-010', false);
    expect((await repo.get('TSK-010'))?.enabled).toBe(false);
    state.status = 'disabled';
    expect(state.visible.map((p) => p.id)).toEqual(['TSK-010']);
    await state.setEnabled('TSK-010', true);
    expect(state.visible).toEqual([]);
  });

  it('refuses an invalid edit with readable problems and stores nothing', async () => {
    const { state, repo } = await seeded();
    const original = byId(state, 'URG-004');
    const outcome = await state.save({ ...original, title: '', checks: [{ criterion: 'Too short', points: 0, axis: 'accuracy' }] });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems).toContain('checks #1 points: points must not be 0');
    expect(outcome.problems.some((p) => p.startsWith('title:'))).toBe(true);
    expect((await repo.get('URG-004'))?.title).toBe(original.title);
  });

  it('edits a shipped principle, shows it as edited, and resets it to the shipped version', async () => {
    const { state } = await seeded();
    const original = byId(state, 'URG-004');
    expect(await state.save({ ...original, title: 'My clearer title' })).toEqual({ ok: true, id: 'URG-004' });
    expect(byId(state, 'URG-004')).toMatchObject({ title: 'My clearer title', edited: true, origin: 'shipped' });
    expect(state.counts.edited).toBe(1);
    await state.resetToShipped('URG-004');
    expect(byId(state, 'URG-004')).toMatchObject({ title: original.title, edited: false });
    // Saving the shipped text again is not an edit.
    await state.save({ ...original });
    expect(byId(state, 'URG-004').edited).toBe(false);
  });

  it('adds principles of the user’s own with USR- ids and deletes them, but never a shipped one', async () => {
    const { state } = await seeded();
    const id = state.newOwnId();
    expect(id).toBe('USR-001');
    const mine: Principle = { ...shipped[0]!, id, title: 'Ask about travel history', category: 'My additions' };
    expect((await state.save(mine)).ok).toBe(true);
    expect(byId(state, id)).toMatchObject({ origin: 'user', edited: false, enabled: true });
    expect(state.newOwnId()).toBe('USR-002');
    state.selectedId = id;
    await state.deleteOwn(id);
    expect(state.all.find((p) => p.id === id)).toBeUndefined();
    expect(state.selectedId).toBeNull();
    await state.deleteOwn('URG-001');
    expect(state.all).toHaveLength(shipped.length);
  });
});

describe('PrinciplesState: import and export', () => {
  it('exports the whole library as a valid principle file carrying the switches', async () => {
    const { state } = await seeded();
    await state.setEnabled('EXP-001', false);
    const file = JSON.parse(state.exportJson()) as { id: string; enabled: boolean }[];
    expect(PrincipleFileSchema.safeParse(file).success).toBe(true);
    expect(file).toHaveLength(shipped.length);
    expect(file.find((p) => p.id === 'EXP-001')?.enabled).toBe(false);
  });

  it('rejects a file with any bad record, reporting each by position, and changes nothing', async () => {
    const { state, repo } = await seeded();
    const before = JSON.stringify(await repo.list());
    const good = { ...shipped[1]!, title: 'Would be an edit' };
    const file = [good, { ...shipped[2]!, checks: [] }, { ...shipped[3]!, sources: [{ name: 'x', year: 3000 }] }, { id: 'USR-new' }];
    const outcome = await state.importJson(JSON.stringify(file));
    expect(outcome.kind).toBe('rejected');
    if (outcome.kind !== 'rejected') return;
    const positions = new Set(outcome.problems.map((p) => /^Record (\d+)/.exec(p)?.[1]));
    expect(positions).toEqual(new Set(['2', '3', '4']));
    expect(JSON.stringify(await repo.list())).toBe(before);
  });

  it('imports a valid file: edits existing principles, adds the user’s own and applies switches', async () => {
    const { state } = await seeded();
    const file = [
      { ...shipped[1]!, title: 'Imported edit', enabled: false },
      { ...shipped[0]!, id: 'USR-050', title: 'Imported own principle' },
    ];
    expect(await state.importJson(JSON.stringify(file))).toEqual({ kind: 'imported', added: 1, updated: 1 });
    expect(byId(state, shipped[1]!.id)).toMatchObject({ title: 'Imported edit', edited: true, enabled: false });
    expect(byId(state, 'USR-050')).toMatchObject({ origin: 'user', enabled: true });
    expect(state.counts.total).toBe(shipped.length + 1);
  });
});

describe('library upgrade through the page state', () => {
  it('keeps the user’s edits, switches and own principles when a new shipped version arrives', async () => {
    const { state, repo } = await seeded();
    const urg4 = byId(state, 'URG-004');
    await state.save({ ...urg4, title: 'Edited before the upgrade' });
    await state.setEnabled('UNC-001', false);
    await state.save({ ...shipped[0]!, id: state.newOwnId(), title: 'Mine before the upgrade' });

    const v2 = shipped.map((p) => ({ ...p, statement: `${p.statement} (revised in 1.1.0)` }));
    const report = await repo.syncShipped('1.1.0', v2);
    expect(report).toEqual({ added: 0, updated: shipped.length - 1, keptEdited: 1, removed: 0, keptAsOwn: 0 });
    await state.refresh();

    expect(byId(state, 'URG-004')).toMatchObject({ title: 'Edited before the upgrade', edited: true });
    expect(byId(state, 'URG-004').statement).not.toMatch(/1\.1\.0/);
    expect(byId(state, 'URG-004').shipped?.statement).toMatch(/revised in 1\.1\.0/);
    expect(byId(state, 'UNC-001')).toMatchObject({ enabled: false });
    expect(byId(state, 'UNC-001').statement).toMatch(/revised in 1\.1\.0/);
    expect(byId(state, 'USR-001').title).toBe('Mine before the upgrade');
    await state.resetToShipped('URG-004');
    expect(byId(state, 'URG-004').statement).toMatch(/revised in 1\.1\.0/);
  });
});
