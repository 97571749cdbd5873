import { describe, expect, it } from 'vitest';
import { clinicianItem, finishedRun } from '../../../tests/support/rubricFixtures';
import { ScriptedEngine } from '../../../tests/support/scriptedEngine';
import { RubricReviewsRepository } from '../db/rubricReviewsRepository';
import { RunsRepository } from '../db/runsRepository';
import { openAppDb } from '../db/schema';
import { SettingsRepository } from '../db/settingsRepository';
import type { EngineState } from './engine.svelte';
import { RubricsState, RunNotReviewableError, rubricsStateFor } from './rubrics.svelte';
import { SettingsState } from './settings.svelte';

let n = 0;

async function setup() {
  const db = await openAppDb(`rubrics-state-${n++}`);
  const runs = new RunsRepository(db);
  const repo = new RubricReviewsRepository(db);
  const engine = new ScriptedEngine('improves');
  const engineState = { get: async () => engine, current: engine } as unknown as EngineState;
  let clock = 1_000;
  const state = new RubricsState({ repo, runs, engine: engineState, settings: new SettingsState(new SettingsRepository(db)), now: () => ++clock });
  await runs.save(finishedRun('run-1'));
  await runs.save({ ...finishedRun('run-2', 'My daughter has diarrhoea, what should I watch for?') });
  await runs.save({ ...finishedRun('run-busy'), status: 'running' });
  return { state, repo, engine };
}

const ids = new Set(['URG-001']);

describe('rubricsStateFor', () => {
  // That the state keeps updating after the page that created it is gone needs the browser build of
  // Svelte (Node runs the server build, with no effect roots): tests/e2e/rubrics.e2e.test.ts covers it.
  it('gives one state per app', async () => {
    const db = await openAppDb(`rubrics-state-${n++}`);
    const deps = { repo: new RubricReviewsRepository(db), runs: new RunsRepository(db), engine: {} as EngineState, settings: new SettingsState(new SettingsRepository(db)) };
    expect(rubricsStateFor(deps)).toBe(rubricsStateFor(deps));
    expect(rubricsStateFor({ ...deps })).not.toBe(rubricsStateFor(deps));
  });
});

describe('RubricsState', () => {
  it('opens a run once: the second open finds the same review', async () => {
    const { state } = await setup();
    const id = await state.openForRun('run-1');
    expect(await state.openForRun('run-1')).toBe(id);
    expect(state.all).toHaveLength(1);
    expect(state.selected?.items).toHaveLength(5);
    await expect(state.openForRun('run-busy')).rejects.toThrow(RunNotReviewableError);
    await expect(state.openForRun('nope')).rejects.toThrow(/not in this browser/);
  });

  it('refuses to save invalid items, then saves, verifies and filters', async () => {
    const { state } = await setup();
    await state.openForRun('run-1');
    const items = state.selected!.items;
    expect(await state.saveItems([{ ...items[0]!, points: 0 }, ...items.slice(1)], ids)).toEqual([expect.objectContaining({ index: 0, field: 'points' })]);
    expect(state.selected!.edits).toHaveLength(0);
    expect(await state.saveItems([...items, clinicianItem('R6', 'Asks whether the child is drinking fluids')], ids)).toEqual([]);
    expect(await state.verify('', ids)).toEqual([expect.objectContaining({ field: 'reviewer' })]);
    expect(await state.verify('Dr Lee', ids)).toEqual([]);
    state.status = 'draft';
    expect(state.visible).toEqual([]);
    state.status = 'verified';
    state.reviewer = 'Dr Lee';
    state.query = 'fever drinking';
    expect(state.visible.map((r) => r.id)).toEqual([state.selectedId]);
    state.principle = 'URG-001';
    expect(state.visible).toHaveLength(1);
    state.principle = 'EXP-001';
    expect(state.visible).toHaveLength(0);
  });

  it('re-grades, and grades a pasted answer before recording a preference with both scores', async () => {
    const { state, engine } = await setup();
    await state.openForRun('run-1');
    await state.verify('Dr Lee', ids);
    await state.regrade();
    expect(state.changes.map((c) => c.after)).toEqual([8 / 22, 13 / 22, 19 / 22]);
    const pasted = await state.addPasted('Revised answer 2: see a doctor today, and my own words.');
    const before = engine.calls.length;
    await state.prefer(pasted!, 'round-0', false);
    // Only the pasted answer needed grading (5 items); round 0 already had its score.
    expect(engine.calls.length - before).toBe(5);
    const review = state.selected!;
    expect(review.preference).toEqual({ chosen: 'pasted-1', rejected: 'round-0', tie: false });
    expect(review.responses.find((r) => r.id === 'pasted-1')!.score).toBe(19 / 22);
  });

  it('exports to JSONL and imports it into an empty store: the same records; a second import skips them', async () => {
    const { state } = await setup();
    await state.openForRun('run-1');
    await state.verify('Dr Lee', ids);
    await state.openForRun('run-2');
    const all = await (await state.exportJsonl(false)).text();
    expect(all.trim().split('\n')).toHaveLength(2);
    state.checked = [state.selectedId!];
    expect((await (await state.exportJsonl(true)).text()).trim().split('\n')).toHaveLength(1);

    const other = await setup();
    expect(await other.state.importJsonl(new Blob([all]))).toEqual({ kind: 'imported', added: 2, duplicates: 0 });
    expect(await (await other.state.exportJsonl(false)).text()).toBe(all);
    expect(await other.state.importJsonl(new Blob([all]))).toEqual({ kind: 'imported', added: 0, duplicates: 2 });
    const bad = await other.state.importJsonl(new Blob([`${all}not json\n`]));
    expect(bad).toEqual({ kind: 'rejected', problems: ['line 3: not valid JSON'] });
  });

  it('offers candidates from two questions, hides rejected ones and records accepted ones', async () => {
    const { state } = await setup();
    for (const [run, criterion] of [['run-1', 'Asks whether the child is drinking fluids'], ['run-2', 'Asks if the child is drinking enough fluids']] as const) {
      await state.openForRun(run);
      await state.saveItems([...state.selected!.items, clinicianItem('R6', criterion)], ids);
      await state.verify('Dr Lee', ids);
    }
    const drinking = state.candidates.find((c) => c.title.includes('drinking'))!;
    expect(drinking.items).toHaveLength(2);
    const other = state.candidates.find((c) => c !== drinking)!;
    await state.rejectCandidate(other.id);
    expect(state.candidates.some((c) => c.id === other.id)).toBe(false);
    const principle = state.draftPrinciple(drinking, 'USR-001');
    expect(principle).toMatchObject({ id: 'USR-001', checks: [expect.objectContaining({ points: 5 }), expect.objectContaining({ points: 5 })] });
    await state.acceptCandidate(drinking, 'USR-001');
    expect(state.accepted).toEqual([expect.objectContaining({ principleId: 'USR-001', reviewIds: drinking.reviewIds })]);
    expect(state.candidates.some((c) => c.id === drinking.id)).toBe(false);
  });
});
