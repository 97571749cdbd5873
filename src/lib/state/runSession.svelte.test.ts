import { describe, expect, it, vi } from 'vitest';
import { FIXTURE_PRINCIPLES } from '../../../tests/support/fixturePrinciples';
import { ScriptedEngine } from '../../../tests/support/scriptedEngine';
import { PrinciplesRepository } from '../db/principlesRepository';
import { RunsRepository } from '../db/runsRepository';
import { openAppDb } from '../db/schema';
import { SettingsRepository } from '../db/settingsRepository';
import type { ChatEngine } from '../core/chat';
import type { EngineState } from './engine.svelte';
import { RunSession } from './runSession.svelte';
import { SettingsState } from './settings.svelte';

let n = 0;

/** A session whose engine takes as long to load as the test decides. */
async function setup() {
  const db = await openAppDb(`run-session-${n++}`);
  const runs = new RunsRepository(db);
  const principles = new PrinciplesRepository(db);
  await principles.syncShipped('test', FIXTURE_PRINCIPLES);
  const settings = new SettingsState(new SettingsRepository(db));
  let finishLoad: (engine: ChatEngine) => void = () => {};
  const loaded = new Promise<ChatEngine>((resolve) => (finishLoad = resolve));
  const cancelLoad = vi.fn();
  const get = vi.fn(() => loaded);
  const engine = { get, cancelLoad } as unknown as EngineState;
  const session = new RunSession({ runs, principles, settings, engine, onRunSaved: () => {} });
  return { session, runs, finishLoad, cancelLoad, get };
}

describe('RunSession', () => {
  it('ignores a second Ask while the first is still loading its engine (one run, not two)', async () => {
    const { session, runs, finishLoad } = await setup();
    const first = session.ask('Fever and cough in my son for two days?');
    expect(session.busy).toBe(true);
    const second = session.ask('A different question pressed twice?');
    finishLoad(new ScriptedEngine('improves'));
    await Promise.all([first, second]);
    const saved = await runs.listRecent();
    expect(saved.map((r) => r.question)).toEqual(['Fever and cough in my son for two days?']);
    expect(saved[0]?.status).toBe('done');
    // The first run of a process loads the real Qwen3 tokenizer, which takes seconds on a busy machine.
  }, 30_000);

  it('Stop while the engine is still loading cancels the load', async () => {
    const { session, cancelLoad } = await setup();
    void session.ask('Fever and cough in my son for two days?');
    session.stop();
    expect(cancelLoad).toHaveBeenCalledOnce();
  });
});

describe('RunSession pre-check', () => {
  it('refuses a 1 MB question before loading the engine or any tokenizer, and says how to fix it', async () => {
    const { session, get } = await setup();
    const started = performance.now();
    await session.ask('x '.repeat(500_000));
    expect(performance.now() - started).toBeLessThan(200);
    expect(session.notice).toMatch(/^The question needs about \d+ tokens but the model's context window holds \d+\. Shorten it/);
    expect(session.busy).toBe(false);
    expect(session.run).toBeNull();
    expect(get).not.toHaveBeenCalled();
  });
});
