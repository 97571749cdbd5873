// The Evaluate page's state over a real (fake-indexeddb) store and the scripted HTTP server (a test
// double): import, refusal of bad lines, a run to the end, Stop, and resume from the stored results.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PRINCIPLES } from '../../../tests/support/fixturePrinciples';
import { startScriptedServer, type ScriptedServer } from '../../../tests/support/scriptedServer';
import { EvaluationsRepository } from '../db/evaluationsRepository';
import { PrinciplesRepository } from '../db/principlesRepository';
import { openAppDb } from '../db/schema';
import { SettingsRepository } from '../db/settingsRepository';
import { DEFAULT_OPENAI_SETTINGS } from '../engine/settings';
import { EngineState } from './engine.svelte';
import { EvaluationState } from './evaluation.svelte';
import { SettingsState } from './settings.svelte';

let server: ScriptedServer;
let n = 0;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(async () => {
  await server.close();
});

async function setup() {
  const db = await openAppDb(`evaluation-state-${Date.now()}-${n++}`);
  const repo = new EvaluationsRepository(db);
  const principles = new PrinciplesRepository(db);
  await principles.syncShipped('1', FIXTURE_PRINCIPLES);
  const settings = new SettingsState(new SettingsRepository(db));
  await settings.saveEngine({ ...DEFAULT_OPENAI_SETTINGS, baseUrl: server.url, model: 'scripted' });
  const engine = new EngineState();
  const make = () => new EvaluationState({ repo, principles, settings, engine });
  return { repo, make, state: make() };
}

const line = (id: string) => JSON.stringify({ prompt_id: id, prompt: [{ role: 'user', content: `q ${id}` }], rubrics: [{ criterion: 'c', points: 2, tags: ['axis:accuracy'] }, { criterion: 'd', points: -1, tags: [] }], example_tags: ['theme:hedging'] });

describe('EvaluationState', () => {
  it('loads the demo set and runs plain to the end, persisting every result', async () => {
    const { state, repo } = await setup();
    await state.loadDemo();
    expect(state.pending?.examples).toHaveLength(28);
    let created = '';
    await state.start({ mode: 'plain', grader: { kind: 'same' }, concurrency: 4, skipBadLines: false }, (id) => (created = id));
    expect(state.running).toBe(false);
    expect(state.open?.record).toMatchObject({ id: created, status: 'done', total: 28, mode: 'plain' });
    expect(state.open?.record.summary?.plain).toBeCloseTo(state.open?.report.mode === 'plain' ? state.open.report.overall.score : NaN, 12);
    expect(state.open?.report).toMatchObject({ mode: 'plain', n_examples: 28 });
    expect(await repo.results(created)).toHaveLength(28);
    expect(state.list.map((r) => r.id)).toEqual([created]);
    expect(state.progress).toMatchObject({ done: 28, total: 28 });
    expect((await repo.get(created))?.cost.calls).toBeGreaterThan(28);
  });

  it('refuses a file with bad lines unless they are skipped', async () => {
    const { state, repo } = await setup();
    await state.importFile(new File([`${line('a')}\nnot json\n${line('b')}\n`], 'mine.jsonl'));
    expect(state.pending?.problems).toEqual([{ line: 2, problems: ['not valid JSON'] }]);
    await state.start({ mode: 'plain', grader: { kind: 'same' }, concurrency: 1, skipBadLines: false });
    expect(state.notice).toMatch(/1 bad line\(s\), so nothing was run/);
    expect(await repo.list()).toEqual([]);
    await state.start({ mode: 'plain', grader: { kind: 'same' }, concurrency: 1, skipBadLines: true });
    expect(state.open?.report.n_examples).toBe(2);
  });

  it('Stop keeps what was graded; a new state (after a reload) resumes the rest', async () => {
    const { state, repo, make } = await setup();
    await state.loadDemo();
    let id = '';
    const run = state.start({ mode: 'plain', grader: { kind: 'same' }, concurrency: 1, skipBadLines: false }, (x) => (id = x));
    await expect.poll(() => state.progress?.done ?? 0).toBeGreaterThanOrEqual(2);
    state.stop();
    await run;
    const stopped = await repo.get(id);
    expect(stopped?.status).toBe('stopped');
    const kept = (await repo.results(id)).length;
    expect(kept).toBeGreaterThanOrEqual(2);
    expect(kept).toBeLessThan(28);

    const reloaded = make();
    await reloaded.refresh();
    const before = server.requests.filter((r) => r.step === 'draft').length;
    await reloaded.resume(id);
    expect((await repo.get(id))?.status).toBe('done');
    expect(await repo.results(id)).toHaveLength(28);
    expect(server.requests.filter((r) => r.step === 'draft').length - before).toBe(28 - kept);
  });

  it('a grader server that is down fails every reply and says so; the run is still recorded', async () => {
    const { state } = await setup();
    const down = await startScriptedServer();
    const url = down.url;
    await down.close();
    await state.importFile(new File([`${line('a')}\n`], 'one.jsonl'));
    await state.start({ mode: 'plain', grader: { kind: 'server', baseUrl: url, model: 'g', apiKey: '' }, concurrency: 1, skipBadLines: false });
    expect(state.open?.record.status).toBe('done');
    expect(state.open?.record.failures).toHaveLength(1);
    expect(state.open?.record.failures[0]?.message).toContain(new URL(url).host);
  });
});
