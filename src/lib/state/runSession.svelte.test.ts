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
  return { session, runs, principles, finishLoad, cancelLoad, get };
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

describe('RunSession with a full storage', () => {
  it('keeps the finished run in memory with the storage-full message and saves no record', async () => {
    const { session, runs, finishLoad } = await setup();
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const asking = session.ask('Fever and cough in my son for two days?');
    finishLoad(new ScriptedEngine('improves'));
    await asking;
    put.mockRestore();
    expect(session.run?.status).toBe('done');
    expect(session.unsaved).toMatch(/Storage is full.*Settings → Data/);
    expect(session.notice).toBeNull();
    expect(await runs.listRecent()).toEqual([]);
  }, 30_000);

  it('never leaves a run showing "Starting…" after a failure before the pipeline began', async () => {
    const { session, principles, finishLoad } = await setup();
    vi.spyOn(principles, 'list').mockRejectedValue(new Error('principles unreadable'));
    const asking = session.ask('Fever and cough in my son for two days?');
    finishLoad(new ScriptedEngine('improves'));
    await asking;
    expect(session.run).toBeNull();
    expect(session.notice).toMatch(/principles unreadable/);
    vi.restoreAllMocks();
  }, 30_000);
});

describe('RunSession pre-check', () => {
  it('refuses a 1 MB question before loading the engine or any tokenizer, and says how to fix it', async () => {
    const { session, get } = await setup();
    // Refused by the cheap length check alone (how fast is a benchmark's business, not this test's).
    await session.ask('x '.repeat(500_000));
    expect(session.notice).toMatch(/^The question needs about [\d,]+ tokens but the model's context window holds [\d,]+\. If the model supports more, raise its context in Settings/);
    expect(session.busy).toBe(false);
    expect(session.run).toBeNull();
    expect(get).not.toHaveBeenCalled();
  });
});
